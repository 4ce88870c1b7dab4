using Dossier.Domain;

namespace Dossier.Pipeline.Html;

/// <summary>
/// The values a page gave for each place of <c>Data/html_metadata.tsv</c>; <see cref="Resolve"/> takes each field from
/// the first place (in the file's order) whose value is acceptable, with what the article reader found in its place.
/// </summary>
/// <param name="jsonLdTitles">The JSON-LD object's name and headline (for the <c>jsonld-title</c> rule).</param>
/// <param name="documentTitle">The page's &lt;title&gt;.</param>
public sealed class StatedMetadata(
    IReadOnlyList<PageMetadataReader.Rule> rules,
    IReadOnlyList<string?> values,
    IReadOnlyList<string> jsonLdTitles,
    string? documentTitle,
    Uri? baseUri)
{
    public PageMetadata Resolve(MainContentResult? reader)
    {
        string? First(string field)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (rule.Field != field)
                {
                    continue;
                }

                var value = rule.Kind switch
                {
                    // Readability compares them with its own title (the <title> cut of the site's name).
                    "jsonld-title" => PageMetadataReader.JsonLdTitle(jsonLdTitles, reader?.Title ?? documentTitle),
                    "reader" => rule.Key switch
                    {
                        "title" => reader?.Title,
                        "byline" => reader?.Byline,
                        "site" => reader?.SiteName,
                        _ => throw new InvalidOperationException($"html_metadata.tsv: the reader gives no '{rule.Key}'"),
                    },
                    _ => values[i],
                };
                if (PageMetadataReader.Accept(field, value, baseUri) is { } accepted)
                {
                    return accepted;
                }
            }

            return null;
        }

        return new PageMetadata(
            Title: First("title"),
            Byline: First("byline"),
            SiteName: First("site"),
            CanonicalUrl: First("canonical"),
            Published: First("published"));
    }
}
