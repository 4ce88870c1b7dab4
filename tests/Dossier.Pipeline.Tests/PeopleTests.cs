using Dossier.Pipeline.Components.People;

namespace Dossier.Pipeline.Tests;

/// <summary>Title phrases (TitleComponent): built around a head word, kept as worded.</summary>
public class TitleComponentTests
{
    [Theory]
    [InlineData("Pentagon spokesman Lars Nyberg declined to comment.", "Lars Nyberg", "Pentagon spokesman", "US")]
    [InlineData("Peru’s Defence Minister Carla Ruiz visited the base.", "Carla Ruiz", "Peru’s Defence Minister", "PE")]
    [InlineData("The acting EU envoy for the Sahel, Tomas Kral, arrived on Monday.", "Tomas Kral", "acting EU envoy for the Sahel", null)]
    [InlineData("Special Coordinator (SC) Nina Berg opened the session.", "Nina Berg", "Special Coordinator (SC)", null)]
    [InlineData("The speech by Secretary of Defense Jane Roe was short.", "Jane Roe", "Secretary of Defense", "US")]
    public void Process_TitleBeforeName_IsTheTitleAsWrittenWithItsCountry(string text, string name, string title, string? country)
    {
        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal(name, p.Name);
        Assert.Equal(title, p.Title);
        Assert.Equal(country, p.Country);
    }

    [Fact]
    public void Process_RankInsideALongTitle_EndsTheTitleAndStartsTheName()
    {
        var facts = TestSupport.Extract("Deputy Special Envoy for the Global Coalition to Defeat ISIS Ambassador Maria Lund arrived in Erbil.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Maria Lund", p.Name);
        Assert.StartsWith("Deputy Special Envoy for the Global Coalition to Defeat ISIS", p.Title);
    }

    [Fact]
    public void Process_ListInsideOneOffice_IsOneTitle()
    {
        var facts = TestSupport.Extract("The delegation was led by the Minister of Foreign Affairs, Trade and Development, Carlos Mendes.");

        Assert.Equal("Minister of Foreign Affairs, Trade and Development", Assert.Single(facts.People).Title);
    }

    [Fact]
    public void Process_SecondLowerCaseOfficeAndYears_StayInTheApposition()
    {
        var facts = TestSupport.Extract("• Lina Saab – Former prime minister (2010–2014), leader of the Progress Party, and an author.");

        Assert.Equal("Former prime minister (2010–2014), leader of the Progress Party", Assert.Single(facts.People).Title);
    }

    [Fact]
    public void Process_PluralTitleBeforeAList_IsSingularForEachName()
    {
        var facts = TestSupport.Extract("Defence Ministers Pia Holm, Jan Novak and Eva Stein met in Oslo.");

        Assert.Equal(3, facts.People.Count);
        Assert.All(facts.People, p => Assert.Equal("Defence Minister", p.Title));
    }

    [Fact]
    public void Process_RelationalWord_IsNoTitleButGivesTheCountry()
    {
        var facts = TestSupport.Extract("He spoke with his Chilean counterpart, Diego Rojas, by phone.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Diego Rojas", p.Name);
        Assert.Null(p.Title);
        Assert.Equal("CL", p.Country);
    }

    [Fact]
    public void Process_BareHeadAndOfficeInApposition_TheOfficeWins()
    {
        var facts = TestSupport.Extract("Minister Paul Girard, Minister for Culture and Heritage, thanked the hosts.");

        Assert.Equal("Minister for Culture and Heritage", Assert.Single(facts.People).Title);
    }

    [Fact]
    public void Process_CityAfterATitle_IsNotPartOfIt()
    {
        var facts = TestSupport.Extract("US Secretary of State Mary Holt arrived.");

        Assert.Equal(("US Secretary of State", "US"), (Assert.Single(facts.People).Title, facts.People[0].Country));
    }

    [Theory]
    [InlineData("ministers", "minister")]
    [InlineData("secretaries", "secretary")]
    [InlineData("envoys", "envoy")]
    [InlineData("boss", null)]
    public void Singular_PluralHead_DropsItsEnding(string plural, string? singular)
    {
        Assert.Equal(singular, Dossier.Pipeline.Knowledge.PluralForms.Singular(plural));
    }
}

/// <summary>Runs of name words and their cues (PersonNamesComponent).</summary>
public class PersonNamesComponentTests
{
    [Fact]
    public void Process_GivenNameWithoutOtherCue_IsAPerson()
    {
        var facts = TestSupport.Extract("The report was written by Nadia Rahimi and Kwame Mensah.");

        Assert.Equal(["Kwame Mensah", "Nadia Rahimi"], facts.People.Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public void Process_ArabicNameShape_IsAPerson()
    {
        var facts = TestSupport.Extract("The ledger names Abu Hamza al-Kurdi as the financier.");

        Assert.Equal("Abu Hamza al-Kurdi", Assert.Single(facts.People).Name);
    }

    [Theory]
    [InlineData("Clashes were reported near Ras al-Ain and Tal Tamr overnight.")]
    [InlineData("Near Kobani, the forces regrouped.")]
    [InlineData("Deir ez-Zor and Salah al-Din witnessed attacks. Strategic Planning matters.")]
    public void Process_PlacesAndSentenceInitialWords_AreNotPeople(string text)
    {
        Assert.Empty(TestSupport.Extract(text).People);
    }

    [Fact]
    public void Process_TransliteratedAynBeforeAParticle_StaysInsideTheName()
    {
        var facts = TestSupport.Extract("Speaker Ali Ja’ al-Tamimi said the session would resume.");

        Assert.Equal("Ali Ja al-Tamimi", Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_TitleCaseHeadline_OnlyAGivenNameWithATitleMakesAPerson()
    {
        var facts = TestSupport.Extract("Minister Helena Costa Opens the Lisbon Forum\n\nGeneral Smith Visits Baghdad As Mission Winds Down\n\nThe forum opened.");

        Assert.Equal("Helena Costa", Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_PersonNamedInAHeadlineAndTheBody_IsOnePerson()
    {
        var facts = TestSupport.Extract("Okafor Meets Envoys In Abuja\n\nThe President of the Senate, Daniel Okafor, received the envoys.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Daniel Okafor", p.Name);
        Assert.Equal(2, p.Spans.Count);
        Assert.Equal("President of the Senate", p.Title);
    }
}

/// <summary>Mentions merged into people (PersonCorefComponent).</summary>
public class PersonCorefComponentTests
{
    [Fact]
    public void Process_PartOfAHyphenatedSurname_IsTheSamePerson()
    {
        var facts = TestSupport.Extract("Minister of Justice Anna Lind-Berg spoke first. Minister Lind said the law would pass.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Anna Lind-Berg", p.Name);
        Assert.Contains("Minister Lind", p.Aliases);
    }

    [Fact]
    public void Process_SurnameAfterATitleOnly_IsAPersonWithATitleAlias()
    {
        var facts = TestSupport.Extract("Interior Minister Rahimi said the border was closed.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Rahimi", p.Name);
        Assert.Contains("Interior Minister Rahimi", p.Aliases);
        Assert.Equal("Interior Minister", p.Title);
    }

    [Fact]
    public void Process_LongerFormOfAKnownName_JoinsItAndNamesThePerson()
    {
        var facts = TestSupport.Extract("Prince Nayef bin Saud arrived. Later Prince Nayef bin Saud bin Fahd said the talks went well.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Nayef bin Saud bin Fahd", p.Name);
        Assert.Contains("Nayef bin Saud", p.Aliases);
    }

    [Theory]
    [InlineData("Envoy Tariq bin Said Al Maawali opened the talks in Muscat.", "Tariq bin Said Al Maawali")]
    [InlineData("Minister Mohamed ould Told Sidi spoke first.", "Mohamed ould Told Sidi")]
    public void Process_EnglishWordAfterAParticleOfDescent_IsPartOfTheName(string text, string name)
    {
        var facts = TestSupport.Extract(text);

        Assert.Equal(name, Assert.Single(facts.People).Name);
    }
}

/// <summary>A person's country (PersonAttributesComponent): from the title, a possessive or a construction, never the nearest country.</summary>
public class PersonCountryTests
{
    [Fact]
    public void Process_OfficeOfAPersonWithACountry_SharesIt()
    {
        var text = "At the session, the National Security Adviser, Maj.-Gen. Tunde Bako, who led the Nigerian delegation, spoke. "
            + "A note by the Head, Media Unit, Office of the National Security Adviser, Sani Musa gave details.";

        var facts = TestSupport.Extract(text);

        Assert.Equal("NG", Assert.Single(facts.People, p => p.Name == "Tunde Bako").Country);
        var musa = Assert.Single(facts.People, p => p.Name == "Sani Musa");
        Assert.Equal("Head, Media Unit, Office of the National Security Adviser", musa.Title);
        Assert.Equal("NG", musa.Country);
    }

    [Theory]
    [InlineData("Ghana was represented by its Minister of Foreign Affairs, Kofi Asante.", "Kofi Asante", "GH")]
    [InlineData("Envoy Mark Dale and other senior Canadian officials briefed the group.", "Mark Dale", "CA")]
    [InlineData("Chile's Diego Rojas scored twice.", "Diego Rojas", "CL")]
    [InlineData("The Omani delegation was headed by Minister of State Khalid bin Said Al Harthy.", "Khalid bin Said Al Harthy", "OM")]
    [InlineData("Twelve countries took part, among them Peru, whose delegation was led by Vice Minister Rosa Quispe.", "Rosa Quispe", "PE")]
    public void Process_ConstructionNamingTheCountry_GivesIt(string text, string name, string country)
    {
        var facts = TestSupport.Extract(text);

        Assert.Equal(country, Assert.Single(facts.People, p => p.Name == name).Country);
    }

    [Fact]
    public void Process_OnlyCountryInTheSentence_IsNotThePersonsCountry()
    {
        var facts = TestSupport.Extract("Minister Paula Stern arrived in Jordan on Monday.");

        Assert.Null(Assert.Single(facts.People).Country);
    }

    [Fact]
    public void Process_ArticleAboutOneCountry_GivesItsOfficialsThatCountry()
    {
        var text = "Peru's congress met on Monday. Peru faces a budget crisis, and Peru's unions protested. "
            + "Party leader Rosa Quispe said the vote would wait.";

        var facts = TestSupport.Extract(text);

        Assert.Equal("PE", Assert.Single(facts.People).Country);
    }
}
