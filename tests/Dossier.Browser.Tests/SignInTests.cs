using System.Text;
using System.Text.RegularExpressions;
using Dossier.Contracts.V1;
using Dossier.Tests.Shared;
using Microsoft.Playwright;

namespace Dossier.Browser.Tests;

/// <summary>
/// Dashboard sign-in in real Chromium: writes (the queue's retry) need a signed-in user and a valid antiforgery token,
/// a wrong key says only that sign-in failed, the app host's one-time link works once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture system)
{
    [Fact]
    public async Task Retry_SignedOutOrWithoutAValidToken_IsRefused_SignedInItWorks()
    {
        var ingestion = new IngestionService.IngestionServiceClient(system.Channel("ingestion"));
        var id = await ParkArticleAsync(ingestion);
        try
        {
            var page = await system.NewPageAsync();
            await page.GotoAsync("/queue");
            var row = page.Locator("table.queue.failed tbody tr", new() { HasTextString = id });
            Assert.Equal(1, await row.CountAsync());
            Assert.Equal(1, await page.Locator("#retry-sign-in").CountAsync());

            // Signed out: the post is refused and the browser is sent to sign in, coming back to the queue.
            await row.Locator("button").ClickAsync();
            await WaitForUrlAsync(page, new Regex("/signin\\?ReturnUrl=%2Fqueue$"));
            Assert.Equal(1, (await ingestion.GetDocumentAsync(new GetDocumentRequest { Id = id })).Attempts);

            // Signed in with the API key: back on the queue page.
            await page.FillAsync("#secret", DossierApp.ApiKey);
            await page.ClickAsync("form.signin button[type=submit]");
            await WaitForUrlAsync(page, new Regex("/queue$"));
            Assert.Equal(1, await page.Locator("#sign-out").CountAsync());

            // A form whose antiforgery token is wrong, or missing, is refused (400) and changes nothing.
            foreach (var tamper in new[] { "f => f.querySelector('input[name=__RequestVerificationToken]').value = 'CfDJ8-forged'", "f => f.querySelector('input[name=__RequestVerificationToken]').remove()" })
            {
                await page.GotoAsync("/queue");
                await row.Locator("form").EvaluateAsync(tamper);
                var refused = await PostAsync(page, () => row.Locator("button").ClickAsync());
                Assert.Equal(400, refused.Status);
                await page.Locator("h1", new() { HasTextString = "Request refused" }).WaitForAsync();
            }

            Assert.Equal(1, (await ingestion.GetDocumentAsync(new GetDocumentRequest { Id = id })).Attempts);

            // The real form, signed in: the article is queued again.
            await page.GotoAsync("/queue");
            await row.Locator("button").ClickAsync();
            await WaitForUrlAsync(page, new Regex("/queue\\?retried=1$"));
            Assert.Contains("1 article(s) queued again", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await system.ScreenshotAsync(page, "queue-retried");
        }
        finally
        {
            // The other browser tests expect a queue without parked articles.
            await ingestion.DeleteDocumentAsync(new DeleteDocumentRequest { Id = id });
        }
    }

    /// <summary>
    /// Waits for the page to reach a URL, a minute at most (the whole test suite runs in parallel: a loaded machine), and
    /// when it does not, fails saying where the page is and what it shows.
    /// </summary>
    private static async Task WaitForUrlAsync(IPage page, Regex url)
    {
        try
        {
            await page.WaitForURLAsync(url, new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            Assert.Fail($"the page did not reach {url} within a minute: it is at {page.Url}, showing: {shown}");
        }
    }

    [Fact]
    public async Task SignIn_WrongKey_FailsSayingOnlySignInFailed()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("/signin");

        await page.FillAsync("#secret", DossierApp.ApiKey + "-wrong");
        var response = await PostAsync(page, () => page.ClickAsync("form.signin button[type=submit]"));
        await page.Locator("#signin-failed").WaitForAsync();

        Assert.Equal(401, response.Status);
        Assert.Equal("Sign-in failed.", (await page.Locator("#signin-failed").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator("#sign-out").CountAsync());
        Assert.DoesNotContain(DossierApp.ApiKey, await page.ContentAsync(), StringComparison.Ordinal);
        await system.ScreenshotAsync(page, "signin-failed");
    }

    [Fact]
    public async Task OneTimeLink_SignsInOnceOnly()
    {
        var link = await Eventually.GetAsync(() => Task.FromResult(system.SignInLinks.Url), u => u is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(link);
        Assert.StartsWith(system.DashboardUrl.ToString().TrimEnd('/') + "/signin?token=", link, StringComparison.Ordinal);
        var first = await system.NewPageAsync();
        var second = await system.NewPageAsync();

        await first.GotoAsync(link);
        var again = await second.GotoAsync(link);

        Assert.Equal(system.DashboardUrl.ToString().TrimEnd('/') + "/", first.Url);
        Assert.Equal(1, await first.Locator("#sign-out").CountAsync());
        Assert.Equal(401, again?.Status);
        Assert.Equal(1, await second.Locator("#signin-failed").CountAsync());
        Assert.Equal(0, await second.Locator("#sign-out").CountAsync());

        await first.ClickAsync("#sign-out");
        await first.Locator("#sign-in").WaitForAsync();
    }

    /// <summary>Runs <paramref name="submit"/> and returns the response to its form post.</summary>
    private static Task<IResponse> PostAsync(IPage page, Func<Task> submit) =>
        page.RunAndWaitForResponseAsync(submit, r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);

    /// <summary>
    /// An article the extractor refuses at once (an HTML page whose text is over the limit), so it is parked as failed
    /// after one attempt; returns its id.
    /// </summary>
    private static async Task<string> ParkArticleAsync(IngestionService.IngestionServiceClient ingestion)
    {
        var html = new StringBuilder("<html><body><p>");
        while (html.Length < 1_100_000)
        {
            html.Append("Coalition partners met again. ");
        }

        html.Append(Guid.NewGuid().ToString("N")).Append("</p></body></html>");
        var receipt = await ingestion.IngestAsync(new IngestRequest
        {
            Text = html.ToString(), ContentType = "text/html", Title = "Oversized page", Source = "browser-tests", Wait = true,
        });
        var document = await Eventually.GetAsync(
            async () => await ingestion.GetDocumentAsync(new GetDocumentRequest { Id = receipt.DocumentId }),
            d => d.Status == DocumentStatus.Failed,
            TimeSpan.FromSeconds(60));
        Assert.True(document.Status == DocumentStatus.Failed, $"{document.Status}: {document.Error}");
        return receipt.DocumentId;
    }
}
