using Dossier.Tests.Shared;
using Aspire.Hosting.Testing;
using Dossier.Contracts.V1;
using Microsoft.Playwright;

namespace Dossier.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserFixture system)
{
    [Fact]
    public async Task Overview_ShowsTotalsAndLatestArticles()
    {
        var page = await system.NewPageAsync();

        await page.GotoAsync("/");

        var totals = await page.Locator("ul.totals li").AllInnerTextsAsync();
        Assert.Equal(4, totals.Count);
        Assert.Contains(totals, t => t.Contains("articles", StringComparison.Ordinal));
        Assert.True(await page.Locator("table.articles tbody tr").CountAsync() >= BrowserFixture.SeedIds.Length);
        await system.ScreenshotAsync(page, "overview");
    }

    [Fact]
    public async Task Queue_ShowsCountsOfTheSeedsAndNoFailedArticles()
    {
        var page = await system.NewPageAsync();

        var indexed = await Eventually.GetAsync(
            async () =>
            {
                await page.GotoAsync("/queue");
                return await page.Locator("ul.totals li").Nth(1).InnerTextAsync();
            },
            t => int.Parse(t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture) >= BrowserFixture.SeedIds.Length);

        Assert.EndsWith("indexed", indexed.Trim(), StringComparison.Ordinal);
        Assert.True(int.Parse(indexed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture) >= BrowserFixture.SeedIds.Length, indexed);
        Assert.Contains("No parked articles", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("button.retry-all").CountAsync());
        await system.ScreenshotAsync(page, "queue");
    }

    [Fact]
    public async Task Article_ShowsTextWithHighlightedFactsAndDetailsOnClick()
    {
        var page = await system.NewPageAsync();
        var id = BrowserFixture.SeedIds[1];

        await page.GotoAsync($"/articles/{id}");

        var marks = page.Locator("#article-text mark.hl");
        Assert.True(await marks.CountAsync() > 5);
        Assert.True(await page.Locator("#article-text mark.hl.k-quote mark.hl").CountAsync() > 0, "names nested inside quotes");
        Assert.True(await page.Locator("table.facts tbody tr").CountAsync() > 0);
        await page.SetViewportSizeAsync(1280, 1500);
        await system.ScreenshotAsync(page, "article", fullPage: false);
        var country = page.Locator("#article-text mark.hl.k-country").First;
        Assert.Contains("country:", await country.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.Contains("extractor", await country.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        await country.ClickAsync();
        await page.Locator("#hl-details dl").WaitForAsync();
        Assert.Contains("Extractor", await page.Locator("#hl-details").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_TimelineAndAnEventWithItsSources()
    {
        var page = await system.NewPageAsync();

        await page.GotoAsync("/events");

        Assert.True(await page.Locator("#events-timeline circle").CountAsync() > 0, "dated events on the SVG timeline");
        Assert.True(await page.Locator("table.events tbody tr").CountAsync() > 0);
        await system.ScreenshotAsync(page, "events");

        await page.Locator("#events-timeline a").First.ClickAsync();
        await page.WaitForURLAsync("**/events/*");
        Assert.True(await page.Locator("article.source").CountAsync() > 0);
        Assert.True(await page.Locator("table.attributes tbody tr").CountAsync() > 0);
        await system.ScreenshotAsync(page, "event");
    }

    [Fact]
    public async Task Membership_ChartPointsLinkToEvidenceAndContradictionsAreMarked()
    {
        var page = await system.NewPageAsync();

        await page.GotoAsync("/membership");

        var points = page.Locator("#membership-chart circle");
        Assert.True(await points.CountAsync() > 0);
        Assert.True(await page.Locator("#membership-chart circle.conflicted").CountAsync() > 0, "the seeds contain contradicting counts");
        Assert.Matches("^/articles/[^/]+#at-\\d+-\\d+$", await page.Locator("#membership-chart a").First.GetAttributeAsync("href") ?? "");
        Assert.True(await page.Locator("table.claims tbody tr").CountAsync() > 0);
        await system.ScreenshotAsync(page, "membership");

        await page.Locator("#membership-chart a circle").First.ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        Assert.True(await page.Locator("mark.hl:target").CountAsync() == 1, "the evidence span is the target");
    }

    [Fact]
    public async Task EntitiesAndSearch_PersonWithColonInIdAndHighlightedSnippets()
    {
        var page = await system.NewPageAsync();

        await page.GotoAsync("/entities?kind=person");
        var link = page.Locator("table.entities tbody a").First;
        var href = await link.GetAttributeAsync("href") ?? "";
        Assert.StartsWith("/entities/person%3A", href, StringComparison.Ordinal);
        await system.ScreenshotAsync(page, "entities");
        await link.ClickAsync();
        await page.WaitForURLAsync("**/entities/person*");
        Assert.True(await page.Locator(".mention").CountAsync() > 0);
        await system.ScreenshotAsync(page, "entity");

        await page.GotoAsync("/search?q=coalition");
        Assert.True(await page.Locator("ol.hits li").CountAsync() > 0);
        Assert.True(await page.Locator("ol.hits .snippet mark").CountAsync() > 0);
        await system.ScreenshotAsync(page, "search");
    }

    [Fact]
    public async Task Trace_ShowsSpansOfIngestionExtractionAndQuery()
    {
        var page = await system.NewPageAsync();
        var id = BrowserFixture.SeedIds[0];
        string[] services = ["ingestion", "extraction", "query"];

        // Telemetry reaches the Aspire dashboard in batches: reload until all three services have reported.
        var seen = await Eventually.GetAsync(
            async () =>
            {
                await page.GotoAsync($"/articles/{id}/trace");
                return (await page.Locator("table.waterfall tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.service)")).ToHashSet();
            },
            s => s.IsSupersetOf(services),
            TimeSpan.FromSeconds(90));

        Assert.True(seen.IsSupersetOf(services),
            $"services seen: [{string.Join(", ", seen)}]; page says: {await page.Locator("main").InnerTextAsync()}; Aspire dashboard at {system.App.GetEndpoint("aspire-dashboard", "http")}");
        Assert.True(await page.Locator("table.waterfall td.span-name", new() { HasTextString = "pipeline." }).CountAsync() > 3, "pipeline stages");
        Assert.Contains("/traces/detail/", await page.Locator("a", new() { HasTextString = "Aspire dashboard" }).GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        await system.ScreenshotAsync(page, "trace");
    }

    [Fact]
    public async Task HostileArticle_RendersInert()
    {
        var ingestion = new IngestionService.IngestionServiceClient(system.Channel("ingestion"));
        string Text() => "Rome, 12 June 2024 — Italy hosted the Africa Focus Group of the Global Coalition to Defeat ISIS in Rome. "
            + "<script>window.__xss = 1; alert('script')</script> "
            + "<img src=x onerror=\"window.__xss = 2; alert('img')\"> "
            + "<a href=\"javascript:alert('link')\">Iraq</a> and <b onmouseover=\"alert('b')\">Syria</b> were discussed. "
            + $"(browser {Guid.NewGuid():N})";

        // On a loaded machine an ingest can fail (extraction deadline); a fresh text is a fresh article, so try again.
        var receipt = await Eventually.GetAsync(
            () => ingestion.IngestAsync(new IngestRequest
            {
                Text = Text(), Title = "<img src=x onerror=alert('title')> XSS probe", Source = "browser-tests", ContentType = "text/plain", Wait = true,
            }).ResponseAsync,
            r => r.Status == DocumentStatus.Indexed,
            TimeSpan.FromSeconds(60));
        Assert.True(receipt.Status == DocumentStatus.Indexed, $"ingest {receipt.Status}: {receipt.Error}");

        var page = await system.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        var response = await page.GotoAsync($"/articles/{receipt.DocumentId}");
        Assert.True(await page.Locator("#article-text").CountAsync() == 1, $"{response?.Status}: {await page.Locator("main").InnerTextAsync()}");
        foreach (var mark in await page.Locator("#article-text mark.hl").AllAsync())
        {
            await mark.HoverAsync();
            await mark.ClickAsync();
        }

        Assert.Equal(0, dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.Locator("#article-text script, #article-text img, #article-text a, #article-text b").CountAsync());
        Assert.Equal(0, await page.Locator("main img, a[href^='javascript:' i]").CountAsync());
        var scriptsFromText = await page.EvaluateAsync<int>("() => [...document.scripts].filter(s => s.textContent.includes('__xss')).length");
        Assert.Equal(0, scriptsFromText);
        Assert.Contains("<script>window.__xss = 1;", await page.Locator("#article-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert('title')>", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await system.ScreenshotAsync(page, "xss-article");
    }
}
