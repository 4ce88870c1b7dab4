using System.Text.Json;
using AngleSharp.Dom;
using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Html;

/// <summary>
/// The JSON-LD object a page gives about its article: of the objects in its <c>application/ld+json</c> scripts
/// (top-level, in arrays and in <c>@graph</c>), the first of an article type (<c>Data/html_article_types.txt</c>);
/// objects of other types (the site's Organization, a WebPage) say nothing of the article. Scripts that are not valid
/// JSON are skipped.
/// </summary>
public sealed class JsonLd : IDisposable
{
    private static readonly HashSet<string> ArticleTypes = new(DataFiles.ReadLines("html_article_types.txt"), StringComparer.OrdinalIgnoreCase);

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private readonly List<JsonDocument> _documents;

    private JsonLd(List<JsonDocument> documents, JsonElement? article)
    {
        _documents = documents;
        Article = article;
    }

    /// <summary>The article object, or null when the page has none.</summary>
    public JsonElement? Article { get; }

    public static JsonLd Read(IDocument dom)
    {
        var documents = new List<JsonDocument>();
        JsonElement? article = null;
        foreach (var script in dom.QuerySelectorAll("script[type]"))
        {
            if (!script.GetAttribute("type")!.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var json = Unwrap(script.TextContent);
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json, Options);
            }
            catch (JsonException)
            {
                continue;
            }

            documents.Add(doc);
            foreach (var candidate in Objects(doc.RootElement))
            {
                if (article is null && IsArticle(candidate))
                {
                    article = candidate;
                }
            }
        }

        return new JsonLd(documents, article);
    }

    /// <summary>The value at a dotted property path (<c>author.name</c>) of the article object; the strings of an array joined by ", ".</summary>
    public string? Get(string path)
    {
        if (Article is not { } article)
        {
            return null;
        }

        var values = new List<string>();
        Collect(article, path.Split('.'), 0, values);
        var distinct = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : string.Join(", ", distinct);
    }

    public void Dispose()
    {
        foreach (var d in _documents)
        {
            d.Dispose();
        }
    }

    private static void Collect(JsonElement element, string[] path, int index, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, path, index, values);
                }

                return;
            case JsonValueKind.String when index == path.Length || (index == path.Length - 1 && path[index] is "name" or "@id"):
                // "author": "Jane Doe" stands for an author named so; "mainEntityOfPage": "https://…" for its @id.
                values.Add(element.GetString()!);
                return;
            case JsonValueKind.Object when index < path.Length:
                if (element.TryGetProperty(path[index], out var child))
                {
                    Collect(child, path, index + 1, values);
                }

                return;
        }
    }

    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in root.EnumerateArray())
                {
                    foreach (var o in Objects(item))
                    {
                        yield return o;
                    }
                }

                break;
            case JsonValueKind.Object:
                yield return root;
                if (root.TryGetProperty("@graph", out var graph))
                {
                    foreach (var o in Objects(graph))
                    {
                        yield return o;
                    }
                }

                break;
        }
    }

    private static bool IsArticle(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    /// <summary>The JSON inside a script that may wrap it in a CDATA section or HTML comment.</summary>
    private static string Unwrap(string text)
    {
        var s = text.Trim();
        foreach (var (open, close) in new[] { ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"), ("<!--", "-->") })
        {
            if (s.StartsWith(open, StringComparison.Ordinal) && s.EndsWith(close, StringComparison.Ordinal))
            {
                s = s[open.Length..^close.Length].Trim();
            }
        }

        return s;
    }
}
