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
