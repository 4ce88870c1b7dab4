namespace Dossier.Ingestion.Feeds;

/// <summary>How ingestion fetches web pages and watches feeds (configuration section <c>Dossier:Ingestion:Feeds</c>).</summary>
public sealed class FeedOptions
{
    public const string Section = "Dossier:Ingestion:Feeds";

    /// <summary>
    /// Fetch from private, loopback and link-local addresses too (a feed on the local network, the tests' local server).
    /// Off by default: a URL given by a caller must not reach the services and metadata endpoints beside ingestion.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How often a feed is polled when its subscription names no interval (15 minutes).</summary>
    public int DefaultIntervalSeconds { get; set; } = 900;

    /// <summary>The shortest interval a subscription may ask for.</summary>
    public int MinIntervalSeconds { get; set; } = 60;

    /// <summary>Longest wait between polls of a failing feed (its back-off doubles up to this).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Deadline of one fetch (connect, redirects and the whole body).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest feed document read, in bytes.</summary>
    public long MaxFeedBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest web page read, in bytes (an HTML article is bounded by the same number: <c>ArticleRules.MaxHtmlBytes</c>).</summary>
    public long MaxPageBytes { get; set; } = Domain.ArticleRules.MaxHtmlBytes;

    /// <summary>Redirects followed, each checked like the first URL.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Politeness: the least time between two requests of this replica to one host.</summary>
    public TimeSpan HostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the poller looks for due feeds (a new subscription wakes it at once).</summary>
    public TimeSpan PollerTick { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a replica holds a feed it polls; after that (it died) another may poll it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts at fetching one item's page before the item is given up.</summary>
    public int MaxItemAttempts { get; set; } = 3;

    /// <summary>New items ingested from one poll at most (the rest wait for the next poll).</summary>
    public int MaxItemsPerPoll { get; set; } = 100;

    /// <summary>Feeds polled at once by this replica.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Poll feeds in the background; off, feeds are polled only when asked (PollFeed).</summary>
    public bool Poller { get; set; } = true;

    public string UserAgent { get; set; } = "Dossier/1.0 (feed reader; +https://github.com/)";
}
