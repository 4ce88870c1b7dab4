using Dossier.Domain;

namespace Dossier.Store.Tests;

/// <summary>One story from many outlets: near-duplicate clusters, and counts that count a cluster once.</summary>
public abstract partial class KnowledgeStoreSuite
{
    private const string Wire = """
        Envoys of the Harbour Compact met in Valletta on Monday and agreed that the compact now has 31 members after the
        admission of Iceland, whose delegation signed the accession protocol in the morning. Ministers set aside twelve
        million dollars for port inspections along the southern shipping lanes and asked the secretariat in Lisbon to
        report on the first year of inspections before the next ministerial. "Our ports are only as safe as the weakest
        of them," the Maltese chair told journalists after the closing session, adding that inspectors would begin work
        in the spring. Delegates also discussed training for coast guards and agreed to share records of seized cargo.
        """;

    /// <summary>The wire story as another site runs it: a headline and byline, a changed word, a footer of its own.</summary>
    private static string Reprint(string site) => $"""
        Harbour Compact grows to 31 with Iceland
        By a {site} correspondent
        Envoys of the Harbour Compact gathered in Valletta on Monday and agreed that the compact now has 31 members after the
        admission of Iceland, whose delegation signed the accession protocol in the morning. Ministers set aside twelve
        million dollars for port inspections along the southern shipping lanes and asked the secretariat in Lisbon to
        report on the first year of inspections before the next ministerial. "Our ports are only as safe as the weakest
        of them," the Maltese chair told journalists after the closing session, adding that inspectors would begin work
        in the spring. Delegates also discussed training for coast guards and agreed to share records of seized cargo.
        Read more world news at {site}. Copyright {site} media group.
        """;

    /// <summary>Another article on the same meeting, written independently.</summary>
    private const string OtherReport = """
        Malta hosted the Harbour Compact's ministerial in Valletta this week. Iceland became the 31st member, and the
        meeting's final statement promised money for inspections at ports on the southern routes, with a first report
        due from the Lisbon secretariat next year. Coast guard training and the sharing of cargo seizure records were
        also on the agenda, officials said, though no figures were given for either programme.
        """;

    private static ArticleBuilder Story(string id, string text, string published = "2024-03-04") =>
        new ArticleBuilder(id, text, published)
            .Country("MT", "Maltese").Country("IS", "Iceland")
            .Members(31, Qualifiers.Exact, null, "31")
            .Meeting(MeetingFormats.Ministerial, "MT", "Valletta", "2024-03-04", "Valletta");

    [SkippableFact]
    public async Task Index_Reprint_JoinsTheClusterOfTheFirstSeenArticle()
    {
        await IndexAsync(Story("wire", Wire));
        await IndexAsync(Story("site-a", Reprint("Northpost")));

        var canonical = await Store.GetAsync("wire");
        var reprint = await Store.GetAsync("site-a");

        Assert.NotNull(canonical);
        Assert.NotNull(reprint);
        Assert.Equal((null, 2), (canonical.Summary.DuplicateOf, canonical.Summary.ClusterSize));
        Assert.Equal(("wire", 2), (reprint.Summary.DuplicateOf, reprint.Summary.ClusterSize));
        Assert.Equal(["site-a"], canonical.Cluster.Select(a => a.Id));
        Assert.Equal(["wire"], reprint.Cluster.Select(a => a.Id));
        Assert.All((await Store.ListAsync(0, 10)).Items, a => Assert.Equal(2, a.ClusterSize));
    }

    [SkippableFact]
    public async Task Index_ReprintOfAStoryRunByMoreSitesThanAKeyIsReadDeep_StillJoinsItsCluster()
    {
        // Every band key the reprints share lists more articles than a look-up reads under one key.
        await IndexAsync(Story("wire", Wire));
        await Store.IndexManyAsync(Enumerable.Range(1, 40).Select(i => Story($"site-{i:D2}", Reprint($"Site{i}")).Build()).ToList());
        await IndexAsync(Story("late", Reprint("Latecomer Herald")));

        var late = await Store.GetAsync("late");

        Assert.NotNull(late);
        Assert.Equal(("wire", 42), (late.Summary.DuplicateOf, late.Summary.ClusterSize));
    }

    [SkippableFact]
    public async Task Index_OtherArticleOnTheSameEvent_IsItsOwnCluster()
    {
        await IndexAsync(Story("wire", Wire));
        await IndexAsync(new ArticleBuilder("other", OtherReport, "2024-03-05").Country("MT", "Malta"));

        var other = await Store.GetAsync("other");

        Assert.NotNull(other);
        Assert.Equal((null, 1), (other.Summary.DuplicateOf, other.Summary.ClusterSize));
        Assert.Empty(other.Cluster);
    }

    [SkippableFact]
    public async Task Counts_ArticleAndItsReprint_CountOneReport()
    {
        await IndexAsync(Story("wire", Wire));
        await IndexAsync(Story("site-a", Reprint("Northpost"), "2024-03-05"));
        await IndexAsync(new ArticleBuilder("other", OtherReport, "2024-03-05").Country("IS", "Iceland").Members(31, Qualifiers.Exact, null, "31st")
            .Meeting(MeetingFormats.Ministerial, "MT", "Valletta", "2024-03", "Valletta"));

        var iceland = await Store.GetEntityAsync("country:IS");
        var malta = await Store.GetEntityAsync("country:MT");
        var meeting = Assert.Single((await Store.ListEventsAsync(new EventQuery(Country: "MT"), 0, 10)).Items);
        var detail = await Store.GetEventAsync(meeting.Id);
        var claims = (await Store.GetClaimTimelineAsync(ClaimKinds.MemberCount)).Entries;

        Assert.NotNull(iceland);
        Assert.NotNull(malta);
        Assert.NotNull(detail);
        Assert.Equal((2, 2), (iceland.Summary.DocumentCount, iceland.Summary.MentionCount));
        Assert.Equal((1, 1), (malta.Summary.DocumentCount, malta.Summary.MentionCount));
        Assert.Equal(2, meeting.SourceCount);
        Assert.Equal(3, detail.Sources.Count);
        Assert.Equal(2, detail.Attributes.Single(a => a.Name == "city").Values.Single().Support);
        Assert.Equal(3, claims.Count);
        Assert.All(claims, c => Assert.Equal(2, c.Support));
        Assert.Equal(["site-a"], claims.Where(c => c.DuplicateOf is not null).Select(c => c.Claim.DocumentId));
    }

    [SkippableFact]
    public async Task Delete_CanonicalArticle_NextMemberLeadsTheClusterAndCountsStay()
    {
        await IndexAsync(Story("wire", Wire));
        await IndexAsync(Story("site-a", Reprint("Northpost")));
        await IndexAsync(Story("site-b", Reprint("Eastwire")));

        Assert.True(await Store.DeleteAsync("wire"));

        var a = await Store.GetAsync("site-a");
        var b = await Store.GetAsync("site-b");
        var iceland = await Store.GetEntityAsync("country:IS");
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.NotNull(iceland);
        Assert.Equal((null, 2), (a.Summary.DuplicateOf, a.Summary.ClusterSize));
        Assert.Equal(("site-a", 2), (b.Summary.DuplicateOf, b.Summary.ClusterSize));
        Assert.Equal((1, 1), (iceland.Summary.DocumentCount, iceland.Summary.MentionCount));
        Assert.Equal(1, Assert.Single((await Store.ListEventsAsync(new EventQuery(Country: "MT"), 0, 10)).Items).SourceCount);

        Assert.True(await Store.DeleteAsync("site-a"));
        Assert.True(await Store.DeleteAsync("site-b"));
        Assert.Null(await Store.GetEntityAsync("country:IS"));
        Assert.Empty((await Store.ListEventsAsync(new EventQuery(Country: "MT"), 0, 10)).Items);
    }

    [SkippableFact]
    public async Task Index_CanonicalArticleAgain_KeepsLeadingItsCluster()
    {
        await IndexAsync(Story("wire", Wire));
        await IndexAsync(Story("site-a", Reprint("Northpost")));

        await IndexAsync(Story("wire", Wire));

        var wire = await Store.GetAsync("wire");
        var iceland = await Store.GetEntityAsync("country:IS");
        Assert.NotNull(wire);
        Assert.NotNull(iceland);
        Assert.Equal((null, 2), (wire.Summary.DuplicateOf, wire.Summary.ClusterSize));
        Assert.Equal("wire", (await Store.GetAsync("site-a"))?.Summary.DuplicateOf);
        Assert.Equal((1, 1), (iceland.Summary.DocumentCount, iceland.Summary.MentionCount));
    }

    [SkippableFact]
    public async Task IndexMany_ReprintInTheSameBatch_JoinsTheCluster()
    {
        await Store.IndexManyAsync([Story("wire", Wire).Build(), Story("site-a", Reprint("Northpost")).Build()]);

        Assert.Equal("wire", (await Store.GetAsync("site-a"))?.Summary.DuplicateOf);
        Assert.Equal(1, (await Store.GetEntityAsync("country:IS"))?.Summary.DocumentCount);
    }

    [SkippableFact]
    public async Task Search_ArticleAndReprintBothMatch_CollapsedGivesOneHitWithClusterSize()
    {
        await IndexAsync(Story("wire", Wire));
        await IndexAsync(Story("site-a", Reprint("Northpost")));
        await IndexAsync(new ArticleBuilder("other", OtherReport, "2024-03-05").Country("MT", "Malta"));

        var all = await Store.SearchAsync(new SearchQuery("Valletta"), 0, 10);
        var collapsed = await Store.SearchAsync(new SearchQuery("Valletta", CollapseDuplicates: true), 0, 10);

        Assert.Equal(["other", "site-a", "wire"], all.Items.Select(h => h.Article.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, all.Total);
        Assert.Equal(2, collapsed.Total);
        Assert.Null(collapsed.NextOffset);
        var story = Assert.Single(collapsed.Items, h => h.Article.Id is "wire" or "site-a");
        Assert.Equal(2, story.Article.ClusterSize);
        Assert.Equal(1, Assert.Single(collapsed.Items, h => h.Article.Id == "other").Article.ClusterSize);
    }

    [SkippableFact]
    public async Task Search_FiltersOnlyCollapsed_GivesTheNewestMemberOfEachCluster()
    {
        await IndexAsync(Story("wire", Wire, "2024-03-04"));
        await IndexAsync(Story("site-a", Reprint("Northpost"), "2024-03-06"));

        var all = await Store.SearchAsync(new SearchQuery("", Country: "MT"), 0, 10);
        var collapsed = await Store.SearchAsync(new SearchQuery("", Country: "MT", CollapseDuplicates: true), 0, 10);

        Assert.Equal(["site-a", "wire"], all.Items.Select(h => h.Article.Id));
        var hit = Assert.Single(collapsed.Items);
        Assert.Equal(("site-a", 2), (hit.Article.Id, hit.Article.ClusterSize));
        Assert.Equal(1, collapsed.Total);
    }
}
