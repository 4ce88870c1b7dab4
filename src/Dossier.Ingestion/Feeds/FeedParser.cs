using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;

namespace Dossier.Ingestion.Feeds;

/// <summary>One item of a feed: its key against ingesting it twice (its URL), the URL of its page, its title and date.</summary>
public sealed record FeedItem(string Key, string Url, string Title, string Published);

/// <summary>A parsed feed: its title and its items with a fetchable page, in document order.</summary>
public sealed record ParsedFeed(string Title, IReadOnlyList<FeedItem> Items);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication: no DTD processing and no external resources; a date
/// the formatters cannot read is taken leniently, or left out, rather than failing the feed. An item's page is its
/// alternate link (relative links resolved against the feed), else its id when that is an http(s) URL; items with
/// neither are skipped. Throws <see cref="FeedFormatException"/> for a document that is not such a feed.
/// </summary>
public static class FeedParser
{
    public static ParsedFeed Parse(byte[] body, Uri feedUrl)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
        };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = new Atom10FeedFormatter();
            if (!formatter.CanRead(reader))
            {
                formatter = new Rss20FeedFormatter();
                if (!formatter.CanRead(reader))
                {
                    throw new FeedFormatException($"the document is not an RSS 2.0 or Atom feed (its root element is <{reader.LocalName}>)");
                }
            }

            var strict = formatter.DateTimeParser;
            formatter.DateTimeParser = (XmlDateTimeData data, out DateTimeOffset value) =>
                strict(data, out value) || Lenient(data.DateTimeString, out value) || Unknown(out value);
            formatter.ReadFrom(reader);
            feed = formatter.Feed;
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new FeedFormatException($"the feed cannot be read: {e.Message}", e);
        }

        var items = new List<FeedItem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in feed.Items)
        {
            if (PageUrl(item, feedUrl) is not { } url || !keys.Add(url))
            {
                continue;
            }

            var date = item.PublishDate != default && item.PublishDate != DateTimeOffset.MinValue ? item.PublishDate
                : item.LastUpdatedTime != default && item.LastUpdatedTime != DateTimeOffset.MinValue ? item.LastUpdatedTime
                : (DateTimeOffset?)null;
            items.Add(new FeedItem(url, url, Clean(item.Title?.Text), date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
        }

        return new ParsedFeed(Clean(feed.Title?.Text), items);
    }

    private static string? PageUrl(SyndicationItem item, Uri feedUrl)
    {
        foreach (var link in item.Links.Where(l => l.RelationshipType is null or "" or "alternate"))
        {
            if (link.Uri is null)
            {
                continue;
            }

            var absolute = link.Uri.IsAbsoluteUri ? link.Uri : new Uri(link.BaseUri is { IsAbsoluteUri: true } b ? b : feedUrl, link.Uri);
            if (absolute.Scheme is "http" or "https")
            {
                return absolute.ToString();
            }
        }

        return Uri.TryCreate(item.Id, UriKind.Absolute, out var id) && id.Scheme is "http" or "https" ? id.ToString() : null;
    }

    private static bool Lenient(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    /// <summary>A date no one can read: the item keeps no date (the page's or the text's is used).</summary>
    private static bool Unknown(out DateTimeOffset value)
    {
        value = DateTimeOffset.MinValue;
        return true;
    }

    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A feed document that cannot be read as RSS 2.0 or Atom.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
