using Dossier.Domain;
using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Tests;

public class GazetteerComponentTests
{
    private static List<string> Countries(string text) => TestSupport.Extract(text).Countries.Select(c => c.Code).ToList();

    [Theory]
    [InlineData("Officials from Morocco and Nigeria met.", new[] { "MA", "NG" })]
    [InlineData("The U.S. and the UK joined the UAE.", new[] { "US", "GB", "AE" })]
    [InlineData("A Belgian diplomat and an Iraqi general spoke.", new[] { "BE", "IQ" })]
    [InlineData("The State of Qatar and the Kingdom of Saudi Arabia signed.", new[] { "QA", "SA" })]
    [InlineData("Türkiye and Côte d'Ivoire attended.", new[] { "TR", "CI" })]
    public void Process_CountryNamesAbbreviationsDemonyms_AreCountries(string text, string[] expected)
    {
        var countries = Countries(text);

        Assert.Equal(expected.Order(), countries.Order());
    }

    [Fact]
    public void Process_TownSharingACountrysName_IsTheCountry()
    {
        var countries = Countries("Delegations from Tonga and Burma attended the talks.");

        Assert.Equal(["MM", "TO"], countries.Order());
    }

    [Fact]
    public void Process_CapitalActingForItsGovernment_IsACountry()
    {
        var countries = Countries("Washington imposed sanctions, and Doha's support was praised.");

        Assert.Equal(["QA", "US"], countries.Order());
    }

    [Fact]
    public void Process_CapitalAsAPlace_IsNotACountry()
    {
        var countries = Countries("Ministers gathered in Paris on Monday.");

        Assert.Empty(countries);
    }

    [Fact]
    public void Process_RegionContainingACountryName_IsNotThatCountry()
    {
        var countries = Countries("Attacks rose across the Lake Chad Basin and the Sahel.");

        Assert.DoesNotContain("TD", countries);
    }

    [Fact]
    public void Process_LowerCaseWordThatIsACountryName_IsNotACountry()
    {
        var countries = Countries("They ate turkey and the jordan almonds.");

        Assert.Empty(countries);
    }

    [Fact]
    public void Process_CountrySpans_PointAtTheMention()
    {
        var text = "Talks in Rome included Italy.";

        var facts = TestSupport.Extract(text);

        var italy = Assert.Single(facts.Countries);
        Assert.Equal("Italy", TestSupport.Slice(text, italy.Spans[0]));
    }

    [Fact]
    public void Process_IsisAliases_AreOneOrganization()
    {
        var facts = TestSupport.Extract("Daesh, also called ISIL or the Islamic State, lost ground; ISIS-K and ISKP are its branch.");

        var isis = Assert.Single(facts.Organizations, o => o.Name == "ISIS");
        Assert.Contains("Daesh", isis.Aliases);
        Assert.Contains("ISIL", isis.Aliases);
        var isisK = Assert.Single(facts.Organizations, o => o.Name == "ISIS-K");
        Assert.Contains("ISKP", isisK.Aliases);
    }

    [Fact]
    public void Process_CoalitionNames_AreOneOrganization()
    {
        var facts = TestSupport.Extract("The Global Coalition against Daesh met. The anti-ISIS coalition said the Coalition would act.");

        var coalition = Assert.Single(facts.Organizations, o => o.Name == "Global Coalition to Defeat ISIS");
        Assert.Equal(3, coalition.Spans.Count);
    }

    [Fact]
    public void Process_BareCoalitionWithoutIsisContext_IsNotTheGlobalCoalition()
    {
        var facts = TestSupport.Extract("The ruling coalition lost its majority in parliament on Tuesday.");

        Assert.DoesNotContain(facts.Organizations, o => o.Name == "Global Coalition to Defeat ISIS");
    }

    [Fact]
    public void Process_OrganizationByHeadWord_IsFoundWithItsFullName()
    {
        var facts = TestSupport.Extract("Analysts at the Middle East Institute for Strategic Studies said so.");

        Assert.Contains(facts.Organizations, o => o.Name == "Middle East Institute for Strategic Studies");
    }

    [Fact]
    public void Process_CountryInsideOrganizationName_IsStillACountry()
    {
        var facts = TestSupport.Extract("The U.S. State Department said so.");

        Assert.Contains(facts.Countries, c => c.Code == "US");
        Assert.Contains(facts.Organizations, o => o.Name == "US Department of State" && o.Aliases.Contains("U.S. State Department"));
    }

    [Fact]
    public void Load_Gazetteers_AreLoadedOnceAndShared()
    {
        // How long loading takes is measured in bench/ (KnowledgeLoad), not asserted here.
        var kb = KnowledgeBase.Load();

        Assert.True(kb.Gazetteer.Count > 5000);
        Assert.Same(KnowledgeBase.Default, KnowledgeBase.Default);
    }
}

public class PeopleComponentTests
{
    [Fact]
    public void Process_AppositionAfterName_GivesTitle()
    {
        var facts = TestSupport.Extract("Karim Nassar, Director of the Levant Institute for Security Studies, warned of a resurgence.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Karim Nassar", p.Name);
        Assert.Equal("Director of the Levant Institute for Security Studies", p.Title);
    }

    [Fact]
    public void Process_TitleBeforeName_GivesTitleAndCountry()
    {
        var facts = TestSupport.Extract("The talks were opened by French Foreign Minister Jean Dupont in Paris.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Jean Dupont", p.Name);
        Assert.Equal("French Foreign Minister", p.Title);
        Assert.Equal("FR", p.Country);
    }

    [Fact]
    public void Process_RankBeforeName_StaysOutOfTheNameAndGoesIntoTheTitle()
    {
        var facts = TestSupport.Extract("The commander, Lt. Gen. Robert Hale, said the operation was over.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Robert Hale", p.Name);
        Assert.Contains("Lieutenant General", p.Title);
    }

    [Fact]
    public void Process_HonorificBeforeName_StaysOutOfNameAndTitle()
    {
        var facts = TestSupport.Extract("Sheikh Hamad bin Khalifa Al Mansoori, the Emirati envoy, said the talks went well.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Hamad bin Khalifa Al Mansoori", p.Name);
    }

    [Fact]
    public void Process_LaterSurnameMentions_AreMergedAsAliases()
    {
        var text = "Ambassador Omar bin Saleh Al Kaabi led the delegation. Later, Al Kaabi said the meeting was useful. Kaabi left.";

        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal("Omar bin Saleh Al Kaabi", p.Name);
        Assert.Contains("Al Kaabi", p.Aliases);
        Assert.Equal(3, p.Spans.Count);
        Assert.Equal("Ambassador", p.Title);
    }

    [Fact]
    public void Process_SpellingVariants_AreMergedIntoOnePerson()
    {
        var text = "Ahmed Mohammed, a researcher at the Gulf Institute for Policy Studies, spoke. Ahmad Muhammad believes the threat remains.";

        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal("Ahmed Mohammed", p.Name);
        Assert.Contains("Ahmad Muhammad", p.Aliases);
    }

    [Fact]
    public void Process_CommaTitleChain_GivesTheWholeTitleAndNoSpuriousPerson()
    {
        var text = "A note by the Spokesperson, Press Office, Ministry of Defence, Amina Bello gave details.";

        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal("Amina Bello", p.Name);
        Assert.Equal("Spokesperson, Press Office, Ministry of Defence", p.Title);
    }

    [Fact]
    public void Process_CapitalizedPhraseWithoutCue_IsNotAPerson()
    {
        var facts = TestSupport.Extract("Deir ez-Zor and Salah al-Din witnessed attacks. Strategic Planning matters.");

        Assert.Empty(facts.People);
    }

    [Fact]
    public void Process_PersonSpans_CoverTheNameOnly()
    {
        var text = "US Secretary of State Mary Holt arrived.";

        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal("Mary Holt", TestSupport.Slice(text, p.Spans[0]));
        Assert.Equal("US", p.Country);
        Assert.Equal("US Secretary of State", p.Title);
    }
}

public class PersonNameFormTests
{
    [Fact]
    public void Process_MiddleInitial_IsDroppedFromTheNameAndKeptInAnAlias()
    {
        var facts = TestSupport.Extract("Defense Secretary Lloyd J. Austin III said the strike succeeded.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Lloyd Austin", p.Name);
        Assert.Contains("Lloyd J. Austin", p.Aliases);
    }

    [Fact]
    public void Process_ArabicArticleWithHyphen_StaysInTheName()
    {
        var facts = TestSupport.Extract("Iraqi Prime Minister Mohammed Shia al-Sudani met the envoy. Al-Sudani said Iraq is ready.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Mohammed Shia al-Sudani", p.Name);
        Assert.Equal("IQ", p.Country);
        Assert.Equal("Iraqi Prime Minister", p.Title);
    }
}

public class MeetingPlaceTests
{
    [Fact]
    public void Process_CityFollowedByItsCountry_IsOnePlace()
    {
        var facts = TestSupport.Extract("Ministers of the Global Coalition to Defeat ISIS met in Marrakech, Morocco on May 11, 2022.");

        var m = Assert.Single(facts.Meetings);
        Assert.Equal("Marrakech", m.City);
        Assert.Equal("MA", m.Country);
        Assert.Equal("2022-05-11", m.Date);
        Assert.Equal(Dossier.Domain.MeetingFormats.Ministerial, m.Format);
    }
}

public class GazetteerEdgeTests
{
    [Fact]
    public void Process_AllCapsLine_TwoLetterAcronymIsAWord()
    {
        var facts = TestSupport.Extract("THIS IS IT: THE CUP FINAL IS HERE");

        Assert.Empty(facts.Organizations);
    }

    [Fact]
    public void Process_NationalSecurityCouncil_IsNotTheUnSecurityCouncil()
    {
        var facts = TestSupport.Extract("Iraq's National Security Council met on Sunday.");

        Assert.DoesNotContain(facts.Organizations, o => o.Name == "UN Security Council");
        Assert.Contains(facts.Countries, c => c.Code == "IQ");
    }

    [Fact]
    public void Process_MenuLine_IsBoilerplate()
    {
        var doc = TestSupport.Annotate("Home | News | Iraq | Syria | Contact\nThe coalition met.", "segmenter");

        Assert.True(doc.Paragraphs[0].IsBoilerplate);
        Assert.False(doc.Paragraphs[1].IsBoilerplate);
    }
}

public class SingleNamePersonTests
{
    [Fact]
    public void Process_TitleAndSingleName_IsAPerson()
    {
        var facts = TestSupport.Extract("The Global Coalition met in Rome. Secretary Halvorsen said the mission would go on.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Halvorsen", p.Name);
        Assert.Equal("Secretary", p.Title);
    }

    [Fact]
    public void Process_SingleNameOfAKnownPerson_IsMerged()
    {
        var facts = TestSupport.Extract("Foreign Minister Nasser Bourita opened the talks. Minister Bourita thanked the partners.");

        var p = Assert.Single(facts.People);
        Assert.Equal(2, p.Spans.Count);
    }

    [Fact]
    public void Process_SingleCapitalizedWordWithoutTitle_IsNotAPerson()
    {
        var facts = TestSupport.Extract("Officials said Raqqa remained calm while Hama saw protests.");

        Assert.Empty(facts.People);
    }
}

public class FirstNameMentionTests
{
    [Fact]
    public void Process_HonorificAndFirstName_IsTheKnownPerson()
    {
        var facts = TestSupport.Extract("Foreign Minister Prince Faisal bin Farhan Al Saud arrived. Prince Faisal said the talks were useful.");

        var p = Assert.Single(facts.People);
        Assert.Equal(2, p.Spans.Count);
    }
}

public class SourceCreditTests
{
    [Theory]
    [InlineData("ABU DHABI, 24th November, 2022 (WAM) -- The Global Coalition met.", "WAM")]
    [InlineData("Shafaq News/ Ministers of the Global Coalition met.", "Shafaq News")]
    [InlineData("ERBIL (Kurdistan24) – The Global Coalition met.", "Kurdistan 24")]
    public void Process_NewsAgencyCreditedAsSource_IsNotAnOrganizationFact(string text, string agency)
    {
        var facts = TestSupport.Extract(text);

        Assert.DoesNotContain(facts.Organizations, o => o.Name == agency);
        Assert.Contains(facts.Organizations, o => o.Name == "Global Coalition to Defeat ISIS");
    }

    [Fact]
    public void Process_NewsOutletReportedOn_IsAnOrganizationFact()
    {
        var facts = TestSupport.Extract("In an interview with Sky News Arabia, he said the group was weakened.");

        Assert.Contains(facts.Organizations, o => o.Name == "Sky News Arabia");
    }
}

public class RelativeClauseCueTests
{
    [Fact]
    public void Process_NameFollowedByWho_IsAPerson()
    {
        var facts = TestSupport.Extract("Karen Holm, who leads the Coalition's stabilisation work, visited Mosul.");

        Assert.Equal("Karen Holm", Assert.Single(facts.People).Name);
    }
}
