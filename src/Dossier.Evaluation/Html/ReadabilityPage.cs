using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Dossier.Evaluation.Html;

/// <summary>What Readability's test suite expects of a page's metadata (its <c>expected-metadata.json</c>).</summary>
public sealed record ExpectedMetadata(string? Title, string? Byline, string? SiteName, string? PublishedTime);

/// <summary>
/// One page of mozilla/readability's test suite (<c>test-pages/&lt;name&gt;/</c>): the page as served
/// (<c>source.html</c>), the text of the article Readability extracts from it (<c>expected.html</c>) and its metadata.
/// </summary>
public sealed record ReadabilityPage(string Name, string SourceHtml, string ExpectedText, ExpectedMetadata Expected)
{
    /// <summary>The address the suite's pages are read as (relative links resolve against it).</summary>
    public const string Url = "http://fakehost/test/page.html";

    /// <summary>Every page of a <c>test-pages</c> folder, by name.</summary>
    public static IReadOnlyList<ReadabilityPage> LoadAll(string testPagesDir) =>
        Directory.GetDirectories(testPagesDir)
            .Where(d => File.Exists(Path.Combine(d, "source.html")) && File.Exists(Path.Combine(d, "expected.html")))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    public static ReadabilityPage Load(string pageDir)
    {
        var expectedHtml = File.ReadAllText(Path.Combine(pageDir, "expected.html"));
        using var expectedDom = new HtmlParser().ParseDocument(expectedHtml);
        var metadataFile = Path.Combine(pageDir, "expected-metadata.json");
        var expected = File.Exists(metadataFile) ? ReadMetadata(File.ReadAllText(metadataFile)) : new ExpectedMetadata(null, null, null, null);
        return new ReadabilityPage(
            Path.GetFileName(pageDir),
            File.ReadAllText(Path.Combine(pageDir, "source.html")),
            expectedDom.Body?.TextContent ?? "",
            expected);
    }

    private static ExpectedMetadata ReadMetadata(string json)
    {
        using var doc = JsonDocument.Parse(json);
        string? Get(string name) =>
            doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new ExpectedMetadata(Get("title"), Get("byline"), Get("siteName"), Get("publishedTime"));
    }
}
