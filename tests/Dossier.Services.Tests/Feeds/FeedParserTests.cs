using System.Text;
using Dossier.Ingestion.Feeds;

namespace Dossier.Services.Tests.Feeds;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://wire.example/world/feed.xml");

    private static ParsedFeed Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml), FeedUrl);

    [Fact]
    public void Parse_Rss20_GivesItemsWithUrlTitleAndDate()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title> Wire  World </title><link>https://wire.example/</link><description>d</description>
              <item><title>Ministers meet in Oslo</title><link>https://wire.example/oslo</link><pubDate>Tue, 07 Feb 2023 22:15:00 +0100</pubDate></item>
              <item><title>Only a guid</title><guid>https://wire.example/guid-page</guid></item>
              <item><title>No page at all</title><guid isPermaLink="false">tag:wire.example,2023:17</guid></item>
            </channel></rss>
            """);

        Assert.Equal("Wire World", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(new FeedItem("https://wire.example/oslo", "https://wire.example/oslo", "Ministers meet in Oslo", "2023-02-07"), feed.Items[0]);
        Assert.Equal(("https://wire.example/guid-page", ""), (feed.Items[1].Url, feed.Items[1].Published));
    }

    [Fact]
    public void Parse_Atom_TakesTheAlternateLinkResolvedAgainstTheFeed()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Journal</title><id>urn:j</id><updated>2023-03-01T00:00:00Z</updated>
              <entry><title>Talks in Riyadh</title><id>urn:j:1</id><updated>2023-03-01T09:00:00Z</updated><published>2023-02-28T23:30:00-05:00</published>
                <link rel="self" href="https://wire.example/api/1.json"/><link rel="alternate" href="../stories/riyadh"/></entry>
              <entry><title>Updated only</title><id>urn:j:2</id><updated>2023-01-15T12:00:00Z</updated><link href="https://wire.example/stories/2"/></entry>
            </feed>
            """);

        Assert.Equal(("https://wire.example/stories/riyadh", "Talks in Riyadh", "2023-02-28"), (feed.Items[0].Url, feed.Items[0].Title, feed.Items[0].Published));
        Assert.Equal(("https://wire.example/stories/2", "2023-01-15"), (feed.Items[1].Url, feed.Items[1].Published));
    }

    [Fact]
    public void Parse_DateNoFormatterReads_KeepsTheItemWithoutADate()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
              <item><title>a</title><link>https://wire.example/a</link><pubDate>2023-04-05 10:00</pubDate></item>
              <item><title>b</title><link>https://wire.example/b</link><pubDate>sometime last week</pubDate></item>
            </channel></rss>
            """);

        Assert.Equal(["2023-04-05", ""], feed.Items.Select(i => i.Published));
    }

    [Fact]
    public void Parse_SameLinkTwice_KeepsOneItem()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
              <item><title>a</title><link>https://wire.example/a</link></item><item><title>a again</title><link>https://wire.example/a</link></item>
            </channel></rss>
            """);

        Assert.Single(feed.Items);
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("<rss version=\"2.0\"><channel><title>cut off")]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1\"}")]
    public void Parse_NotAFeed_ThrowsFeedFormatException(string body) =>
        Assert.Throws<FeedFormatException>(() => Parse(body));

    [Fact]
    public void Parse_EntityExpansionBomb_IsRefusedWithoutExpanding()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <rss version="2.0"><channel><title>&c;</title><link>https://wire.example/</link><description>d</description></channel></rss>
            """;

        Assert.Throws<FeedFormatException>(() => Parse(xml));
    }
}
