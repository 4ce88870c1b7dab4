using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion.Feeds;

/// <summary>A fetched response: the final URL, the body (or nothing for 304 Not Modified) and the validators.</summary>
public sealed record FetchResult(Uri Url, bool NotModified, byte[] Body, string? MediaType, string? Charset, string? ETag, string? LastModified);

/// <summary>
/// Fetches URLs given by callers and feeds under the safety rules: http and https only; redirects followed here (at most
/// <see cref="FeedOptions.MaxRedirects"/>), each checked like the first URL, so none leads to another scheme; the whole
/// fetch under <see cref="FeedOptions.Timeout"/> and the body under a size cap; connections only to public addresses
/// (every address the host name resolves to is checked when connecting, so DNS cannot point a public name inside)
/// unless <see cref="FeedOptions.AllowPrivateNetworks"/>; requests to one host spaced by <see cref="HostThrottle"/>;
/// conditional GET with the ETag and Last-Modified of the previous fetch.
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly IOptions<FeedOptions> _options;
    private readonly HostThrottle _throttle;

    public SafeFetcher(IOptions<FeedOptions> options, HostThrottle throttle)
    {
        _options = options;
        _throttle = throttle;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.Value.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.Value.UserAgent);
    }

    /// <summary>Why the URL is refused before any request (not absolute, not http or https), or null.</summary>
    public static string? CheckUrl(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is empty";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            return $"url '{Shorten(url)}' is not an absolute URL";
        }

        if (parsed.Scheme is not ("http" or "https"))
        {
            return $"only http and https URLs are fetched, not {parsed.Scheme}:";
        }

        if (parsed.UserInfo.Length > 0)
        {
            return "a URL with credentials (user@host) is not fetched";
        }

        uri = parsed;
        return null;
    }

    /// <summary>
    /// GETs the URL (conditionally when validators are given). Throws <see cref="FetchException"/> when the URL or a
    /// redirect is refused, when the answer is not a success or 304, or when it is too slow or too large.
    /// </summary>
    public async Task<FetchResult> FetchAsync(
        string url, long maxBytes, string? etag = null, string? lastModified = null, string accept = "*/*", CancellationToken cancellationToken = default)
    {
        if (CheckUrl(url, out var uri) is { } problem)
        {
            throw new FetchException(problem, refused: true);
        }

        var o = _options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(o.Timeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                await _throttle.WaitTurnAsync(uri!.IdnHost, deadline.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd(accept);
                if (!string.IsNullOrEmpty(etag))
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (!string.IsNullOrEmpty(lastModified))
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (redirects >= o.MaxRedirects)
                    {
                        throw new FetchException($"more than {o.MaxRedirects} redirects from {Shorten(url)}", refused: true);
                    }

                    var location = response.Headers.Location
                        ?? throw new FetchException($"HTTP {(int)response.StatusCode} from {Shorten(uri.ToString())} without a Location");
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (CheckUrl(next.ToString(), out var checkedNext) is { } refused)
                    {
                        throw new FetchException($"redirect from {Shorten(uri.ToString())} refused: {refused}", refused: true);
                    }

                    uri = checkedNext!;
                    continue;
                }

                var validators = (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchResult(uri, NotModified: true, [], null, null, validators.Item1 ?? etag, validators.Item2 ?? lastModified);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {Shorten(uri.ToString())}");
                }

                var body = await ReadCappedAsync(response.Content, maxBytes, deadline.Token);
                var type = response.Content.Headers.ContentType;
                return new FetchResult(uri, NotModified: false, body, type?.MediaType, type?.CharSet, validators.Item1, validators.Item2);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException($"no complete answer from {Shorten(url)} within {o.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (e.InnerException is FetchException refused)
        {
            throw refused;
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"cannot fetch {Shorten(url)}: {e.Message}", inner: e);
        }
    }

    private static bool IsRedirect(HttpStatusCode code) =>
        code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new FetchException($"the response is {length:N0} bytes; the limit is {maxBytes:N0}");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchException($"the response is larger than the limit of {maxBytes:N0} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Connects only to the addresses the rules allow, checked after name resolution (no DNS rebinding around the check).</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = _options.Value.AllowPrivateNetworks ? addresses : addresses.Where(NetworkAddresses.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new FetchException(
                addresses.Length == 0
                    ? $"host {host} has no address"
                    : $"host {host} is on a private or loopback network ({addresses[0]}); set {FeedOptions.Section}:AllowPrivateNetworks=true to allow it",
                refused: addresses.Length > 0);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Shorten(string url) => url.Length <= 200 ? url : url[..200] + "…";

    public void Dispose() => _client.Dispose();
}
