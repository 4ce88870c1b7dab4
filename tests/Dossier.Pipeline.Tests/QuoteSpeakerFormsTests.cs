namespace Dossier.Pipeline.Tests;

/// <summary>Speaker phrases beyond a name and a verb: forms of address, descriptions with a country, asides, "and I quote".</summary>
public class QuoteSpeakerFormsTests
{
    [Fact]
    public void Process_FormOfAddressAsSpeaker_IsThePersonLastNamed()
    {
        var text = "H.E. Sheikh Faris bin Nasser Al Mutairi received the Ghanaian envoy, Dr. Esi Owusu-Ansah, on Monday.\n\n"
                   + "His Excellency welcomed the Coalition's work, noting that “dialogue is the only way forward.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Faris bin Nasser Al Mutairi", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_DescriptionWithACountry_IsThePersonOfThatCountry()
    {
        var text = "Foreign Minister Ana Duarte met her Chilean counterpart Rafael Soto Vidal in Lisbon.\n\n"
                   + "Asked about training, the Chilean minister said: “We will send instructors.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Rafael Soto Vidal", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_DefiniteTitleBeforeAParticiple_IsThePersonWithThatTitle()
    {
        var text = "Sweden's Special Envoy Maria Lindgren visited the camp.\n\n"
                   + "For her part, the Swedish envoy thanked the hosts, saying: “Partnership matters more than ever.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Maria Lindgren", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_SaidAndIQuote_AttributesTheQuotation()
    {
        var text = "Under Secretary Tom Hadley spoke with the Kenyan delegation. The Under Secretary said, and I quote, “we will not leave.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Tom Hadley", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_AppositionWithARankAndAnAdverbBeforeTheVerb_AttributesTheQuotation()
    {
        var text = "As my friend from Kenya, Dr. Achieng Otieno, rightly said yesterday, “security is development.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Achieng Otieno", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_LongAppositionBeforeSaidColon_AttributesTheQuotation()
    {
        var text = "Omar Haddad-Khoury, head of the reconstruction office of the provincial council of Nineveh in northern Iraq, said: “We need schools first.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Omar Haddad-Khoury", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_TheStatementOfAPerson_IsThatPersonsQuote()
    {
        var text = "The Malian president, Oumar Diakite Sangare, praised the troops in a statement. “This is a day of pride,” the statement said.";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Oumar Diakite Sangare", Assert.Single(facts.Quotes).Speaker);
    }

    [Fact]
    public void Process_AppositionOfADefiniteTitleAndName_IsTheSpeakerOfTheClause()
    {
        var text = "My old friend, the former defence chief Ilias Brahimi-Kaci, warns that the militias “will return within a year.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal("Ilias Brahimi-Kaci", Assert.Single(facts.Quotes).Speaker);
    }
}
