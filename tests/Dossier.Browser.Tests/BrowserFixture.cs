using Dossier.Tests.Shared;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dossier.Contracts.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Dossier.Browser.Tests;

/// <summary>
/// The whole system started once through the real app host (Aspire.Hosting.Testing), the repo's seeds ingested into a fresh
/// data folder, the Aspire dashboard on (API key set) so the trace page can read spans, and one headless Chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DashboardApiKey = "dossier-browser-key";
    /// <summary>Debian's Chromium (apt-get install chromium); DOSSIER_CHROMIUM overrides the path.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("DOSSIER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static readonly string[] SeedIds = Directory.GetFiles(RepoRoot.Seeds, "*.txt")
        .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "dossier-browser", Guid.NewGuid().ToString("N"));

    public string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public DistributedApplication App { get; private set; } = null!;

    public Uri DashboardUrl { get; private set; } = null!;

    /// <summary>The one-time sign-in link the app host logs once the dashboard is up.</summary>
    public SignInLinkCapture SignInLinks { get; } = new();

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium (or set DOSSIER_CHROMIUM).");
        }

        Directory.CreateDirectory(ScreenshotDir);
        App = await DossierApp.StartAsync(DataDir, DashboardApiKey, services => services.AddLogging(l => l
            .AddProvider(SignInLinks)
            .AddFilter<SignInLinkCapture>(SignInLinkCapture.Category, LogLevel.Information)));

        DashboardUrl = App.GetEndpoint("dashboard", "http");

        // Seeds are ingested in the background at start: wait until every seed is listed.
        var query = new QueryService.QueryServiceClient(Channel("query"));
        await Eventually.GetAsync(
            () => query.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 200 }).ResponseAsync,
            r => SeedIds.All(id => r.Documents.Any(d => d.Id == id)),
            TimeSpan.FromSeconds(90));

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public GrpcChannel Channel(string resource) => DossierApp.Channel(App, resource);

    /// <summary>A fresh page (1280 × 900) whose base URL is the Dossier dashboard.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = DashboardUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Saves a PNG under the output folder's screenshots/; with DOSSIER_UPDATE_DOCS_SCREENSHOTS=1 also into the repo's
    /// docs/screenshots/ (the ones the docs show).
    /// </summary>
    public async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var file = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
        if (Environment.GetEnvironmentVariable("DOSSIER_UPDATE_DOCS_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(RepoRoot.Path, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(file, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await DossierApp.StopAsync(App, DataDir);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
