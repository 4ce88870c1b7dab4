using Dossier.Domain;

namespace Dossier.Pipeline.Tests;

public class NumberComponentTests
{
    [Theory]
    [InlineData("The coalition pledged $394 million for stabilization.", 394_000_000L, "exact")]
    [InlineData("Donors have pledged over $200 million so far.", 200_000_000L, "over")]
    [InlineData("Saudi Arabia froze USD 500M in assets.", 500_000_000L, "exact")]
    [InlineData("The fund reached US$1,200,000 this year.", 1_200_000L, "exact")]
    [InlineData("Washington announced nearly 5 million dollars in aid.", 5_000_000L, "under")]
    [InlineData("The programme costs about $3bn over five years.", 3_000_000_000L, "about")]
    public void Process_UsDollarAmounts_AreConvertedToWholeDollars(string text, long expected, string qualifier)
    {
        var facts = TestSupport.Extract(text);

        var money = Assert.Single(facts.Money);
        Assert.Equal(expected, money.AmountUsd);
        Assert.Equal(qualifier, money.Qualifier);
        Assert.Equal("USD", money.Currency);
    }

    [Theory]
    [InlineData("Italy pledged €10m for demining.", "EUR", 10_000_000)]
    [InlineData("Britain gave £2.5 million for policing.", "GBP", 2_500_000)]
    [InlineData("The UAE committed AED 50 million.", "AED", 50_000_000)]
    public void Process_OtherCurrencies_KeepAmountAndLeaveAmountUsdNull(string text, string currency, decimal amount)
    {
        var facts = TestSupport.Extract(text);

        var money = Assert.Single(facts.Money);
        Assert.Null(money.AmountUsd);
        Assert.Equal(currency, money.Currency);
        Assert.Equal(amount, money.Amount);
    }

    [Fact]
    public void Process_MoneySpan_ContainsTheDigits()
    {
        var text = "The Coalition agreed to fund $45 million in demining.";

        var facts = TestSupport.Extract(text);

        Assert.Equal("$45 million", TestSupport.Slice(text, facts.Money[0].Span));
        Assert.Equal("demining", facts.Money[0].Purpose);
    }

    [Fact]
    public void Process_PlainCountsAndYears_AreNotMoney()
    {
        var facts = TestSupport.Extract("In 2019, 300 fighters and 12 vehicles were seized.");

        Assert.Empty(facts.Money);
    }
}

public class MembershipComponentTests
{
    [Theory]
    [InlineData("An 83-member Global Coalition vowed to continue.", 83, "exact")]
    [InlineData("The anti-ISIS coalition now has more than 80 members.", 80, "over")]
    [InlineData("The Global Coalition, comprising 86 countries, met.", 86, "exact")]
    [InlineData("The Global Coalition met. The Coalition’s 85 partners agreed.", 85, "exact")]
    public void Process_CoalitionSize_IsAMemberCount(string text, int count, string qualifier)
    {
        var facts = TestSupport.Extract(text);

        var m = Assert.Single(facts.MemberCounts);
        Assert.Equal(count, m.Count);
        Assert.Equal(qualifier, m.Qualifier);
    }

    [Fact]
    public void Process_OrdinalMember_GivesNewMemberAndCount()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS welcomed Togo as its 86th member.", published: "2023-06-08");

        var nm = Assert.Single(facts.NewMembers);
        Assert.Equal("TG", nm.Member);
        Assert.Equal(86, nm.Ordinal);
        var count = Assert.Single(facts.MemberCounts);
        Assert.Equal(86, count.Count);
        Assert.Equal("2023-06-08", count.AsOf);
    }

    [Fact]
    public void Process_TwoOrdinals_PairWithTheCountriesInOrder()
    {
        var text = TestSupport.ReadArticle("uk_rome_ministerial.txt");

        var facts = TestSupport.Extract(text);

        Assert.Equal([("CF", (int?)82), ("MR", (int?)83)], facts.NewMembers.Select(m => (m.Member, m.Ordinal)).ToArray());
    }

    [Fact]
    public void Process_JoinedTheCoalition_IsANewMemberWithoutOrdinal()
    {
        var facts = TestSupport.Extract("Mauritania has officially joined the Global Coalition against Daesh.");

        var nm = Assert.Single(facts.NewMembers);
        Assert.Equal("MR", nm.Member);
        Assert.Null(nm.Ordinal);
    }

    [Theory]
    [InlineData("The Global Coalition to Defeat ISIS welcomed Ghana as its newest member.")]
    [InlineData("Ghana became the newest member of the Global Coalition against Daesh.")]
    [InlineData("The coalition welcomed Ghana as its latest partner in the fight against Daesh.")]
    public void Process_NewestMember_IsANewMemberWithoutOrdinal(string text)
    {
        var facts = TestSupport.Extract(text);

        var nm = Assert.Single(facts.NewMembers);
        Assert.Equal("GH", nm.Member);
        Assert.Null(nm.Ordinal);
        Assert.StartsWith("Ghana", text[nm.Span.Start..nm.Span.End], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_CountsWithoutTheCoalition_AreNotMemberCounts()
    {
        var facts = TestSupport.Extract("Fifteen countries saw more than 70 terrorist attacks, and 40 countries sent aid.");

        Assert.Empty(facts.MemberCounts);
    }
}

public class AttackStatsComponentTests
{
    [Fact]
    public void Process_CountOfAttacks_WithPlacesAndMonth()
    {
        var text = "In March, the group carried out 23 attacks in Kirkuk and Diyala in Iraq.";

        var facts = TestSupport.Extract(text, published: "2023-05-02");

        var a = Assert.Single(facts.AttackStats);
        Assert.Equal(23, a.Count);
        Assert.Equal("attacks", a.What);
        Assert.Equal("2023-03", a.When);
        Assert.Contains("IQ", a.Where);
        Assert.Contains("Kirkuk", a.Where);
    }

    [Fact]
    public void Process_NumberWordAndQualifier_AreRead()
    {
        var facts = TestSupport.Extract("Militants launched more than twenty suicide bombings and two ambushes.");

        Assert.Contains(facts.AttackStats, a => a.Count == 20 && a.Qualifier == Qualifiers.Over && a.What == "suicide bombings");
        Assert.Contains(facts.AttackStats, a => a.Count == 2 && a.What == "ambushes");
    }

    [Fact]
    public void Process_PercentagesAndOtherCounts_AreNotAttacks()
    {
        var facts = TestSupport.Extract("About 41% of operations targeted Africa, and 12 soldiers were killed.");

        Assert.Empty(facts.AttackStats);
    }
}

public class MeetingComponentTests
{
    [Fact]
    public void Process_MinisterialWithDatelineHostsAndDate_IsOneMeeting()
    {
        var text = TestSupport.ReadArticle("uk_rome_ministerial.txt");

        var facts = TestSupport.Extract(text);

        var held = Assert.Single(facts.Meetings, m => m.Status == MeetingStatuses.Held);
        Assert.Equal(MeetingFormats.Ministerial, held.Format);
        Assert.Equal("Rome", held.City);
        Assert.Equal("IT", held.Country);
        Assert.Equal("2021-06-28", held.Date);
        Assert.Contains("Luigi Di Maio", held.HostsOrChairs);
    }

    [Fact]
    public void Process_AnnouncedFutureMeeting_IsPlanned()
    {
        var text = TestSupport.ReadArticle("uk_rome_ministerial.txt");

        var facts = TestSupport.Extract(text);

        var planned = Assert.Single(facts.Meetings, m => m.Status == MeetingStatuses.Planned);
        Assert.Equal("MA", planned.Country);
        Assert.Equal("2022", planned.Date);
    }

    [Fact]
    public void Process_FinanceGroupWithCoLeadsAndObservers_HasHostsAndParticipants()
    {
        var text = TestSupport.ReadArticle("us_finance_group.txt");

        var facts = TestSupport.Extract(text);

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(MeetingFormats.FinanceGroup, m.Format);
        Assert.Equal("Riyadh", m.City);
        Assert.Equal(["IT", "SA", "US"], m.HostsOrChairs.Order().ToArray());
        Assert.Contains("KW", m.Participants);
        Assert.Contains("Abdulaziz Al-Rashed", m.Participants);
    }

    [Fact]
    public void Process_PluralMeetingsInListedCities_AreOneMeetingPerCity()
    {
        var text = "The Global Coalition welcomed the first two Africa Focus Group meetings, which took place in Abuja and Niamey.";

        var facts = TestSupport.Extract(text);

        Assert.Equal(["Abuja", "Niamey"], facts.Meetings.Select(m => m.City!).Order().ToArray());
        Assert.All(facts.Meetings, m => Assert.Equal(MeetingFormats.AfricaFocusGroup, m.Format));
    }

    [Fact]
    public void Process_LaterReferences_MergeIntoTheFirstMeeting()
    {
        var text = "Senior officials of the Global Coalition to Defeat ISIS held a Small Group meeting in Oslo on Thursday.\n"
            + "The meeting was chaired by Norway.\nAt the meeting, Canadian envoy Paul Leduc presented a plan.";

        var facts = TestSupport.Extract(text, published: "2023-09-09");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(MeetingFormats.SmallGroup, m.Format);
        Assert.Equal("2023-09-07", m.Date);
        Assert.Contains("NO", m.HostsOrChairs);
        Assert.Contains("Paul Leduc", m.Participants);
    }

    [Fact]
    public void Process_HabitualMeetings_AddNoMeeting()
    {
        var facts = TestSupport.Extract("The Global Coalition holds Core Focus Group meetings on a regular basis.");

        Assert.Empty(facts.Meetings);
    }

    [Fact]
    public void Process_MeetingWithoutCoalition_IsIgnored()
    {
        var facts = TestSupport.Extract("The board met in London on Monday for its annual meeting.");

        Assert.Empty(facts.Meetings);
    }
}

public class QuoteComponentTests
{
    [Fact]
    public void Process_CurlyQuoteWithSpeakerAfter_IsAttributed()
    {
        var text = "Foreign Minister Lena Berg opened the Global Coalition talks. “We will not relent,” Berg said.";

        var facts = TestSupport.Extract(text);

        var q = Assert.Single(facts.Quotes);
        Assert.Equal("Lena Berg", q.Speaker);
        Assert.Equal("We will not relent,", q.Text);
        Assert.Equal("We will not relent,", TestSupport.Slice(text, q.Span));
    }

    [Fact]
    public void Process_SaidBeforeUnnamedSpeaker_GivesDescription()
    {
        var facts = TestSupport.Extract("\"The pressure on the network must continue,\" said one diplomat.");

        var q = Assert.Single(facts.Quotes);
        Assert.Null(q.Speaker);
        Assert.Equal("one diplomat", q.SpeakerDescription);
    }

    [Fact]
    public void Process_HeAdded_GoesToTheLastPerson()
    {
        var text = "Defence Secretary Tom Reed visited Erbil. “The mission continues,” he added.";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Tom Reed", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_MultiParagraphQuote_IsOneQuotePerParagraphWithTheSameSpeaker()
    {
        var text = "The Global Coalition said in a joint statement: “Members reaffirmed their resolve to defeat Daesh.\n\n"
            + "“They welcomed progress on the repatriation of foreign fighters.\n\n“They called for more support to Iraq.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal(3, facts.Quotes.Count);
        Assert.All(facts.Quotes, q => Assert.Equal("Global Coalition to Defeat ISIS", q.Speaker));
    }

    [Fact]
    public void Process_BritishSingleQuotes_AreQuotes()
    {
        var facts = TestSupport.Extract("Prime Minister Alan Grey said: ‘We must finish the job in Syria.’");

        var q = Assert.Single(facts.Quotes);
        Assert.Equal("Alan Grey", q.Speaker);
        Assert.StartsWith("We must finish", q.Text);
    }

    [Fact]
    public void Process_ScareQuotes_AreNotQuotations()
    {
        var facts = TestSupport.Extract("Forces launched the “solid will” operation and the 'Desert Storm' drill.");

        Assert.Empty(facts.Quotes);
    }

    [Fact]
    public void Process_OrganizationPosting_IsTheSpeaker()
    {
        var facts = TestSupport.Extract("The Global Coalition posted on its account that “we are proud of our partners in Iraq”.");

        Assert.Equal("Global Coalition to Defeat ISIS", Assert.Single(facts.Quotes).Speaker);
    }
}

public class RelevanceComponentTests
{
    [Theory]
    [InlineData("isis_attack_report.txt", false)]
    [InlineData("football.txt", false)]
    [InlineData("uk_rome_ministerial.txt", true)]
    [InlineData("us_finance_group.txt", true)]
    [InlineData("noisy_page.txt", true)]
    public void Process_Article_IsRelevantOnlyWhenAboutTheCoalition(string article, bool expected)
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle(article));

        Assert.Equal(expected, facts.Relevant);
    }

    [Fact]
    public void Process_AttackReportWithoutCoalition_StillHasItsFacts()
    {
        var facts = TestSupport.Extract(TestSupport.ReadArticle("isis_attack_report.txt"));

        Assert.Contains(facts.AttackStats, a => a.Count == 3);
        Assert.Contains(facts.Organizations, o => o.Name == "ISIS");
        Assert.Equal("2024-02-03", facts.Published);
        Assert.Empty(facts.Meetings);
    }
}

public class QuoteAttributionFormTests
{
    [Fact]
    public void Process_DashAndKnownNameAfterQuote_IsTheSpeaker()
    {
        var text = "Foreign Minister Lena Berg spoke in Oslo.\n“Our resolve is unchanged.” — Lena Berg";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Lena Berg", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_QuoteSplitByAttribution_BothPartsHaveTheSpeaker()
    {
        var facts = TestSupport.Extract("Envoy Sam Price visited Erbil. “We will win,” Price said, “and we will stay until the job is done.”");

        Assert.Equal(2, facts.Quotes.Count);
        Assert.All(facts.Quotes, q => Assert.Equal("Sam Price", q.Speaker));
    }
}

public class RelevancePassingMentionTests
{
    [Fact]
    public void Process_AttackReportWithOneBackgroundMentionOfTheCoalition_IsNotRelevant()
    {
        var text = "Islamic State gunmen killed six shepherds in the Syrian desert on Sunday, a monitor said.\n\n"
            + "The attack was the deadliest this month. Rescue teams reached the area late at night.\n\n"
            + "The group lost its last territory in 2019 to the US-led coalition and its Kurdish allies.";

        var facts = TestSupport.Extract(text);

        Assert.False(facts.Relevant);
    }

    [Fact]
    public void Process_CoalitionInTheLead_IsRelevant()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS opened a new training programme in Iraq on Monday.");

        Assert.True(facts.Relevant);
    }
}

public class MeetingRoleTests
{
    [Fact]
    public void Process_ChairAndCoLeads_AreHostsAndParticipants()
    {
        var text = "The UAE has hosted the meeting of the Global Coalition against Daesh Stabilisation Group, chaired by Sultan Rashid Al Kaabi, "
            + "Assistant Minister of Foreign Affairs, and held under the joint leadership of the UAE, Germany, and the United States.";

        var facts = TestSupport.Extract(text);

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(["AE", "Sultan Rashid Al Kaabi"], m.HostsOrChairs.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["AE", "DE", "US"], m.Participants.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Process_WelcomedNewMember_TakesPartInTheMeeting()
    {
        var text = "Ministers of the Global Coalition to Defeat ISIS gathered in Rome. The Coalition welcomed Togo as its 86th member.";

        var facts = TestSupport.Extract(text);

        Assert.Contains("TG", Assert.Single(facts.Meetings).Participants);
    }
}
