using Dossier.Domain;

namespace Dossier.Pipeline.Tests;

/// <summary>Whole articles in the styles of other outlets (press release, wire, regional daily, coalition site).</summary>
public class ArticleTests
{
    [Fact]
    public void Extract_PressReleaseWithDateLine_GivesPublishedHostsAndCount()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("statedept_riyadh_communique.txt"));

        Assert.Equal("2023-06-08", facts.Published);
        var m = Assert.Single(facts.Meetings, x => x.Status == MeetingStatuses.Held);
        Assert.Equal(("ministerial", "Riyadh", "SA", "2023-06-08"), (m.Format, m.City, m.Country, m.Date));
        Assert.Contains("Antony Blinken", m.HostsOrChairs);
        Assert.Contains("Faisal bin Farhan Al Saud", m.HostsOrChairs);
        var faisal = Assert.Single(facts.People, p => p.Name == "Faisal bin Farhan Al Saud");
        Assert.Equal("Saudi Arabian Foreign Minister", faisal.Title);
        Assert.Equal("SA", faisal.Country);
        Assert.Equal(86, Assert.Single(facts.MemberCounts).Count);
        var money = Assert.Single(facts.Money);
        Assert.Equal((601_000_000L, "over"), (money.AmountUsd!.Value, money.Qualifier));
        Assert.All(facts.Quotes, q => Assert.Equal("Antony Blinken", q.Speaker));
    }

    [Fact]
    public void Extract_WireStoryAboutABilateralVisit_HasNoCoalitionMeeting()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("xinhua_commander_visit.txt"));

        Assert.Empty(facts.Meetings);
        Assert.Null(facts.Published);
        // The office in lower case before the comma is the title, the rank after it (GUIDELINES 8: as worded).
        Assert.Contains(facts.People, p => p.Name == "Matthew McFarlane" && p.Title == "commander of the U.S.-led coalition forces, Lieutenant General");
        Assert.Contains(facts.AttackStats, a => a.Count == 25);
    }

    [Fact]
    public void Extract_RegionalDaily_AttributesTheMinistersQuoteAndSplitsTitles()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("arabnews_small_group.txt"));

        var quote = Assert.Single(facts.Quotes);
        Assert.Equal("Faisal bin Farhan Al Saud", quote.Speaker);
        var envoy = Assert.Single(facts.People, p => p.Name == "Ian McCary");
        Assert.EndsWith("Acting Special Envoy for the Global Coalition to Defeat Daesh", envoy.Title);
        Assert.Equal("US", envoy.Country);
        var m = Assert.Single(facts.Meetings);
        Assert.Equal((MeetingFormats.SmallGroup, "Rome"), (m.Format, m.City));
        Assert.Equal(["IT", "US"], m.HostsOrChairs.Order().ToArray());
    }

    [Fact]
    public void Extract_CoalitionSiteNews_GivesNewMembersAndSplitQuoteSpeaker()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("coalition_new_members.txt"));

        Assert.Equal([("BJ", (int?)86), ("GH", (int?)87)], facts.NewMembers.Select(n => (n.Member, n.Ordinal)).ToArray());
        Assert.Equal(87, Assert.Single(facts.MemberCounts).Count);
        Assert.Equal(2, facts.Quotes.Count);
        Assert.All(facts.Quotes, q => Assert.Equal("Global Coalition to Defeat ISIS", q.Speaker));
    }
}

public class OtherCoalitionTests
{
    [Fact]
    public void Extract_SaudiLedCoalitionInYemen_IsNotTheGlobalCoalition()
    {
        var text = "The Saudi-led coalition fighting in Yemen said on Monday it had intercepted a drone. "
            + "Al-Qaeda and ISIS militants also remain active in the south, the coalition said.";

        var facts = TestSupport.Extract(text);

        Assert.False(facts.Relevant);
        Assert.DoesNotContain(facts.Organizations, o => o.Name == "Global Coalition to Defeat ISIS");
        Assert.Empty(facts.Meetings);
    }

    [Fact]
    public void Extract_LowerCaseApposition_GivesPersonWithTitle()
    {
        var facts = TestSupport.Extract("John Carter, the coalition's spokesman, said members had pledged new funds.");

        var p = Assert.Single(facts.People);
        Assert.Equal("John Carter", p.Name);
        Assert.Contains("spokesman", p.Title);
    }

    [Fact]
    public void Extract_PronounSentenceAfterCoalition_GivesMemberCount()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS met in Baghdad. It now has 87 members.");

        Assert.Equal(87, Assert.Single(facts.MemberCounts).Count);
    }

    [Fact]
    public void Extract_AccordingTo_GivesTheSpeakerDescription()
    {
        var facts = TestSupport.Extract("According to the Iraqi foreign ministry, “the pledges will help rebuild liberated areas.”");

        var q = Assert.Single(facts.Quotes);
        // The ministry is an organization that issued the words (GUIDELINES 12): it is the speaker.
        Assert.Equal("Iraqi foreign ministry", q.Speaker);
    }
}

public class WireArticleTests
{
    [Fact]
    public void Extract_WireDatelineWithoutYear_GivesCityAndPartialDate()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("reuters_marrakech.txt"));

        Assert.Null(facts.Published);
        var m = Assert.Single(facts.Meetings);
        Assert.Equal((MeetingFormats.Ministerial, "Marrakech", "MA", "--05-11"), (m.Format, m.City, m.Country, m.Date));
        Assert.Contains("Antony Blinken", m.HostsOrChairs);
        Assert.Contains("Nasser Bourita", m.HostsOrChairs);
        Assert.DoesNotContain("Nasser Bourita", m.Participants);
        Assert.All(facts.Quotes, q => Assert.Equal("Nasser Bourita", q.Speaker));
        Assert.Contains(facts.Money, x => x.AmountUsd == 6_000_000 && x.Qualifier == Qualifiers.About);
    }

    [Fact]
    public void Extract_HeadlineRepeatingTheBody_GivesOneMoneyFact()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("bbc_uk_pledge.txt"));

        var money = Assert.Single(facts.Money);
        Assert.Equal(("GBP", 10_000_000m), (money.Currency, money.Amount!.Value));
        Assert.Null(money.AmountUsd);
        Assert.DoesNotContain(facts.People, p => p.Name == "Jane Doe");
        Assert.Contains(facts.People, p => p.Name == "James Cleverly" && p.Country == "GB");
        Assert.Equal(85, Assert.Single(facts.MemberCounts).Count);
    }
}

public class HeadlineAndReferenceTests
{
    [Fact]
    public void Extract_TitleCaseHeadline_GivesNoPersonFromCapitalizedWords()
    {
        var text = "General Smith Visits Baghdad As Coalition Mission Winds Down\n\nThe Global Coalition to Defeat ISIS said its mission continues.";

        var facts = TestSupport.Extract(text);

        Assert.Empty(facts.People);
    }

    [Fact]
    public void Extract_NewsConferenceWithoutACoalitionMeeting_GivesNoMeeting()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS welcomed the news. \"We are pleased,\" a spokesman told a news conference in Paris.");

        Assert.Empty(facts.Meetings);
    }

    [Fact]
    public void Extract_WeekdayBeforeTheDateLine_GivesPublished()
    {
        var facts = TestSupport.Extract("Coalition partners meet in Rome\n\nTuesday, 10 February 2026\n\nThe Global Coalition met on Monday.");

        Assert.Equal("2026-02-10", facts.Published);
        Assert.Equal("2026-02-09", Assert.Single(facts.Meetings).Date);
    }

    [Fact]
    public void Extract_NamedInstitutionAsSpeaker_IsDescribed()
    {
        var facts = TestSupport.Extract("Iraq's foreign ministry said: “The Coalition's support has been vital.”");

        var q = Assert.Single(facts.Quotes);
        Assert.Null(q.Speaker);
        Assert.Equal("Iraq's foreign ministry", q.SpeakerDescription);
    }
}

public class ChairStatementTests
{
    [Fact]
    public void Extract_ChairStatement_GivesParticipantsPlannedMeetingAndJoins()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("chair_statement_small_group.txt"));

        var held = Assert.Single(facts.Meetings, m => m.Status == MeetingStatuses.Held);
        Assert.Equal((MeetingFormats.SmallGroup, "Paris", "2024-03-14"), (held.Format, held.City, held.Date));
        Assert.Equal(["FR", "US"], held.HostsOrChairs.Order().ToArray());
        Assert.Contains("TR", held.Participants);
        Assert.Equal(13, held.Participants.Count);
        var planned = Assert.Single(facts.Meetings, m => m.Status == MeetingStatuses.Planned);
        Assert.Equal("Ottawa", planned.City);
        Assert.Equal(["CD", "MR"], facts.NewMembers.Select(n => n.Member).ToArray());
        Assert.Empty(facts.AttackStats);
    }
}
