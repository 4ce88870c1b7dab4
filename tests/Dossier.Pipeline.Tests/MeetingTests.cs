using Dossier.Domain;

namespace Dossier.Pipeline.Tests;

/// <summary>Meeting mentions, their slots and roles, merged into meetings (Components/Meetings).</summary>
public class MeetingMentionTests
{
    [Fact]
    public void Extract_SeveralMeetingsInOneSentence_EachKeepsItsOwnDateAndPlace()
    {
        var text = "The session in Ottawa built on the March 9 Coalition Ministerial in Madrid and the April 2 Small Group meeting in Oslo.";

        var facts = TestSupport.Extract(text, published: "2024-05-20");

        var madrid = Assert.Single(facts.Meetings, m => m.City == "Madrid");
        Assert.Equal((MeetingFormats.Ministerial, "2024-03-09"), (madrid.Format, madrid.Date));
        var oslo = Assert.Single(facts.Meetings, m => m.City == "Oslo");
        Assert.Equal((MeetingFormats.SmallGroup, "2024-04-02"), (oslo.Format, oslo.Date));
    }

    [Fact]
    public void Extract_MeetingVerbWithItsSubject_GivesFormatPlaceAndDate()
    {
        var facts = TestSupport.Extract("Defence ministers of the Global Coalition to Defeat ISIS met in Tallinn on Tuesday.", published: "2024-05-17");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal((MeetingFormats.Other, "Tallinn", "EE", "2024-05-14"), (m.Format, m.City, m.Country, m.Date));
    }

    [Theory]
    [InlineData("Ministers of the Global Coalition met in Marrakech, Morocco.", "Marrakech", "Marrakesh")]
    [InlineData("Ministers of the Global Coalition met in Marrakesh, Morocco.", "Marrakesh", "Marrakesh")]
    [InlineData("Ministers of the Global Coalition met in Washington DC.", "Washington DC", "Washington")]
    public void Extract_CityOfAMeeting_KeepsItsSpellingAndCarriesTheGazetteerName(string text, string city, string key)
    {
        var m = Assert.Single(TestSupport.Extract(text).Meetings);

        Assert.Equal((city, key), (m.City, m.CityKey));
    }

    [Fact]
    public void Extract_DatelineBeforeTheMeetingSentence_GivesWayToThePlaceAndDayTheSentenceStates()
    {
        var facts = TestSupport.Extract("Oslo, 9 March 2023 — Defence ministers of the Global Coalition against Daesh met in Bergen, Norway, on Tuesday.");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(("Bergen", "NO", "2023-03-07"), (m.City, m.Country, m.Date));
    }

    [Theory]
    [InlineData("A meeting of the Global Coalition's political directors, chaired by Amb. Rosa Diaz on 8 May, was held in Madrid.")]
    [InlineData("Ministers of the Global Coalition met at St. Olaf's Hall in Oslo on 8 May to review the campaign.")]
    [InlineData("A meeting of the Global Coalition's military planners, opened by Maj. Gen. Tom Berg on 8 May, took place in Oslo.")]
    public void Extract_AbbreviationDotInTheMeetingClause_DoesNotEndIt(string text)
    {
        var m = Assert.Single(TestSupport.Extract(text, published: "2023-05-20").Meetings);

        Assert.Equal("2023-05-08", m.Date);
    }

    [Fact]
    public void Extract_RangeOfDaysEndingTheSentence_DatesThePlannedMeeting()
    {
        var m = Assert.Single(TestSupport.Extract("A meeting of the Global Coalition's Small Group will take place in Vienna between 3 and 5 May.", published: "2023-03-20").Meetings);

        Assert.Equal(("Vienna", "2023-05-03", MeetingStatuses.Planned), (m.City, m.Date, m.Status));
    }

    [Fact]
    public void Extract_DateOnTheNextLineInsideTheSentence_DatesTheMeeting()
    {
        var text = "Officials of the Global Coalition to Defeat ISIS met in Tunis on 6 September\n2019 to review the campaign.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2023-03-20").Meetings);

        Assert.Equal("2019-09-06", m.Date);
    }

    [Fact]
    public void Extract_SentenceCaseHeadlineToMeet_IsTheAnnouncedMeetingOfTheBody()
    {
        var text = "Coalition ministers to meet in Lisbon\n3 March 2023\nForeign ministers of the Global Coalition to Defeat ISIS will meet in Lisbon on 9 May, Portugal said.";

        var m = Assert.Single(TestSupport.Extract(text).Meetings);

        Assert.Equal(("Lisbon", "2023-05-09", MeetingStatuses.Planned), (m.City, m.Date, m.Status));
    }

    [Fact]
    public void Extract_WeekdayAfterAHijriAndGregorianDateline_IsResolvedAgainstTheGregorianDate()
    {
        var text = "Jeddah, Dhu al-Hijjah 3, 1444, June 21, 2023, SPA -- Ministers of the Global Coalition to Defeat ISIS met in Jeddah on Monday.";

        var facts = TestSupport.Extract(text);

        Assert.Equal("2023-06-21", facts.Published);
        Assert.Equal("2023-06-19", Assert.Single(facts.Meetings).Date);
    }

    [Fact]
    public void Extract_SentenceCaseTitleLine_IsAHeadlineThatJoinsTheAnnouncedMeeting()
    {
        var text = "Coalition meeting\n14 March 2023\nMinisters of the Global Coalition to Defeat ISIS will meet in Tallinn on Monday.";

        var m = Assert.Single(TestSupport.Extract(text).Meetings);

        Assert.Equal(("2023-03-20", MeetingStatuses.Planned), (m.Date, m.Status));
    }

    [Theory]
    [InlineData("Ministers of the Global Coalition to Defeat ISIS met in Tallinn on 28 December.", "2022-12-28")]
    [InlineData("Ministers of the Global Coalition to Defeat ISIS met in Tallinn on 8th March.", "2023-03-08")]
    [InlineData("Ministers of the Global Coalition to Defeat ISIS met in Tallinn on Sept. 30.", "2022-09-30")]
    public void Extract_YearlessDateWithAFullMonthEndingTheSentence_DatesTheMeeting(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(TestSupport.Extract(text, published: "2023-03-14").Meetings).Date);
    }

    [Fact]
    public void Extract_HeadlineDatedByThePlaceDateLine_TakesTheBodysDay()
    {
        var text = "Coalition Small Group convenes in Vilnius\nVILNIUS, 12 April 2023\nThe Small Group of the Global Coalition to Defeat Daesh met in Vilnius on Monday, hosted by Lithuania.";

        var facts = TestSupport.Extract(text);

        Assert.Equal("2023-04-12", facts.Published);
        var m = Assert.Single(facts.Meetings);
        Assert.Equal(("Vilnius", "2023-04-10"), (m.City, m.Date));
    }

    [Theory]
    [InlineData("The political directors of the Global Coalition met in Vienna.", MeetingFormats.Other)]
    [InlineData("The political directors of the Global Coalition's Small Group met in Vienna.", MeetingFormats.SmallGroup)]
    [InlineData("The Global Coalition's Foreign Terrorist Fighters Working Group met in Vienna.", MeetingFormats.Other)]
    [InlineData("Foreign ministers of the Global Coalition gathered in Vienna.", MeetingFormats.Ministerial)]
    public void Extract_FormatCue_NamedBodyBeforeLevelBeforeWeakCue(string text, string format)
    {
        Assert.Equal(format, Assert.Single(TestSupport.Extract(text).Meetings).Format);
    }

    [Theory]
    [InlineData("The Global Coalition welcomed the talks. The president received the envoy, and the two sides discussed during the meeting the fight against ISIS.")]
    [InlineData("The Global Coalition's envoy will attend a ministerial meeting to be held by the Arab League in Cairo.")]
    [InlineData("The Global Coalition holds Small Group meetings on a regular basis.")]
    [InlineData("Ahead of the Global Coalition talks, the envoy gave a press conference in Baghdad.")]
    public void Extract_BilateralOtherBodyHabitualOrPress_IsNoCoalitionMeeting(string text)
    {
        Assert.Empty(TestSupport.Extract(text).Meetings);
    }

    [Fact]
    public void Extract_BodyNamedAsTheEvent_IsAMeetingWhereTheVisitorArrived()
    {
        var facts = TestSupport.Extract("The envoy arrived in Amman today for the Global Coalition's Communications Working Group.");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal((MeetingFormats.Other, "Amman", "JO"), (m.Format, m.City, m.Country));
    }

    [Fact]
    public void Extract_HeadlineWithoutTense_JoinsTheAnnouncedMeeting()
    {
        var text = "Small Group Meeting In Berlin\n\nOn 9 May, the Small Group of the Global Coalition will meet in Berlin to review the campaign.";

        var facts = TestSupport.Extract(text, published: "2024-05-02");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal((MeetingStatuses.Planned, "Berlin", "2024-05-09"), (m.Status, m.City, m.Date));
    }

    [Fact]
    public void Extract_VirtualMeeting_HasNoPlace()
    {
        var facts = TestSupport.Extract("The Small Group of the Global Coalition met virtually on Monday, hosted from Rome.", published: "2024-05-08");

        var m = Assert.Single(facts.Meetings);
        Assert.Null(m.City);
        Assert.Null(m.Country);
    }

    [Fact]
    public void Extract_RelativeClauseAboutTheMeeting_GivesItsPlaceAndDate()
    {
        var text = "Spain took part in the meeting of the Global Coalition's political directors, which was held in Lisbon on Wednesday.";

        var facts = TestSupport.Extract(text, published: "2024-06-07");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(("Lisbon", "2024-06-05"), (m.City, m.Date));
    }

    [Fact]
    public void Extract_AttributionClause_IsNotTheMeetingsDate()
    {
        var text = "Kenya will host the next ministerial meeting of the Global Coalition in 2026, the Kenyan news agency reported on Friday.";

        var facts = TestSupport.Extract(text, published: "2025-03-14");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal((MeetingStatuses.Planned, "2026", "KE"), (m.Status, m.Date, m.Country));
    }

    [Fact]
    public void Extract_DateBeforeThePhrase_InTheHostsClause()
    {
        var facts = TestSupport.Extract("Portugal hosts, Tuesday, 4 June 2024 in Lisbon, the ministerial meeting of the Global Coalition against Daesh.");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(("2024-06-04", "Lisbon"), (m.Date, m.City));
        Assert.Contains("PT", m.HostsOrChairs);
    }

    [Fact]
    public void Extract_PassiveMeetingVerb_RefersBackToTheMeeting()
    {
        var facts = TestSupport.Extract("The Global Coalition issued a communiqué after the 2023 meeting in Kenya, which was the first to be convened in East Africa.");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(("KE", "2023"), (m.Country, m.Date));
    }

    [Fact]
    public void Extract_RemarksAtTheMeeting_TakeItsPlaceAndDateFromHereInAndToday()
    {
        var text = "Remarks at the Global Coalition to Defeat ISIS Small Group Ministerial\n\nThank you all for joining us here in Vienna. It is good to be here today.";

        var facts = TestSupport.Extract(text, published: "2024-03-12");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal(("Vienna", "AT", "2024-03-12"), (m.City, m.Country, m.Date));
    }
}

/// <summary>Hosts and participants (patterns/meeting_roles, RefList).</summary>
public class MeetingRoleCueTests
{
    [Theory]
    [InlineData("Remarks at the Global Coalition Small Group Meeting\n\nThank you, Julia, and thank you to Portugal for hosting us today. We meet at a hard time.", new[] { "PT" })]
    [InlineData("Remarks at the Africa Focus Group Meeting\n\nLet me thank Ghana and Nigeria for co-hosting this meeting.", new[] { "GH", "NG" })]
    public void Extract_ThanksForHostingInRemarks_AreTheHostsOfTheRemarksMeeting(string text, string[] hosts)
    {
        var m = Assert.Single(TestSupport.Extract(text, published: "2025-05-06").Meetings);

        Assert.Equal(hosts, m.HostsOrChairs.Order().ToArray());
    }

    [Fact]
    public void Extract_CountriesThatCoChairedInARelativeClause_AreTheHosts()
    {
        var text = "The Africa Focus Group of the Global Coalition met in Dakar on Monday. In a joint statement, Senegal and Norway, which co-chaired the meeting, called for more support.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2025-03-12").Meetings);

        Assert.Equal(["NO", "SN"], m.HostsOrChairs.Order().ToArray());
    }

    [Fact]
    public void Extract_ThanksForHostingWithoutAMeetingInTheTitle_NameNoHost()
    {
        var text = "The Small Group of the Global Coalition met in Lisbon on Tuesday.\n\nA week later, the minister wrote a letter.\n\nShe said she wanted to thank Spain for hosting a dinner.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2025-05-09").Meetings);

        Assert.Empty(m.HostsOrChairs);
    }

    [Theory]
    [InlineData("Ministers of the Global Coalition met in Rome at the invitation of Italy and Ghana.", new[] { "GH", "IT" })]
    [InlineData("The Small Group met in Oslo, co-chaired by Norway and the United States.", new[] { "NO", "US" })]
    [InlineData("The Small Group met in Oslo under the chairmanship of Norway.", new[] { "NO" })]
    [InlineData("The Small Group met in Oslo. The meeting was hosted this year by the Norwegian foreign ministry.", new[] { "NO" })]
    public void Extract_HostConstruction_GivesTheHosts(string text, string[] hosts)
    {
        Assert.Equal(hosts, Assert.Single(TestSupport.Extract(text).Meetings).HostsOrChairs.Order().ToArray());
    }

    [Fact]
    public void Extract_PeopleWhoChairedTheMeeting_AreHostsWithTheirCountries()
    {
        var text = "Defence ministers of the Global Coalition met in Warsaw. Polish Minister Anna Wolska and her Danish counterpart Lars Holm chaired the meeting.";

        var m = Assert.Single(TestSupport.Extract(text).Meetings);

        Assert.Contains("Anna Wolska", m.HostsOrChairs);
        Assert.Contains("Lars Holm", m.HostsOrChairs);
        Assert.Contains("PL", m.HostsOrChairs);
    }

    [Fact]
    public void Extract_OpeningRemarks_MakeTheSpeakerAHost()
    {
        var text = "On 3 June, the Small Group of the Global Coalition will meet. Special Envoy Dana Reyes will deliver opening remarks.";

        Assert.Contains("Dana Reyes", Assert.Single(TestSupport.Extract(text).Meetings).HostsOrChairs);
    }

    [Fact]
    public void Extract_StandingCoChairsOfTheBody_AreHostsOfItsMeeting()
    {
        var text = "On 2 March, the Counter ISIS Finance Group met in Doha. The group, which Qatar and Italy co-chair, was set up in 2015.";

        Assert.Equal(["IT", "QA"], Assert.Single(TestSupport.Extract(text).Meetings).HostsOrChairs.Order().ToArray());
    }

    [Theory]
    [InlineData("Ministers of the Global Coalition met in Rome. Ghana was represented by its Minister of Foreign Affairs, Kofi Asante.", new[] { "GH", "Kofi Asante" })]
    [InlineData("Ministers of the Global Coalition met in Rome. Delegations from Chile and Peru attended.", new[] { "CL", "PE" })]
    [InlineData("Ministers of the Global Coalition met in Rome. Countries such as Nepal and Bhutan participated as observers.", new[] { "BT", "NP" })]
    [InlineData("The pledge made by Minister Kofi Asante during the Global Coalition Ministerial in Rome was welcomed.", new[] { "Kofi Asante" })]
    public void Extract_ParticipationConstruction_GivesTheParticipants(string text, string[] participants)
    {
        var m = Assert.Single(TestSupport.Extract(text).Meetings);

        Assert.All(participants, p => Assert.Contains(p, m.Participants));
    }

    [Fact]
    public void Extract_PersonWhoLedADelegation_TakesPartWithThatCountry()
    {
        var text = "At the Global Coalition ministerial in Rome, Amina Sow, who led the Senegalese delegation, called for more support.";

        var m = Assert.Single(TestSupport.Extract(text).Meetings);

        Assert.Contains("Amina Sow", m.Participants);
        Assert.Contains("SN", m.Participants);
    }
}

/// <summary>Places and dates given indirectly, earlier meetings referred back to, and merging (generalization round).</summary>
public class MeetingReferenceTests
{
    [Theory]
    [InlineData("The Global Coalition's special envoy met Kurdistan Region President Omar Salih in Sulaimani on Monday.")]
    [InlineData("The Global Coalition's envoy met Jordanian officials in Amman to discuss the campaign.")]
    [InlineData("The commander of the Global Coalition's task force met on Sunday with Defence Minister Omar Khalil in Amman.")]
    [InlineData("The Global Coalition's special envoy met Tuesday with President Omar Salih in Sulaimani.")]
    [InlineData("The Global Coalition's envoy met yesterday Prime Minister Omar Salih in Sulaimani.")]
    public void Extract_MeetVerbWithAPersonAsItsObject_IsBilateral(string text)
    {
        Assert.Empty(TestSupport.Extract(text, published: "2024-05-08").Meetings);
    }

    [Fact]
    public void Extract_MeetVerbFollowedByADay_IsStillAMeeting()
    {
        var m = Assert.Single(TestSupport.Extract("Ministers of the Global Coalition met Tuesday in Lisbon.", published: "2024-05-08").Meetings);

        Assert.Equal("Lisbon", m.City);
    }

    [Fact]
    public void Extract_CityTalksLaterInTheText_PlaceTheMeeting()
    {
        var text = "Foreign ministers of the Global Coalition against Daesh gathered on Monday for their annual ministerial meeting.\n\n"
                   + "The Lisbon talks ended with a joint statement.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-05-08").Meetings);

        Assert.Equal(("Lisbon", "PT"), (m.City, m.Country));
    }

    [Fact]
    public void Extract_TalksWithACounterpart_GiveNoPlace()
    {
        var text = "The Small Group of the Global Coalition met on Monday.\n\nThe minister later held talks with his Jordanian counterpart in Amman.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-05-08").Meetings);

        Assert.Null(m.City);
    }

    [Fact]
    public void Extract_DatelineWithoutADate_PlacesTheMeetingItsParagraphReports()
    {
        var text = "OSLO (AP) — Political directors of the Global Coalition to Defeat ISIS met on Friday to review the campaign.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-05-10").Meetings);

        Assert.Equal(("Oslo", "NO"), (m.City, m.Country));
    }

    [Fact]
    public void Extract_DatelineWithoutADate_DoesNotPlaceAMeetingOfAnotherParagraph()
    {
        var text = "OSLO (AP) — Norway pledged new funds for demining on Friday.\n\nThe government gave no figure.\n\n"
                   + "Separately, the Small Group of the Global Coalition met virtually on Thursday.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-05-10").Meetings);

        Assert.Null(m.City);
    }

    [Fact]
    public void Extract_SincePlaceAfterAMeetingPhrase_IsTheMeetingHeldThere()
    {
        var text = "Next month's ministerial will be the first meeting of the Global Coalition's foreign ministers since Madrid in 2023.";

        var facts = TestSupport.Extract(text, published: "2025-02-03");

        var madrid = Assert.Single(facts.Meetings, m => m.City == "Madrid");
        Assert.Equal((MeetingFormats.Ministerial, MeetingStatuses.Held, "ES", "2023"), (madrid.Format, madrid.Status, madrid.Country, madrid.Date));
        Assert.Contains(facts.Meetings, m => m.Status == MeetingStatuses.Planned && m.City is null);
    }

    [Fact]
    public void Extract_SinceACountryThatJoined_IsNoMeeting()
    {
        var text = "The meeting in Rome was the first meeting of the Global Coalition's foreign ministers since Spain joined the coalition.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2025-02-03").Meetings);

        Assert.Equal("Rome", m.City);
    }

    [Fact]
    public void Extract_SinceWeLastMet_IsTheGroupsPreviousMeeting()
    {
        var text = "Remarks at the Meeting of the Global Coalition's Communications Working Group\n\n"
                   + "It is a pleasure to welcome you all to Oslo for this meeting. Much has changed since we last met in Nairobi in March.";

        var facts = TestSupport.Extract(text, published: "2024-06-10");

        Assert.Equal(2, facts.Meetings.Count);
        Assert.Contains(facts.Meetings, m => m.City == "Oslo" && m.Format == MeetingFormats.Other);
        var nairobi = Assert.Single(facts.Meetings, m => m.City == "Nairobi");
        Assert.Equal((MeetingFormats.Other, "2024-03"), (nairobi.Format, nairobi.Date));
    }

    [Fact]
    public void Extract_SinceWeLastMet_WithoutACoalitionMeeting_IsNoMeeting()
    {
        Assert.Empty(TestSupport.Extract("Much has changed since we last met in Nairobi in March.", published: "2024-06-10").Meetings);
    }

    [Fact]
    public void Extract_ShortNameOfTheBodyNamedBefore_GivesItsNextMeetingTheBodysFormat()
    {
        var text = "Both countries will join the Global Coalition's Africa Focus Group. The Group's next meeting is scheduled to take place in Dakar in May.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-01-10").Meetings);

        Assert.Equal((MeetingFormats.AfricaFocusGroup, MeetingStatuses.Planned, "Dakar", "2024-05"), (m.Format, m.Status, m.City, m.Date));
    }

    [Fact]
    public void Extract_ShortNameWithoutABodyBefore_IsNoMeeting()
    {
        Assert.Empty(TestSupport.Extract("The Group's next meeting is scheduled to take place in Dakar in May.", published: "2024-01-10").Meetings);
    }

    [Fact]
    public void Extract_PoliticalDirectorsHeadline_JoinsTheSmallGroupMeetingOfTheBody()
    {
        var text = "Ghana Attends Global Coalition Political Directors Meeting\n\n"
                   + "Ghana took part on Tuesday in a virtual meeting of the political directors of the Small Group of the Global Coalition to Defeat ISIS.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-03-07").Meetings);

        Assert.Equal(MeetingFormats.SmallGroup, m.Format);
    }

    [Fact]
    public void Extract_DefenceAndForeignMinisters_StayTwoMeetings()
    {
        var text = "Defence ministers of the Global Coalition met in Oslo on Monday. Foreign ministers of the Global Coalition met in Oslo on Monday as well.";

        var facts = TestSupport.Extract(text, published: "2024-03-07");

        Assert.Equal(2, facts.Meetings.Count);
    }

    [Fact]
    public void Extract_PlaceAndDateAfterAnotherMeetingVerb_AreThatMeetingsOnly()
    {
        var text = "The political directors of the Global Coalition met in Vienna last week to prepare the ministerial.";

        var facts = TestSupport.Extract(text, published: "2024-03-20");

        var vienna = Assert.Single(facts.Meetings, m => m.City == "Vienna");
        Assert.Equal(MeetingFormats.Other, vienna.Format);
        Assert.StartsWith("2024-03", vienna.Date);
        Assert.DoesNotContain(facts.Meetings, m => m.Format == MeetingFormats.Ministerial && (m.City is not null || m.Date is not null));
    }

    [Fact]
    public void Extract_PlaceBeforeTheMeetingWithoutAVerbOfHolding_IsNotItsPlace()
    {
        var text = "Ministers of the Global Coalition met virtually on Monday. Donors pledged more for projects in Iraq at the meeting.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-03-07").Meetings);

        Assert.Null(m.Country);
    }

    [Fact]
    public void Extract_WelcomeToCityForTheMeeting_PlacesIt()
    {
        var text = "I welcome you all to Nairobi for this meeting of the Global Coalition's Communications Working Group.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-03-07").Meetings);

        Assert.Equal(("Nairobi", "KE"), (m.City, m.Country));
    }

    [Fact]
    public void Extract_TitleBlockPlaceAndDateLine_GiveTheMeetingsPlaceAndDate()
    {
        var text = "Opening Remarks at the Meeting of the Global Coalition's Stabilisation Working Group\nCopenhagen, 12 April 2024\n\nThank you, colleagues.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-04-12").Meetings);

        Assert.Equal(("Copenhagen", "DK", "2024-04-12"), (m.City, m.Country, m.Date));
    }

    [Theory]
    [InlineData("Remarks\nUnder Secretary Joan Pradel\nAt the Global Coalition Small Group Meeting\nLisbon, Portugal\nMay 6, 2025\n\nThank you, colleagues.")]
    [InlineData("Secretary Pradel At the Ministerial of the Global Coalition to Defeat ISIS\nREMARKS\nJOAN PRADEL, SECRETARY OF STATE\nLISBON, PORTUGAL\nMAY 6, 2025\n\nThank you, colleagues.")]
    public void Extract_RemarksTitleWithPlaceAndDateOnLinesOfTheirOwn_GiveTheMeetingsPlaceAndDate(string text)
    {
        var m = Assert.Single(TestSupport.Extract(text, published: "2025-05-06").Meetings);

        Assert.Equal(("PT", "2025-05-06"), (m.Country, m.Date));
        Assert.Equal("lisbon", m.City?.ToLowerInvariant());
    }

    [Fact]
    public void Extract_PlaceLineUnderAReleaseTitleNotGivenAtTheMeeting_IsNotTheMeetingsPlace()
    {
        var text = "Third Meeting of the Counter ISIS Finance Group Issues Statement\nMedia Note\nOttawa, Canada\nJune 2, 2024\n\nThe group published a statement on terrorist financing.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-06-02").Meetings);

        Assert.Null(m.City);
    }

    [Theory]
    [InlineData("Ghana will co-chair the next meeting of the Africa Focus Group of the Global Coalition against Daesh, to be held in Accra on June 3.")]
    [InlineData("Ghana will co-chair the next meeting of the Africa Focus Group of the Global Coalition to Defeat ISIS, to be held in Accra on June 3.")]
    public void Extract_PlaceAfterTheCoalitionsFullNameBehindABody_IsTheMeetingsPlace(string text)
    {
        var m = Assert.Single(TestSupport.Extract(text, published: "2025-04-02").Meetings);

        Assert.Equal(("Accra", "GH", "2025-06-03"), (m.City, m.Country, m.Date));
    }

    [Fact]
    public void Extract_StorePrefixDateOnTheFirstLine_IsNotTheMeetingsDate()
    {
        var m = Assert.Single(TestSupport.Extract(" date 2025-02-10 The next meeting of the Global Coalition will take place in late March in Madrid.").Meetings);

        Assert.Equal(("Madrid", "2025-03", true), (m.City, m.Date, m.Status == MeetingStatuses.Planned));
    }

    [Fact]
    public void Extract_MeetingExpectedToTakePlaceInACity_IsPlacedThere()
    {
        var text = "The Global Coalition met in Oslo in May. The next meeting of the Coalition is expected to take place in Madrid.";

        var next = Assert.Single(TestSupport.Extract(text, published: "2025-06-01").Meetings, m => m.City != "Oslo");

        Assert.Equal("Madrid", next.City);
    }

    [Fact]
    public void Extract_PlaceAndDateLineAfterASentence_IsNotATitleBlock()
    {
        var text = "The Stabilisation Working Group of the Global Coalition met virtually.\nCopenhagen, 12 April 2024\n\nThank you.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-04-20").Meetings);

        Assert.Null(m.City);
    }

    [Fact]
    public void Extract_CountryThatHostedTheMeeting_IsItsCountryWithoutACity()
    {
        var m = Assert.Single(TestSupport.Extract("Norway hosted the ministerial meeting of the Global Coalition in March 2019.", published: "2024-01-10").Meetings);

        Assert.Equal((null, "NO", "2019-03"), (m.City, m.Country, m.Date));
        Assert.Contains("NO", m.HostsOrChairs);
    }

    [Fact]
    public void Extract_CountryThatChairedTheMeeting_IsNotItsPlace()
    {
        var m = Assert.Single(TestSupport.Extract("Norway chaired the ministerial meeting of the Global Coalition in March 2019.", published: "2024-01-10").Meetings);

        Assert.Null(m.Country);
    }

    [Fact]
    public void Extract_BuildingOnly_GivesNoPlaceEvenWithADateline()
    {
        var text = "WASHINGTON (Reuters) — Defence ministers of the Global Coalition met at NATO headquarters on Thursday, officials said.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-01-10").Meetings);

        Assert.Null(m.Country);
    }
}

/// <summary>Participants named in lists, tenses and clauses (generalization round).</summary>
public class MeetingParticipantTests
{
    [Theory]
    [InlineData("Ministers of the Global Coalition met in Rome. Delegations from 40 countries attended, among them Chile, Peru and the African Union.", new[] { "CL", "PE", "African Union" })]
    [InlineData("Ministers of the Global Coalition met in Rome. Minister Kofi Asante of Ghana, who also took part, called for more support.", new[] { "Kofi Asante" })]
    [InlineData("Foreign Minister Kofi Asante today joined counterparts for a ministerial meeting of the Global Coalition in Rome.", new[] { "Kofi Asante" })]
    [InlineData("The Counter ISIS Finance Group met in Doha. Delegations heard briefings from INTERPOL and the Financial Action Task Force.", new[] { "INTERPOL", "Financial Action Task Force" })]
    public void Extract_ParticipantConstruction_GivesTheParticipants(string text, string[] participants)
    {
        var m = Assert.Single(TestSupport.Extract(text, published: "2024-05-08").Meetings);

        Assert.All(participants, p => Assert.Contains(p, m.Participants, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Extract_FutureParticipation_GoesToTheAnnouncedMeeting()
    {
        var text = "Ministers of the Global Coalition met in Oslo in March. The Small Group of the Global Coalition will meet in Rome next week.\n\n"
                   + "Asked about Ghana, the spokesman said: we expect Foreign Minister Kofi Asante to attend.";

        var facts = TestSupport.Extract(text, published: "2024-05-08");

        Assert.Contains("Kofi Asante", Assert.Single(facts.Meetings, m => m.City == "Rome").Participants);
        Assert.DoesNotContain("Kofi Asante", Assert.Single(facts.Meetings, m => m.City == "Oslo").Participants);
    }

    [Fact]
    public void Extract_CoChairsWith_GivesTheStandingCoChairs()
    {
        var text = "The UAE hosted a meeting of the Global Coalition's Communications Working Group in Abu Dhabi, which it co-chairs with Britain and France.";

        var m = Assert.Single(TestSupport.Extract(text, published: "2024-05-08").Meetings);

        Assert.Contains("GB", m.HostsOrChairs);
        Assert.Contains("FR", m.HostsOrChairs);
    }

    [Theory]
    [InlineData("Ministers of the Global Coalition met in Rome on Monday.\n\nJordan and Qatar have joined strikes in Syria.", "JO")]
    [InlineData("Ministers of the Global Coalition met in Rome on Monday. The Coalition now has 87 members, after Chad joined in May as its 87th member.", "TD")]
    public void Extract_JoiningStrikesOrTheCoalition_IsNoParticipation(string text, string country)
    {
        var m = Assert.Single(TestSupport.Extract(text, published: "2024-05-08").Meetings);

        Assert.DoesNotContain(country, m.Participants);
    }
}
