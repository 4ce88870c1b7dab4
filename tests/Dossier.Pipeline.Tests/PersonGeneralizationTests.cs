namespace Dossier.Pipeline.Tests;

/// <summary>Names, titles and countries in styles beyond the ones the people components were first written for.</summary>
public class PersonGeneralizationTests
{
    [Theory]
    [InlineData("Air Chief Marshal Ravi Menon-Pillai inspected the squadron at dawn.", "Ravi Menon-Pillai")]
    [InlineData("Air Vice-Marshal Kayode Balogun-Eze briefed the committee.", "Kayode Balogun-Eze")]
    [InlineData("Alhaji Sani Danladi Bako opened the meeting in Kano.", "Sani Danladi Bako")]
    [InlineData("Tan Sri Hamzah Rahmat chaired the panel in Kuala Lumpur.", "Hamzah Rahmat")]
    [InlineData("Rear Adm. Colin Treharne spoke to the crew.", "Colin Treharne")]
    public void Process_RankOrHonorificBeforeAName_StaysOutOfTheName(string text, string name)
    {
        var facts = TestSupport.Extract(text);

        Assert.Equal(name, Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_CalendarWordInAHyphenatedGivenName_IsPartOfTheName()
    {
        var facts = TestSupport.Extract("Ambassador Hans-Jan van den Berg met officials in Amman.");

        Assert.Equal("Hans-Jan van den Berg", Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_LowerCaseOfficeWithLowerCaseComplement_IsTheWholeTitleBeforeTheComma()
    {
        var facts = TestSupport.Extract("The Peruvian minister of external relations, Rosa Quispe Huaman, arrived in Lima.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Peruvian minister of external relations", p.Title);
        Assert.Equal("PE", p.Country);
    }

    [Fact]
    public void Process_OfficeWordAfterATitle_IsNoPersonOfOneName()
    {
        var facts = TestSupport.Extract("Col. Musa Garba, the spokesman of the Army Headquarters, gave the figures.");

        Assert.Equal("Musa Garba", Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_RelationalWordFromACountry_GivesTheCountryButNoTitle()
    {
        var facts = TestSupport.Extract("He later met his counterpart from Ghana, Yaw Boateng-Mensah, at the hotel.");

        var p = Assert.Single(facts.People);
        Assert.Null(p.Title);
        Assert.Equal("GH", p.Country);
    }

    [Fact]
    public void Process_DemonymBeforeARank_IsThePersonsCountry()
    {
        var facts = TestSupport.Extract("Belgian Col. Luc Vanderstraeten, a coalition planner, briefed reporters.");

        Assert.Equal("BE", Assert.Single(facts.People).Country);
    }

    [Theory]
    [InlineData("Kenya has renewed its pledge to the coalition, Cabinet Secretary Wanjiru Kamau-Njoroge said on Friday.", "KE")]
    [InlineData("NAIROBI, May 3 - Sri Lanka will join the talks next month, Foreign Secretary Nimal Perera said.", "LK")]
    [InlineData("Kenya needs far more help with refugees, UN envoy Ana Ruiz Bravo said.", null)]
    public void Process_CountryOpeningASentenceAnOfficialSaid_IsTheOfficialsCountryUnlessTheOfficeNamesAnother(string text, string? country)
    {
        var facts = TestSupport.Extract(text);

        Assert.Equal(country, Assert.Single(facts.People).Country);
    }

    [Fact]
    public void Process_OrganizationOpeningWithADemonymInTheTitle_GivesTheCountry()
    {
        var facts = TestSupport.Extract("The Egyptian Armed Forces' spokesman, Col. Hossam Abdel-Ghani, denied the report.");

        Assert.Equal("EG", Assert.Single(facts.People).Country);
    }

    [Fact]
    public void Process_PersonBesideACounterpartOfTheArticlesCountry_DoesNotTakeThatCountry()
    {
        var text = "Defence Minister Tove Lindqvist spoke with her Iraqi counterpart, Defence Minister Saad Kadhim Jawad, on Monday. "
                   + "Iraq wants more trainers. Iraqi units need air support. Iraq will decide in June.";

        var facts = TestSupport.Extract(text);

        Assert.Null(facts.People.Single(p => p.Name == "Tove Lindqvist").Country);
        Assert.Equal("IQ", facts.People.Single(p => p.Name == "Saad Kadhim Jawad").Country);
    }

    [Fact]
    public void Process_RegnalNumberAfterAName_IsPartOfTheName()
    {
        var facts = TestSupport.Extract("King Felipe VI received the envoy in Madrid.");

        Assert.Equal("Felipe VI", Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_IrishParticleInATitleCaseHeadline_StaysInTheName()
    {
        var facts = TestSupport.Extract("Speech by the Minister for Justice of Ireland, Máire Ní Bhriain, at the Opening of the Forum\n\nThank you all.");

        Assert.Equal("Máire Ní Bhriain", Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_TwoCapitalizedHeads_AreOneTitle()
    {
        var facts = TestSupport.Extract("Spain's representative, Minister Counsellor Rafael Ibarra Soler, spoke next.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Rafael Ibarra Soler", p.Name);
        Assert.Equal("Minister Counsellor", p.Title);
        Assert.Equal("ES", p.Country);
    }

    [Fact]
    public void Process_RelationalWordBeforeTheTitleOfAName_GivesItsCountry()
    {
        var facts = TestSupport.Extract("She called her Kenyan counterpart, Interior Minister Joseph Otieno Mwangi, on Sunday.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Interior Minister", p.Title);
        Assert.Equal("KE", p.Country);
    }

    [Fact]
    public void Process_PossessiveOfAnOfficeWord_IsPartOfTheTitle()
    {
        var facts = TestSupport.Extract("The council's spokesman, Idris Kamara-Bangura, declined to comment.");

        Assert.Equal("council's spokesman", Assert.Single(facts.People).Title);
    }

    [Fact]
    public void Process_PostInACity_IsPartOfTheTitle()
    {
        var facts = TestSupport.Extract("Chile's ambassador in Madrid, Dr. Ines Valdivia Mora, welcomed the move.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Chile's ambassador in Madrid", p.Title);
        Assert.Equal("CL", p.Country);
    }

    [Fact]
    public void Process_AppositionAfterThen_IsTheTitle()
    {
        var facts = TestSupport.Extract("Gen. Marta Oyelaran-Diaz, then a senior coalition planner, said little.");

        Assert.StartsWith("senior coalition planner", Assert.Single(facts.People).Title);
    }

    [Fact]
    public void Process_PersonNamedByARelationalWord_DoesNotTakeTheArticlesCountry()
    {
        var text = "Estonia thanks its hosts, and in particular my friend and colleague Minister Hanne Dahl. "
                   + "Estonia will send trainers. Estonia will pay. Estonian officers will lead.";

        var facts = TestSupport.Extract(text);

        Assert.Null(Assert.Single(facts.People).Country);
    }

    [Theory]
    [InlineData("Malaysia's Coordinating Minister for Security Affairs, Anwar Hakim Zulkifli, arrived on Monday.", "Malaysia's Coordinating Minister for Security Affairs", "MY")]
    [InlineData("The bank's Managing Director Ingrid Holm-Sorensen declined to comment.", "Managing Director", null)]
    public void Process_ParticipleBeforeAHead_IsPartOfTheTitle(string text, string title, string? country)
    {
        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal(title, p.Title);
        Assert.Equal(country, p.Country);
    }
}
