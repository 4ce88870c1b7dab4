using System.Net;
using System.Text;
using Dossier.Tests.Shared;

namespace Dossier.Services.Tests.Feeds;

/// <summary>
/// What the feed tests serve: real web pages of mozilla/readability's test suite (../shared/readability/test-pages,
/// Apache-2.0), a seed article as an HTML page, and RSS 2.0 / Atom feeds (TestData/*.xml) whose items point at them.
/// </summary>
public static class TestSite
{
    public static string ReadabilityPages => Path.Combine(RepoRoot.Path, "..", "shared", "readability", "test-pages");

    /// <summary>Serves readability page <paramref name="name"/> at <c>/pages/NAME.html</c>; returns its path.</summary>
    public static string ServeReadabilityPage(this LocalWebServer server, string name)
    {
        var path = $"/pages/{name}.html";
        server.Serve(path, File.ReadAllText(Path.Combine(ReadabilityPages, name, "source.html")), "text/html; charset=utf-8");
        return path;
    }

    /// <summary>Serves seed article <paramref name="stem"/> as an HTML page (a paragraph per block of text) at <c>/seed/STEM.html</c>.</summary>
    public static string ServeSeedAsHtml(this LocalWebServer server, string stem, string title)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Seeds, stem + ".txt"));
        var html = new StringBuilder($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head><body><article>");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        var path = $"/seed/{stem}.html";
        server.Serve(path, html.Append("</article></body></html>").ToString(), "text/html; charset=utf-8");
        return path;
    }

    /// <summary>A feed of TestData with its links on <paramref name="server"/> (<c>{{base}}</c> replaced) and extra items before its end.</summary>
    public static string Feed(LocalWebServer server, string file, params string[] extraItems)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Feeds", "TestData", file)).Replace("{{base}}", server.BaseUri.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var end = file.StartsWith("atom", StringComparison.Ordinal) ? "</feed>" : "</channel>";
        return xml.Replace(end, string.Concat(extraItems) + end, StringComparison.Ordinal);
    }
}
