using Dossier.Contracts.V1;
using Dossier.Domain;
using Dossier.Store;

namespace Dossier.Ingestion;

/// <summary>
/// An article's metadata once extracted, by the rule of precedence: the caller's (stored with the article), then what
/// its HTML page states, then (for the date) what the text says — extraction's <c>facts.published</c> already follows
/// that order for the date.
/// </summary>
public sealed record ArticleMetadata(string Title, string Source, string Url, string? Published)
{
    public static ArticleMetadata Resolve(StoredArticle article, ExtractResponse extracted)
    {
        var page = extracted.Page;
        return new ArticleMetadata(
            MetadataPrecedence.First(article.Title, page?.Title) ?? "",
            MetadataPrecedence.First(article.Source, page?.SiteName) ?? "",
            MetadataPrecedence.First(article.Url, page?.CanonicalUrl) ?? "",
            MetadataPrecedence.First(article.Published, page?.Published, extracted.Facts?.Published));
    }
}
