using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dossier.Contracts.V1;
using Grpc.Core;

namespace Dossier.Services.Tests.Feeds;

/// <summary>The subscription API over REST and gRPC, with the background poller off (polls only when asked).</summary>
public sealed class FeedServiceTests : IAsyncLifetime
{
    private LocalWebServer _site = null!;
    private ServicesFixture _system = null!;

    public async Task InitializeAsync()
    {
        _site = await LocalWebServer.StartAsync();
        _system = ServicesFixture.Create(settings: new Dictionary<string, string>
        {
            ["Dossier:Ingestion:Feeds:AllowPrivateNetworks"] = "true",
            ["Dossier:Ingestion:Feeds:HostInterval"] = "00:00:00",
            ["Dossier:Ingestion:Feeds:Poller"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        _system.Dispose();
        await _site.DisposeAsync();
    }

    private FeedService.FeedServiceClient Client(string? apiKey = ServicesFixture.ApiKey) => new(ServicesFixture.Channel(_system.Ingestion, apiKey));

    [Fact]
    public async Task RestRoutes_AddListPollRemove_WorkAsDocumented()
    {
        _site.ServeSeedAsHtml("002_20664682f8330ef5", "Coalition ministers meet in Morocco");
        _site.ServeReadabilityPage("bbc-1");
        _site.ServeReadabilityPage("tumblr");
        _site.Serve("/feeds/rss.xml", TestSite.Feed(_site, "rss.xml"), "application/rss+xml");
        using var http = ServicesFixture.Http(_system.Ingestion);

        using var added = await http.PostAsJsonAsync("/v1/feeds", new { url = _site.Url("/feeds/rss.xml"), intervalSeconds = 120 });
        var feed = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = feed.GetProperty("id").GetString()!;
        using var polled = await http.PostAsync($"/v1/feeds/{id}:poll", null);
        var poll = await polled.Content.ReadFromJsonAsync<JsonElement>();
        var list = await http.GetFromJsonAsync<JsonElement>("/v1/feeds");
        using var removed = await http.DeleteAsync($"/v1/feeds/{id}");
        var after = await http.GetFromJsonAsync<JsonElement>("/v1/feeds");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.StartsWith("feed-", id, StringComparison.Ordinal);
        Assert.Equal(120, feed.GetProperty("intervalSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        Assert.Equal(3, poll.GetProperty("newItems").GetInt32());
        var listed = Assert.Single(list.GetProperty("feeds").EnumerateArray());
        Assert.Equal(("Test Wire: World", 3, 3), (listed.GetProperty("title").GetString(), listed.GetProperty("itemsFound").GetInt32(), listed.GetProperty("itemsIngested").GetInt32()));
        Assert.True(listed.TryGetProperty("lastPollAt", out _));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(after.TryGetProperty("feeds", out var left) && left.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Writes_WithoutApiKey_AreUnauthenticatedAndReadsAreOpen()
    {
        var anonymous = Client(apiKey: null);

        var add = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.AddFeedAsync(new AddFeedRequest { Url = _site.Url("/feed") }));
        var poll = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.PollFeedAsync(new PollFeedRequest { Id = "feed-x" }));
        var remove = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.RemoveFeedAsync(new RemoveFeedRequest { Id = "feed-x" }));
        var list = await anonymous.ListFeedsAsync(new ListFeedsRequest());

        Assert.Equal([StatusCode.Unauthenticated, StatusCode.Unauthenticated, StatusCode.Unauthenticated], new[] { add.StatusCode, poll.StatusCode, remove.StatusCode });
        Assert.Empty(list.Feeds);
    }

    [Theory]
    [InlineData("ftp://wire.example/feed.xml", 0)]
    [InlineData("file:///etc/passwd", 0)]
    [InlineData("", 0)]
    [InlineData("https://wire.example/feed.xml", -5)]
    public async Task AddFeed_BadUrlOrInterval_IsInvalidArgument(string url, int interval)
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Client().AddFeedAsync(new AddFeedRequest { Url = url, IntervalSeconds = interval }));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task AddFeed_NoInterval_TakesTheDefaultAndTheSameUrlKeepsOneSubscription()
    {
        var first = await Client().AddFeedAsync(new AddFeedRequest { Url = "https://wire.example/feed.xml" });
        var again = await Client().AddFeedAsync(new AddFeedRequest { Url = "https://wire.example/feed.xml", IntervalSeconds = 600 });
        var list = await Client().ListFeedsAsync(new ListFeedsRequest());

        Assert.Equal(900, first.IntervalSeconds);
        Assert.Equal((first.Id, 600), (again.Id, again.IntervalSeconds));
        Assert.Single(list.Feeds);
    }

    [Fact]
    public async Task RemoveAndPoll_UnknownFeed_AreNotFound()
    {
        var remove = await Assert.ThrowsAsync<RpcException>(async () => await Client().RemoveFeedAsync(new RemoveFeedRequest { Id = "feed-nope" }));
        var poll = await Assert.ThrowsAsync<RpcException>(async () => await Client().PollFeedAsync(new PollFeedRequest { Id = "feed-nope" }));

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (remove.StatusCode, poll.StatusCode));
    }
}
