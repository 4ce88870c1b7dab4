using Dossier.Domain;

namespace Dossier.Pipeline.Tests;

public class NumberComponentTests
{
    [Theory]
    [InlineData("Saudi Arabia froze USD 500M in assets.", "USD", 500_000_000, "exact")]
    [InlineData("The programme costs about $3bn over five years.", "USD", 3_000_000_000, "about")]
    [InlineData("The fund reached US$1,200,000 this year.", "USD", 1_200_000, "exact")]
    [InlineData("Washington announced nearly 5 million dollars in aid.", "USD", 5_000_000, "about")]
    [InlineData("Italy pledged €10m for demining.", "EUR", 10_000_000, "exact")]
    public void Process_CurrencyAmounts_AreReadWithScaleAndQualifier(string text, string currency, long value, string qualifier)
    {
        var document = TestSupport.Annotate(text, "numbers");

        var amount = Assert.Single(document.Numbers, n => n.Currency is not null);
        Assert.Equal((currency, (decimal)value, qualifier), (amount.Currency, amount.Value, amount.Qualifier));
    }

    [Fact]
    public void Process_PlainCountsAndYears_AreNotMoney()
    {
        var facts = TestSupport.Extract("In 2019, 300 fighters and 12 vehicles were seized.");

        Assert.Empty(facts.Money);
    }
}

public class MoneyComponentTests
{
    [Theory]
    [InlineData("The coalition pledged $394 million for stabilization.", 394_000_000L, "exact", "money.give-verb")]
    [InlineData("Donors have pledged over $200 million so far.", 200_000_000L, "over", "money.give-verb")]
    [InlineData("Washington announced nearly 5 million dollars in aid.", 5_000_000L, "about", "money.give-noun-after")]
    [InlineData("Norway's contribution of $25 million will pay for demining teams.", 25_000_000L, "exact", "money.give-noun-of")]
    [InlineData("A further $12 million was granted by Denmark.", 12_000_000L, "exact", "money.give-passive")]
    [InlineData("Qatar's $30 million pledge was welcomed by the ministers.", 30_000_000L, "exact", "money.give-compound")]
    [InlineData("Partners set a goal of $500 million for stabilisation in 2024.", 500_000_000L, "exact", "money.give-noun-of")]
    [InlineData("Tokyo unveiled US$8 million for mine clearance in Anbar.", 8_000_000L, "exact", "money.give-for")]
    public void Process_PledgedGivenOrTargetedDollars_AreMoneyFactsInWholeDollars(string text, long expected, string qualifier, string rule)
    {
        var facts = TestSupport.Extract(text);

        var money = Assert.Single(facts.Money);
        Assert.Equal((expected, qualifier, "USD", rule), (money.AmountUsd!.Value, money.Qualifier, money.Currency, money.Rule));
    }

    [Theory]
    [InlineData("The air campaign has cost Britain about $1.5 billion since 2015.")]
    [InlineData("The airline posted record profits of $3.1 billion for the year.")]
    [InlineData("Oil revenues of $40 million a month kept the group afloat.")]
    [InlineData("The ministry will redirect $150 million in reconstruction funds to other programmes.")]
    [InlineData("Washington offered a reward of up to $7 million for the commander.")]
    [InlineData("The bank approved a $250 million loan to Jordan.")]
    [InlineData("Saudi Arabia froze USD 500M in assets linked to the network.")]
    [InlineData("The militants had access to $25 million in cash.")]
    public void Process_CostsProfitsRevenuesLoansAndMovedFunds_AreNotMoneyFacts(string text)
    {
        var facts = TestSupport.Extract(text);

        Assert.Empty(facts.Money);
    }

    [Fact]
    public void Process_PledgeAgainstAGoal_IsTwoMoneyFacts()
    {
        var facts = TestSupport.Extract("So far, partners have raised more than $450 million against a 2022 target of $500 million.");

        Assert.Equal([(450_000_000L, "over"), (500_000_000L, "exact")], facts.Money.Select(m => (m.AmountUsd!.Value, m.Qualifier)).ToArray());
    }

    [Fact]
    public void Process_DollarFigureAfterAnotherCurrency_IsTheOneAmount()
    {
        var text = "Rome pledged €20 million ($22 million) for returnees.";

        var facts = TestSupport.Extract(text);

        var money = Assert.Single(facts.Money);
        Assert.Equal((22_000_000L, "USD"), (money.AmountUsd!.Value, money.Currency));
        Assert.Equal("$22 million", TestSupport.Slice(text, money.Span));
    }

    [Fact]
    public void Process_DollarFigureOfAProfitInAnotherCurrency_IsNotAMoneyFact()
    {
        var facts = TestSupport.Extract("The carrier reported a half-year profit of 5 billion dirhams ($1.4 billion) on Monday.");

        Assert.Empty(facts.Money);
    }

    [Fact]
    public void Process_AmountCoordinatedWithAPledge_FollowsIt()
    {
        var facts = TestSupport.Extract("Spain gave $8 million and Portugal $3 million for the camps.");

        Assert.Equal([8_000_000L, 3_000_000L], facts.Money.Select(m => m.AmountUsd!.Value).ToArray());
        Assert.Equal("money.give-verb+money.coord", facts.Money[1].Rule);
    }

    [Fact]
    public void Process_AmountWithoutACueOfItsOwn_IsDecidedByItsSentence()
    {
        var facts = TestSupport.Extract("Building on Oman's earlier contributions, the additional $40 million will restore water networks.");

        var money = Assert.Single(facts.Money);
        Assert.Equal((40_000_000L, "money.sentence"), (money.AmountUsd!.Value, money.Rule));
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
}

public class MemberCountComponentTests
{
    [Theory]
    [InlineData("An 83-member Global Coalition vowed to continue.", 83, "exact", "count.compound")]
    [InlineData("The anti-ISIS coalition now has more than 80 members.", 80, "over", "count.coalition-has")]
    [InlineData("The Global Coalition, comprising 86 countries, met.", 86, "exact", "count.coalition-has")]
    [InlineData("The Global Coalition met. The Coalition’s 85 partners agreed.", 85, "exact", "count.coalition-possessive")]
    [InlineData("With 62 nations contributing to the coalition against Daesh, the campaign widened.", 62, "exact", "count.contributing")]
    [InlineData("Canada flies with a coalition of over 75 nations fighting ISIS.", 75, "over", "count.coalition-of")]
    [InlineData("The Global Coalition to Defeat ISIS consists of more than 90 states and organisations.", 90, "over", "count.coalition-has")]
    [InlineData("More than 80 nations make up the Global Coalition to Defeat ISIS.", 80, "over", "count.make-up")]
    [InlineData("Ministers of the Global Coalition welcomed Bhutan as a new member, bringing the total number of members to 91.", 91, "exact", "count.total-members")]
    [InlineData("The Global Coalition to Defeat ISIS met in Oslo. Its 88 members agreed to continue.", 88, "exact", "count.its")]
    [InlineData("The Global Coalition to Defeat ISIS met in Lima. It now has 87 members.", 87, "exact", "count.it-has")]
    [InlineData("The Global Coalition against Daesh, whose 84 members meet twice a year, agreed a plan.", 84, "exact", "count.coalition-whose")]
    public void Process_CoalitionSize_IsAMemberCount(string text, int count, string qualifier, string rule)
    {
        var facts = TestSupport.Extract(text);

        var m = Assert.Single(facts.MemberCounts);
        Assert.Equal((count, qualifier, rule), (m.Count, m.Qualifier, m.Rule));
    }

    [Fact]
    public void Process_PartnershipInTheSentenceAfterTheCoalition_IsAMemberCount()
    {
        var text = "Chile joined the Global Coalition against Daesh on Tuesday. The move enlarges a partnership comprising over 75 governments and institutions.";

        var facts = TestSupport.Extract(text);

        Assert.Equal((75, "over"), (Assert.Single(facts.MemberCounts).Count, facts.MemberCounts[0].Qualifier));
    }

    [Fact]
    public void Process_TotalThatANewMemberBringsTheCoalitionTo_IsItsSize()
    {
        var facts = TestSupport.Extract("The accession of Benin brings the Global Coalition to 91 partners, officials said.", published: "2026-02-11");

        var m = Assert.Single(facts.MemberCounts);
        Assert.Equal((91, "2026-02-11"), (m.Count, m.AsOf));
    }

    [Fact]
    public void Process_PastSize_IsAsOfTheFormationYear()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS was formed in 2014. It began with 12 members.", published: "2020-03-01");

        var m = Assert.Single(facts.MemberCounts);
        Assert.Equal((12, "2014"), (m.Count, m.AsOf));
    }

    [Fact]
    public void Process_PresentSize_IsAsOfThePublicationDate()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS, founded in 2014, now includes 86 partners.", published: "2023-06-09");

        Assert.Equal("2023-06-09", Assert.Single(facts.MemberCounts).AsOf);
    }

    [Fact]
    public void Process_SizeTiedToAMeeting_IsAsOfTheMeetingDate()
    {
        var text = "Ministers of the Global Coalition to Defeat ISIS met in Rome on 28 June 2021. The ministerial brought together all 83 members of the coalition.";

        var facts = TestSupport.Extract(text, published: "2021-07-02");

        Assert.Equal((83, "2021-06-28"), (Assert.Single(facts.MemberCounts).Count, facts.MemberCounts[0].AsOf));
    }

    [Theory]
    [InlineData("Delegations from 40 members of the Global Coalition to Defeat ISIS met in Oslo.")]
    [InlineData("Senior officials from nearly 50 nations attended the Global Coalition ministerial.")]
    [InlineData("The 60 members of the Global Coalition to Defeat ISIS who met in Rome agreed a statement.")]
    [InlineData("The Small Group of the Global Coalition to Defeat ISIS, which includes 30 countries, met in Paris.")]
    [InlineData("The Counter ISIS Finance Group of the Global Coalition to Defeat ISIS convened its 45 member states.")]
    [InlineData("The Saudi-led coalition, which includes nine countries, struck Sanaa.")]
    [InlineData("Fifteen countries saw more than 70 terrorist attacks, and 40 countries sent aid.")]
    public void Process_AttendanceSubGroupsAndOtherCoalitions_AreNotMemberCounts(string text)
    {
        var facts = TestSupport.Extract(text);

        Assert.Empty(facts.MemberCounts);
    }

    [Fact]
    public void Process_PartsOfAStatedTotal_AreNotCounts()
    {
        var facts = TestSupport.Extract("The 80-member Global Coalition, which includes 75 countries and 5 organisations, met in Rome.");

        Assert.Equal(80, Assert.Single(facts.MemberCounts).Count);
    }

    [Fact]
    public void Process_OrdinalOfANewMember_IsNotAMemberCount()
    {
        var facts = TestSupport.Extract("Zambia became the 90th member of the Global Coalition against Daesh.");

        Assert.Empty(facts.MemberCounts);
        Assert.Equal(("ZM", (int?)90), (Assert.Single(facts.NewMembers).Member, facts.NewMembers[0].Ordinal));
    }

    [Fact]
    public void Process_CoalitionWelcomingItsOwnNthMember_StatesItsSize()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS welcomed Togo as its 86th member.", published: "2023-06-08");

        var count = Assert.Single(facts.MemberCounts);
        Assert.Equal((86, "2023-06-08", "count.its-ordinal"), (count.Count, count.AsOf, count.Rule));
    }

    [Fact]
    public void Process_RepeatedCount_IsListedOnce()
    {
        var facts = TestSupport.Extract("The Global Coalition against Daesh has 86 members. With 86 members, it is the largest coalition in history.");

        Assert.Equal(86, Assert.Single(facts.MemberCounts).Count);
    }
}

public class NewMemberComponentTests
{
    [Fact]
    public void Process_OrdinalMember_GivesNewMemberWithItsOrdinal()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS welcomed Togo as its 86th member.", published: "2023-06-08");

        var nm = Assert.Single(facts.NewMembers);
        Assert.Equal(("TG", (int?)86, "join.welcomed-as-ordinal"), (nm.Member, nm.Ordinal, nm.Rule));
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
    [InlineData("Ghana, the Coalition's newest member, spoke first at the Global Coalition to Defeat ISIS meeting.")]
    public void Process_NewestMember_IsANewMemberWithoutOrdinal(string text)
    {
        var facts = TestSupport.Extract(text);

        var nm = Assert.Single(facts.NewMembers);
        Assert.Equal("GH", nm.Member);
        Assert.Null(nm.Ordinal);
        Assert.StartsWith("Ghana", text[nm.Span.Start..nm.Span.End], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_WelcomedList_IsOneNewMemberEach()
    {
        var facts = TestSupport.Extract("The Global Coalition to Defeat ISIS welcomed Chile, Ghana and Mongolia as new members.");

        Assert.Equal(["CL", "GH", "MN"], facts.NewMembers.Select(m => m.Member).ToArray());
        Assert.All(facts.NewMembers, m => Assert.Null(m.Ordinal));
    }

    [Fact]
    public void Process_RecentlyWelcomedNewMembersIncluding_NamesOrganizationsByName()
    {
        var text = "The 80-member Global Coalition is the largest coalition in history. It has recently welcomed new members including Bhutan, Fiji and Interpol.";

        var facts = TestSupport.Extract(text);

        Assert.Equal(["BT", "FJ", "Interpol"], facts.NewMembers.Select(m => m.Member).ToArray());
    }

    [Theory]
    [InlineData("Peru — which officially joined the global coalition against Daesh in March — sent its foreign minister.", "PE")]
    [InlineData("Kenya, which formally joined the Global Coalition to Defeat ISIS last year, hosted the talks.", "KE")]
    [InlineData("Uruguay entered the Coalition against Daesh in October 2016 and sent trainers.", "UY")]
    [InlineData("Ministers of the Global Coalition to Defeat ISIS welcomed the accession of Guinea.", "GN")]
    [InlineData("The Global Coalition to Defeat ISIS said Guyana's accession to the coalition was complete.", "GY")]
    public void Process_JoiningStatedInOtherWords_IsANewMember(string text, string member)
    {
        var facts = TestSupport.Extract(text);

        var nm = Assert.Single(facts.NewMembers);
        Assert.Equal((member, (int?)null), (nm.Member, nm.Ordinal));
    }

    [Fact]
    public void Process_WelcomedAsTheCoalitionsNewestMembers_IsOneNewMemberEach()
    {
        var facts = TestSupport.Extract("Ministers of the Global Coalition against Daesh welcomed Peru and Uruguay as the Coalition's newest members.");

        Assert.Equal([("PE", (int?)null), ("UY", (int?)null)], facts.NewMembers.Select(m => (m.Member, m.Ordinal)).ToArray());
    }

    [Fact]
    public void Process_AccessionBringingTheTotalMembershipOfTheCoalition_GivesOrdinalAndSize()
    {
        var facts = TestSupport.Extract("The accession of Paraguay brings the total membership of the Global Coalition to 92 countries.");

        Assert.Equal(("PY", (int?)92), (Assert.Single(facts.NewMembers).Member, facts.NewMembers[0].Ordinal));
        Assert.Equal(92, Assert.Single(facts.MemberCounts).Count);
    }

    [Fact]
    public void Process_SeveralWelcomedBringingMembershipTo_IsASizeWithoutOrdinals()
    {
        var facts = TestSupport.Extract("Last spring the coalition against ISIS welcomed Ecuador, Bolivia and Belize as new members, bringing membership to 95.");

        Assert.Equal(["EC", "BO", "BZ"], facts.NewMembers.Select(m => m.Member).ToArray());
        Assert.All(facts.NewMembers, m => Assert.Null(m.Ordinal));
        Assert.Equal(95, Assert.Single(facts.MemberCounts).Count);
    }

    [Fact]
    public void Process_BothCountriesJoinedTheCoalition_NamesTheMembersBefore()
    {
        var facts = TestSupport.Extract("Officials from Tajikistan and Armenia spoke for the first time since both countries joined the coalition against ISIS.");

        Assert.Equal(["TJ", "AM"], facts.NewMembers.Select(m => m.Member).ToArray());
    }

    [Fact]
    public void Process_RaisingTheCoalitionsMembership_GivesOrdinalAndSize()
    {
        var facts = TestSupport.Extract("Lithuania has formally joined the Global Coalition to Defeat ISIS, raising the coalition's membership to 93.");

        Assert.Equal(("LT", (int?)93), (Assert.Single(facts.NewMembers).Member, facts.NewMembers[0].Ordinal));
        Assert.Equal(93, Assert.Single(facts.MemberCounts).Count);
    }

    [Fact]
    public void Process_TotalTheNewMemberBringsAbout_IsItsOrdinal()
    {
        var text = "Ministers of the Global Coalition welcomed the Republic of Ghana as a new member of the Coalition, bringing the total number of members to 88.";

        var facts = TestSupport.Extract(text);

        var nm = Assert.Single(facts.NewMembers);
        Assert.Equal(("GH", (int?)88), (nm.Member, nm.Ordinal));
        Assert.Contains("88", text[nm.Span.Start..nm.Span.End], StringComparison.Ordinal);
        Assert.Equal(88, Assert.Single(facts.MemberCounts).Count);
    }

    [Fact]
    public void Process_JoinedBecomingTheNthMember_GivesTheOrdinal()
    {
        var facts = TestSupport.Extract("Gabon has joined the Global Coalition against Daesh, becoming the 89th member country.");

        Assert.Equal(("GA", (int?)89), (Assert.Single(facts.NewMembers).Member, facts.NewMembers[0].Ordinal));
        Assert.Empty(facts.MemberCounts);
    }

    [Fact]
    public void Process_MemberStatedTwice_IsOneEntryWithItsOrdinal()
    {
        var text = "Namibia has joined the Global Coalition against Daesh. Ministers of the Coalition welcomed Namibia as its 91st member.";

        var facts = TestSupport.Extract(text);

        Assert.Equal(("NA", (int?)91), (Assert.Single(facts.NewMembers).Member, facts.NewMembers[0].Ordinal));
    }

    [Theory]
    [InlineData("Jordan joined the coalition in condemning the attack, the Global Coalition to Defeat ISIS said.")]
    [InlineData("Turkey joined the coalition air campaign against ISIS in 2015.")]
    [InlineData("Finland has not joined the Global Coalition to Defeat ISIS.")]
    [InlineData("The Global Coalition to Defeat ISIS welcomed Japan as an observer.")]
    [InlineData("The Global Coalition to Defeat ISIS has welcomed 11 new members since 2017.")]
    [InlineData("Iraq became the first member of the Global Coalition to Defeat ISIS to host a ministerial.")]
    [InlineData("Finland's accession to NATO was discussed at the Global Coalition to Defeat ISIS meeting.")]
    [InlineData("Sweden joined the Saudi-led coalition's talks as Iraqi forces joined the fight.")]
    public void Process_OtherUsesOfJoiningWords_AreNotNewMembers(string text)
    {
        var facts = TestSupport.Extract(text);

        Assert.Empty(facts.NewMembers);
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
    public void Process_CountContinuingTheOneBeforeWithoutAPlace_CountsInItsPlaces()
    {
        var text = "Insurgents staged 41 attacks in Kirkuk province in August, up from 29 in July, police said.";

        var facts = TestSupport.Extract(text, published: "2023-09-04");

        Assert.Equal(2, facts.AttackStats.Count);
        Assert.All(facts.AttackStats, a => Assert.Equal(["Kirkuk", "IQ"], a.Where));
        Assert.Equal(new string?[] { "2023-07", "2023-08" }, facts.AttackStats.Select(a => a.When).Order().ToArray());
    }

    [Fact]
    public void Process_CountContinuingTheOneBeforeWithAPlaceOfItsOwn_KeepsItsOwnPlace()
    {
        var text = "The group claimed 80 attacks in Niger last year, compared with 35 in Mali.";

        var facts = TestSupport.Extract(text, published: "2024-02-01");

        var mali = Assert.Single(facts.AttackStats, a => a.Count == 35);
        Assert.Equal(["ML"], mali.Where);
    }

    [Theory]
    [InlineData("French jets carried out 14 strikes on ISIS positions in Iraq in March.")]
    [InlineData("Last month British forces conducted 14 air strikes in Iraq.")]
    public void Process_CountryOfTheForceThatStruck_IsNotWhereTheStrikesWere(string text)
    {
        var a = Assert.Single(TestSupport.Extract(text, published: "2024-04-10").AttackStats);

        Assert.Equal(["IQ"], a.Where);
    }

    [Fact]
    public void Process_RegionInsideAnAffiliatesName_IsNotWhereTheAttacksWere()
    {
        var facts = TestSupport.Extract("ISIS-West Africa Province carried out 212 attacks in Niger in 2023.", published: "2024-01-15");

        var a = Assert.Single(facts.AttackStats);
        Assert.Equal(["NE"], a.Where);
    }

    [Fact]
    public void Process_NumberWordAndQualifier_AreRead()
    {
        var facts = TestSupport.Extract("Militants launched more than twenty suicide bombings and two ambushes.");

        Assert.Contains(facts.AttackStats, a => a.Count == 20 && a.Qualifier == Qualifiers.Over && a.What == "suicide bombings");
        Assert.Contains(facts.AttackStats, a => a.Count == 2 && a.What == "ambushes");
    }

    [Theory]
    [InlineData("Attacks in Borno rose to 64 in April, officials said.", 64, "Attacks", "stat.noun-rose-to")]
    [InlineData("Five of Monday's attacks targeted police stations in Diyala.", 5, "attacks", "stat.partitive")]
    [InlineData("Coalition aircraft flew 1,200 sorties over Raqqa in October.", 1200, "sorties", "stat.count-noun")]
    public void Process_CountAfterTheNounOrPartitive_IsAStatistic(string text, int count, string what, string rule)
    {
        var facts = TestSupport.Extract(text, published: "2020-02-12");

        var a = Assert.Single(facts.AttackStats);
        Assert.Equal((count, what, rule), (a.Count, a.What, a.Rule));
    }

    [Fact]
    public void Process_ReportLines_TakeThePlaceAndTheDateOfTheReport()
    {
        var text = "On Jan. 4, Coalition military forces conducted 14 strikes against ISIS targets in Iraq.\n\n"
            + "* Near Rawah, three strikes destroyed a mortar system.\n\n"
            + "* Near Qaim, three strikes engaged an ISIS tactical unit.\n\n"
            + "* Near Haditha, one strike destroyed a vehicle.";

        var facts = TestSupport.Extract(text, published: "2017-01-05");

        Assert.Equal([14, 3, 3], facts.AttackStats.Select(a => a.Count).ToArray());
        Assert.All(facts.AttackStats, a => Assert.Equal("2017-01-04", a.When));
        Assert.All(facts.AttackStats, a => Assert.Contains("IQ", a.Where));
        Assert.Contains("Rawah", facts.AttackStats[1].Where);
    }

    [Fact]
    public void Process_PeriodStartAndCountryInsideAName_AreNotWhenAndWhere()
    {
        var facts = TestSupport.Extract("The US-led coalition has carried out more than 14,000 strikes in Iraq and Syria since 2014.");

        var a = Assert.Single(facts.AttackStats);
        Assert.Equal((14_000, Qualifiers.Over, (string?)null), (a.Count, a.Qualifier, a.When));
        Assert.Equal(["IQ", "SY"], a.Where);
    }

    [Fact]
    public void Process_SameCountInTwoPlaces_IsTwoStatistics()
    {
        var facts = TestSupport.Extract("The group staged 12 attacks in Mali and 12 attacks in Niger in May.", published: "2022-06-01");

        Assert.Equal([["ML"], ["NE"]], facts.AttackStats.Select(a => a.Where.ToArray()).ToArray());
    }

    [Fact]
    public void Process_FigureStatedTwice_IsListedOnce()
    {
        var facts = TestSupport.Extract("ISWAP claimed 180 attacks in Nigeria in 2023. In its 180 attacks in Nigeria and Chad, the group killed hundreds.");

        Assert.Equal(180, Assert.Single(facts.AttackStats).Count);
    }

    [Fact]
    public void Process_CountsContinuingAStatistic_TakeItsNoun()
    {
        var facts = TestSupport.Extract("Al-Shabaab fighters staged 58 attacks in Somalia in 2021, up from 44 in 2020, including 19 in Mogadishu.", published: "2022-01-20");

        Assert.Equal([58, 44, 19], facts.AttackStats.Select(a => a.Count).ToArray());
        Assert.All(facts.AttackStats, a => Assert.Equal("attacks", a.What));
        Assert.Equal("2020", facts.AttackStats[1].When);
        Assert.Contains("Mogadishu", facts.AttackStats[2].Where);
    }

    [Theory]
    [InlineData("The insurgents launched 26 attacks, compared with 12 soldiers lost last year.")]
    [InlineData("Officials counted 31 cases, compared with 20 in May.")]
    public void Process_CountAfterAComparisonThatIsNoAttackCount_IsNoStatistic(string text)
    {
        var facts = TestSupport.Extract(text, published: "2021-07-01");

        Assert.DoesNotContain(facts.AttackStats, a => a.Count is 12 or 20);
    }

    [Fact]
    public void Process_PartOfThemInTheNextSentence_ContinuesTheStatistic()
    {
        var facts = TestSupport.Extract("Armed groups staged 800 attacks in Chad in 2023. One faction was responsible for 310 of them.", published: "2024-02-01");

        Assert.Equal([800, 310], facts.AttackStats.Select(a => a.Count).ToArray());
        Assert.Equal("attacks", facts.AttackStats[1].What);
    }

    [Fact]
    public void Process_TableRowsUnderAHeader_AreStatisticsOfTheHeader()
    {
        var text = "Recorded strikes by province, 2019:\nHelmand: 37\nKunduz: 22\n\nThe figures were compiled by analysts.";

        var facts = TestSupport.Extract(text, published: "2020-03-01");

        Assert.Equal([37, 22], facts.AttackStats.Select(a => a.Count).ToArray());
        Assert.All(facts.AttackStats, a => Assert.Equal("Recorded strikes", a.What));
        Assert.Contains("Helmand", facts.AttackStats[0].Where);
        Assert.Contains("AF", facts.AttackStats[1].Where);
    }

    [Fact]
    public void Process_PlaceCountLinesWithoutAnAttackHeader_AreNoStatistics()
    {
        var facts = TestSupport.Extract("Schools by province:\nHelmand: 37\nKunduz: 22");

        Assert.Empty(facts.AttackStats);
    }

    [Fact]
    public void Process_ModifierBetweenCountAndNoun_IsStillACount()
    {
        var facts = TestSupport.Extract("Special forces and their partners conducted 73 partnered operations in Hasakah.");

        Assert.Equal(73, Assert.Single(facts.AttackStats).Count);
    }

    [Theory]
    [InlineData("About 41% of operations targeted Africa, and 12 soldiers were killed.")]
    [InlineData("The 9/11 attacks led to the war on terror.")]
    [InlineData("Two attack helicopters were lost over the desert.")]
    [InlineData("About 3,000 special operations forces remain in Syria.")]
    [InlineData("Militants carried out dozens of attacks across the province.")]
    [InlineData("One strike hit a vehicle near Hit.")]
    [InlineData("In 2015 attacks in Europe rose sharply.")]
    public void Process_PercentagesSingleEventsAndOtherNumbers_AreNotStatistics(string text)
    {
        var facts = TestSupport.Extract(text);

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
    public void Process_StrikesOfTheCoalitionsMilitaryMission_MakeTheArticleRelevant()
    {
        var text = "Gunmen attacked a checkpoint in Anbar on Monday.\n\nTwo soldiers were wounded.\n\n"
            + "Officials said the US-led coalition against ISIS carried out six air strikes on hideouts in the Makhoul mountains.";

        Assert.True(TestSupport.Extract(text).Relevant);
    }

    [Fact]
    public void Process_OperationsOfTheTaskForce_AreAReferenceToTheCoalition()
    {
        var text = "Militants staged 40 attacks in Hasakah in March.\n\nResidents fled.\n\n"
            + "Combined Joint Task Force – Operation Inherent Resolve said its partners conducted 12 partnered raids in Hasakah.";

        Assert.True(TestSupport.Extract(text).Relevant);
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
