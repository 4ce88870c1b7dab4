using System.Net;
using Dossier.Ingestion.Feeds;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dossier.Services.Tests.Feeds;

public sealed class SafeFetcherTests : IAsyncLifetime
{
    private LocalWebServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalWebServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SafeFetcher Fetcher(bool allowPrivate = true, TimeSpan? timeout = null, TimeSpan? hostInterval = null)
    {
        var options = Options.Create(new FeedOptions
        {
            AllowPrivateNetworks = allowPrivate,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            HostInterval = hostInterval ?? TimeSpan.Zero,
        });
        return new SafeFetcher(options, new HostThrottle(options, TimeProvider.System));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/feed.xml")]
    [InlineData("gopher://example.org/")]
    [InlineData("not a url")]
    [InlineData("http://user:secret@example.org/")]
    public async Task FetchAsync_NotHttpUrl_IsRefusedWithoutARequest(string url)
    {
        using var fetcher = Fetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(url, 1000));

        Assert.True(e.Refused, e.Message);
    }

    [Fact]
    public async Task FetchAsync_RedirectToFtp_IsRefused()
    {
        _server.Redirect("/moved", "ftp://files.example.org/feed.xml");
        using var fetcher = Fetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/moved"), 1000));

        Assert.True(e.Refused);
        Assert.Contains("ftp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_RelativeRedirects_AreFollowedToThePage()
    {
        _server.Redirect("/a", "/b", StatusCodes.Status301MovedPermanently);
        _server.Redirect("/b", _server.Url("/page"), StatusCodes.Status307TemporaryRedirect);
        _server.Serve("/page", "<p>the page</p>", "text/html; charset=utf-8");
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(_server.Url("/a"), 1000);

        Assert.Equal(_server.Url("/page"), result.Url.ToString());
        Assert.Equal("<p>the page</p>", PageText.Decode(result));
        Assert.Equal("utf-8", result.Charset);
    }

    [Fact]
    public async Task FetchAsync_SixRedirects_IsRefused()
    {
        for (var i = 0; i < 7; i++)
        {
            _server.Redirect($"/r{i}", $"/r{i + 1}");
        }

        using var fetcher = Fetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/r0"), 1000));

        Assert.True(e.Refused);
        Assert.Contains("more than 5 redirects", e.Message, StringComparison.Ordinal);
        Assert.Equal(6, _server.Requests.Count);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task FetchAsync_LoopbackWhenNotAllowed_IsRefusedBeforeAnyRequest(string host)
    {
        _server.Serve("/feed", "<rss/>", "application/rss+xml");
        using var fetcher = Fetcher(allowPrivate: false);

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync($"http://{host}:{_server.BaseUri.Port}/feed", 1000));

        Assert.True(e.Refused, e.Message);
        Assert.Contains("AllowPrivateNetworks", e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task FetchAsync_BodyOverTheCap_IsRefused()
    {
        _server.Serve("/big", new string('x', 5000), "text/html");
        _server.Handle("/chunked", async context =>
        {
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 10; i++)
            {
                await context.Response.WriteAsync(new string('y', 1000));
                await context.Response.Body.FlushAsync();
            }
        });
        using var fetcher = Fetcher();

        var declared = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/big"), 4096));
        var streamed = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/chunked"), 4096));

        Assert.Contains("limit", declared.Message, StringComparison.Ordinal);
        Assert.Contains("limit", streamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ServerTooSlow_TimesOut()
    {
        _server.Handle("/slow", async context =>
        {
            await context.Response.WriteAsync("<p>");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        });
        using var fetcher = Fetcher(timeout: TimeSpan.FromMilliseconds(500));

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/slow"), 1000));

        Assert.Contains("within 0.5 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ErrorStatus_FailsWithIt()
    {
        using var fetcher = Fetcher();

        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_server.Url("/missing"), 1000));

        Assert.False(e.Refused);
        Assert.Contains("HTTP 404", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_SameETag_AnswersNotModified()
    {
        _server.Serve("/feed.xml", "<rss version=\"2.0\"><channel/></rss>", "application/rss+xml");
        using var fetcher = Fetcher();

        var first = await fetcher.FetchAsync(_server.Url("/feed.xml"), 1000);
        var second = await fetcher.FetchAsync(_server.Url("/feed.xml"), 1000, etag: first.ETag);

        Assert.False(first.NotModified);
        Assert.NotNull(first.ETag);
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
        Assert.Equal(first.ETag, second.ETag);
    }

    [Fact]
    public async Task FetchAsync_SameHostTwice_WaitsTheHostInterval()
    {
        _server.Serve("/p", "<p>x</p>", "text/html");
        using var fetcher = Fetcher(hostInterval: TimeSpan.FromMilliseconds(400));

        // The server sees when a request arrives, not when it left: a first request also opens the connection, so the pair
        // measured comes after one that warms it.
        await fetcher.FetchAsync(_server.Url("/p"), 1000);
        await Task.WhenAll(fetcher.FetchAsync(_server.Url("/p"), 1000), fetcher.FetchAsync(_server.Url("/p"), 1000));

        var times = _server.Requests.Select(r => r.At).Order().ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(350), $"{(times[2] - times[1]).TotalMilliseconds} ms apart");
    }

    [Fact]
    public void Decode_CharsetOnlyInMeta_DecodesWithIt()
    {
        var body = System.Text.Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body>Bagdad, caf\u00e9</body></html>");

        var text = PageText.Decode(new FetchResult(new Uri("http://example.org/"), false, body, "text/html", null, null, null));

        Assert.Contains("caf\u00e9", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    public void IsPublic_Address_IsClassified(string address, bool expected) =>
        Assert.Equal(expected, NetworkAddresses.IsPublic(IPAddress.Parse(address)));
}
