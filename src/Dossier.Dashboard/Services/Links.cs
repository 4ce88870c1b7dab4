namespace Dossier.Dashboard.Services;

/// <summary>Shareable addresses: query strings built from filters, ids escaped.</summary>
public static class Links
{
    public static string Article(string id) => "/articles/" + Uri.EscapeDataString(id);

    /// <summary>An article with one span targeted (its highlight has the id <c>at-{start}-{end}</c>).</summary>
    public static string Evidence(string id, int start, int end) => $"{Article(id)}#at-{start}-{end}";

    public static string Entity(string id) => "/entities/" + Uri.EscapeDataString(id);

    public static string Event(string id) => "/events/" + Uri.EscapeDataString(id);

    public static string Trace(string articleId) => Article(articleId) + "/trace";

    public static string With(string path, ArticleFilter filter, params (string Name, string? Value)[] more) => Query(
        path,
        [("from", filter.From), ("to", filter.To), ("country", filter.Country), ("person", filter.Person),
         ("organization", filter.Organization), ("format", filter.Format), .. more]);

    public static string Query(string path, IEnumerable<(string Name, string? Value)> parameters)
    {
        var query = string.Join('&', parameters
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
