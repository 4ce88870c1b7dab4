using Dossier.Domain;
using Dossier.Pipeline.Components.Quotes;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Tests;

/// <summary>Runs the pipeline up to the quotation spans, then the attribution with only the named sieves.</summary>
internal static class QuoteTestSupport
{
    public static AnnotatedDocument Spans(string text) => TestSupport.Annotate(text, "quote-spans");

    public static List<QuoteFact> Attribute(string text, params string[] sieves)
    {
        var document = Spans(text);
        new QuoteAttributionComponent(sieves).Process(document, CancellationToken.None);
        return document.Quotes;
    }
}

/// <summary>The quote-spans component: which quotation marks make a quotation.</summary>
public class QuoteSpansTests
{
    [Fact]
    public void Process_CurlyStraightAndSingleMarks_AreSpans()
    {
        var text = "She said “we stay in Mosul” and he said \"we leave Raqqa soon\" and they said ‘we wait for the vote’.";

        var spans = QuoteTestSupport.Spans(text).QuoteSpans;

        Assert.Equal(["we stay in Mosul", "we leave Raqqa soon", "we wait for the vote"], spans.Select(q => text[q.Start..q.End]));
    }

    [Fact]
    public void Process_NamesInQuotationMarks_AreNoSpans()
    {
        var spans = QuoteTestSupport.Spans("Ghana chairs the “Sahel Partnership Forum” and calls the group ‘Daesh’ in its papers.").QuoteSpans;

        Assert.Empty(spans);
    }

    [Fact]
    public void Process_QuotationAfterANamingCue_IsNoSpan()
    {
        var spans = QuoteTestSupport.Spans("The fighters lost the so-called “new order” state and a plan dubbed “open gate” failed.").QuoteSpans;

        Assert.Empty(spans);
    }

    [Fact]
    public void Process_TitleOfAWork_IsNoSpan()
    {
        var spans = QuoteTestSupport.Spans("The study, titled “Why militants recruit in the Lake Chad basin: field notes”, came out in May.").QuoteSpans;

        Assert.Empty(spans);
    }

    [Fact]
    public void Process_ParagraphOpeningWithAClosingMark_IsASpan()
    {
        var text = "The two governments issued a statement.\n\n” … to support partner forces for another year, the mission will go on.”";

        var q = Assert.Single(QuoteTestSupport.Spans(text).QuoteSpans);

        Assert.StartsWith("… to support partner forces", text[q.Start..q.End]);
        Assert.True(q.Closed);
    }

    [Fact]
    public void Process_QuotationOverThreeParagraphs_IsOneSpanPerParagraphEachContinuingTheLast()
    {
        var text = "The envoy said: “First, we train.\n\n“Second, we fund the camps.\n\n“Third, we go home.”";

        var spans = QuoteTestSupport.Spans(text).QuoteSpans;

        Assert.Equal([false, true, true], spans.Select(q => q.Continues));
        Assert.Equal([false, false, true], spans.Select(q => q.Closed));
    }

    [Fact]
    public void Process_FragmentCutOffAtTheEnd_IsNoSpan()
    {
        Assert.Empty(QuoteTestSupport.Spans("The envoy told the press: “We b").QuoteSpans);
    }

    [Fact]
    public void Process_HeadlineEchoingAQuotation_IsDropped()
    {
        var text = "Envoy says Doha talks ‘opened a new page’\n\n“The meeting in Doha opened a new page for the region,” envoy Sara Lind said.";

        var q = Assert.Single(QuoteTestSupport.Spans(text).QuoteSpans);

        Assert.StartsWith("The meeting in Doha", text[q.Start..q.End]);
    }

    [Fact]
    public void Process_Spans_SetTheQuoteLayerFromMarkToMark()
    {
        var document = QuoteTestSupport.Spans("Minister Eva Holm said: “We will help the camps.” Then she left.");

        var q = Assert.Single(document.QuoteSpans);
        Assert.Equal(q.TokenEnd, document.Layers.EndAt("quote", q.TokenStart));
        Assert.Equal("“", document.TokenText(q.TokenStart));
        Assert.Equal("”", document.TokenText(q.TokenEnd - 1));
    }
}

/// <summary>The sieves, each run alone, and the speaker resolver behind them.</summary>
public class QuoteSieveTests
{
    [Theory]
    [InlineData("“We will not leave,” Interior Minister Karl Stamm said.", "Karl Stamm")]
    [InlineData("“We will not leave,” said Ms. Okafor, who visited Abuja.", "Okafor")]
    [InlineData("“The talks were useful,” Omar Haddad, the Jordanian envoy to Syria, said on Monday.", "Omar Haddad")]
    [InlineData("Foreign Minister Ana Silva said: “Our support for Iraq will not waver.”", "Ana Silva")]
    [InlineData("Foreign Minister Ana Silva, speaking in Lisbon, said: “Our support for Iraq will not waver.”", "Ana Silva")]
    [InlineData("Taking to X, Minister Ivo Kral wrote on Sunday, “I look forward to the talks in Prague.”", "Ivo Kral")]
    [InlineData("“Our fight goes on,” the Islamic State said.", "ISIS")]
    public void Adjacent_SpeakerAndVerbNextToTheQuote_IsTheSpeaker(string text, string speaker)
    {
        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Equal(speaker, q.Speaker);
        Assert.Equal("adjacent", q.Rule);
    }

    [Theory]
    [InlineData("“The road is long,” a senior Pentagon official said.", "a senior Pentagon official")]
    [InlineData("“The road is long,” said two Western diplomats in Amman.", "two Western diplomats")]
    [InlineData("According to the finance ministry, “the pledge will be paid in full this year.”", "the finance ministry")]
    [InlineData("Peru’s foreign ministry said: “The coalition has our full support.”", "Peru’s foreign ministry")]
    [InlineData("“Our partners delivered on every pledge,” a State Department official said.", "a State Department official")]
    public void Adjacent_UnnamedSpeaker_IsNullWithTheDescription(string text, string description)
    {
        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Null(q.Speaker);
        Assert.Equal(description, q.SpeakerDescription);
    }

    [Fact]
    public void Adjacent_SpokesmanForAPerson_IsUnnamedNotThePerson()
    {
        var text = "Defence Secretary Ruth Cole flew to Erbil. A spokesman for Ms Cole said: ‘The Secretary will return on Friday.’";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Null(q.Speaker);
        Assert.Equal("A spokesman for Ms Cole", q.SpeakerDescription);
    }

    [Theory]
    [InlineData("“We will be there as long as it takes,” Cole’s deputy, Anne Fox, told Sky News.", "Anne Fox")]
    [InlineData("“The camps need money,” the UN coordinator, Piet Smit, said in Geneva.", "Piet Smit")]
    public void Adjacent_NounInAppositionToAName_IsTheNamedPerson(string text, string speaker)
    {
        Assert.Equal(speaker, Assert.Single(QuoteTestSupport.Attribute(text, "adjacent")).Speaker);
    }

    [Fact]
    public void Adjacent_PronounAfterTheQuote_IsTheLastPersonNamed()
    {
        var quotes = QuoteTestSupport.Attribute("Defence Secretary Ruth Cole visited Basra on Friday. “The mission continues,” she added.", "adjacent");

        Assert.Equal("Ruth Cole", Assert.Single(quotes).Speaker);
    }

    [Fact]
    public void Adjacent_DescriptionWithATitleHead_IsThePersonWithThatTitle()
    {
        var text = "Foreign Minister Lena Ek and General Piet Smit arrived in Baghdad. “We came to listen,” the minister told reporters.";

        Assert.Equal("Lena Ek", Assert.Single(QuoteTestSupport.Attribute(text, "adjacent")).Speaker);
    }

    [Fact]
    public void Extract_ItAfterAnOrganizationSpeakingSinceTheLastStatement_IsThatOrganization()
    {
        var text = "Ministers of the Global Coalition met in Lima.\n\n\u201cWe stand together,\u201d the communiqu\u00e9 said.\n\n"
            + "The UN Security Council said in a statement that aid must reach the camps. \u201cThe needs are urgent,\u201d it said.";

        var quotes = TestSupport.Extract(text).Quotes;

        Assert.Equal("UN Security Council", Assert.Single(quotes, q => q.Text.StartsWith("The needs", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void Extract_DescriptionWithATitleHeadBeforeAReportedClause_IsThePersonWithThatTitle()
    {
        var text = "Lars Holm, the Minister of Defence, attended the Global Coalition meeting in Oslo.\n\nIn his address, the Minister stressed that Norway \u201cwill stay the course.\u201d";

        var quote = Assert.Single(TestSupport.Extract(text).Quotes);

        Assert.Equal(("Lars Holm", null), (quote.Speaker, quote.SpeakerDescription));
    }

    [Fact]
    public void Adjacent_DescriptionOfAnUnnamedSourceNamedBefore_KeepsTheFirstDescription()
    {
        var text = "A senior British defence official said London wants ideas, not only money.\n\n“Partners should speak up,” the official said.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Null(q.Speaker);
        Assert.Equal("A senior British defence official", q.SpeakerDescription);
    }

    [Fact]
    public void Adjacent_TwoPeopleOfOneGovernment_IsTheFirstNamed()
    {
        var text = "“We are ready to help,” US Secretary of State Mark Hale and Defense Secretary Joan Pike said in a joint statement.";

        Assert.Equal("Mark Hale", Assert.Single(QuoteTestSupport.Attribute(text, "adjacent")).Speaker);
    }

    [Fact]
    public void Adjacent_TwoPeopleOfTwoGovernments_IsUnnamed()
    {
        var text = "“We agreed to deepen our cooperation,” US Secretary of State Mark Hale and Iraqi Foreign Minister Samir Aziz said.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Null(q.Speaker);
        Assert.StartsWith("US Secretary of State Mark Hale and", q.SpeakerDescription);
    }

    [Fact]
    public void Adjacent_StatementOfAnOutlet_IsTheOutlet()
    {
        var q = Assert.Single(QuoteTestSupport.Attribute("“The Emirates backs the effort,” the WAM statement said.", "adjacent"));

        Assert.Equal("WAM", q.Speaker);
        Assert.Equal("the WAM statement", q.SpeakerDescription);
    }

    [Fact]
    public void Adjacent_CommuniqueQuoted_IsItsIssuerNamedEarlier()
    {
        var text = "The Global Coalition adopted a communiqué after the meeting in Accra.\n\n"
            + "The press office quoted the communiqué in part: “Partners agreed to fund the camps in the northeast.”";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Equal("Global Coalition to Defeat ISIS", q.Speaker);
        Assert.Equal("the communiqué", q.SpeakerDescription);
    }

    [Fact]
    public void Adjacent_MeetingCommuniqueWithNoIssuerNamed_IsTheCoalitionBodyNamedBefore()
    {
        var text = "Ministers of the Global Coalition against Daesh met in Oslo.\n\n“Partners will keep up the pressure on the group,” the final communiqué said.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Equal("Global Coalition to Defeat ISIS", q.Speaker);
        Assert.Equal("the final communiqué", q.SpeakerDescription);
    }

    [Fact]
    public void Adjacent_StatementAfterAJointStatementOfTwoGovernments_IsUnnamed()
    {
        var text = "In a joint statement, Norway and Peru pledged new funds.\n\n“The funds will reach the camps this year,” the statement said.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Null(q.Speaker);
        Assert.Equal("the statement", q.SpeakerDescription);
    }

    [Fact]
    public void Adjacent_ShortQuoteWithTheSpeakerAfterIt_IsAQuote()
    {
        var q = Assert.Single(QuoteTestSupport.Attribute("There will be no “easy wins,” Minister Hugo Lind said.", "adjacent"));

        Assert.Equal("easy wins,", q.Text);
        Assert.Equal("Hugo Lind", q.Speaker);
    }

    [Fact]
    public void Adjacent_ShortTermAfterADeterminer_IsNoQuote()
    {
        Assert.Empty(QuoteTestSupport.Attribute("The militants declared their “caliphate” in 2014 and lost it by 2019.", "adjacent"));
    }

    [Theory]
    [InlineData("Kenyan Foreign Minister Ruth Wanjiru stressed that the region, which suffered for years, “cannot be left alone”.", "Ruth Wanjiru")]
    [InlineData("Luca Bruni, adviser to Prime Minister Marco Ferri, told the news agency ANSA that troops will leave “the two bases in the north” by May.", "Luca Bruni")]
    [InlineData("A statement by Foreign Office spokesman Tim Hart said that the minister will discuss “border security” with his hosts.", "Tim Hart")]
    [InlineData("Minister Hugo Lind pressed allies for troops, accusing several partners of giving “almost nothing at all” so far.", "Hugo Lind")]
    public void Clause_SpeakerAndVerbBeforeAComplement_IsTheSpeaker(string text, string speaker)
    {
        var q = Assert.Single(QuoteTestSupport.Attribute(text, "clause"));

        Assert.Equal(speaker, q.Speaker);
        Assert.Equal("clause", q.Rule);
    }

    [Fact]
    public void Clause_SpeakerWithAnAside_IsTheSpeaker()
    {
        var text = "A senior Foreign Office official, who spoke on condition of anonymity, said the talks were “frank and useful”.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "clause"));

        Assert.Null(q.Speaker);
        Assert.Equal("A senior Foreign Office official", q.SpeakerDescription);
    }

    [Fact]
    public void Clause_OrganizationThenAParticiple_IsTheOrganization()
    {
        var text = "The Islamic State claimed the ambush in a statement, saying its fighters “struck a convoy near the river”.";

        Assert.Equal("ISIS", Assert.Single(QuoteTestSupport.Attribute(text, "clause")).Speaker);
    }

    [Fact]
    public void Clause_StatementNamingItsIssuerThenIt_AreTheIssuer()
    {
        var text = "Tuesday’s State Department statement said partners “agreed to expand the training mission”.\n\n"
            + "It said that the ministers also backed “safe returns” for displaced families.";

        var quotes = QuoteTestSupport.Attribute(text, "clause");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("US Department of State", q.Speaker));
    }

    [Fact]
    public void Clause_HeAddedAfterAnAttributedQuote_IsThatSpeakerNotALaterName()
    {
        var text = "Sami Rahal, adviser to President Karim Aziz, told reporters that forces would leave “the capital and the airbase” by June.\n\n"
            + "He added that the plan reflects a commitment to “rebuilding the national army”.";

        var quotes = QuoteTestSupport.Attribute(text, "clause");

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Sami Rahal", q.Speaker));
    }

    [Fact]
    public void Clause_JointStatementOfTwoGovernments_IsUnnamed()
    {
        var q = Assert.Single(QuoteTestSupport.Attribute("In a joint statement, the UK and Nigeria announced a plan to “train 2,000 officers” next year.", "clause"));

        Assert.Null(q.Speaker);
        Assert.Equal("the UK and Nigeria", q.SpeakerDescription);
    }

    [Fact]
    public void Trailing_AttributionEndingTheSentence_IsTheSpeaker()
    {
        var text = "Qantas Group posted record profits.\nThat is “the best result in a decade” for the airline, a Qantas statement said.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "trailing"));

        Assert.Equal("Qantas", q.Speaker);
        Assert.Equal("trailing", q.Rule);
    }

    [Fact]
    public void NameLine_PullQuoteFollowedByAName_IsThatPerson()
    {
        var text = "France has trained Iraqi forces since 2015.\n\n“Partnership is the only way forward for the region.”\n\n"
            + "Minister Clara Nunes, Minister for Foreign Affairs\n";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "name-line"));

        Assert.Equal("Clara Nunes", q.Speaker);
        Assert.Equal("name-line", q.Rule);
    }

    [Theory]
    [InlineData("Below is a joint statement that can be attributed to the co-chairs of the Counter ISIS Finance Group:\n“Members agreed to target the group’s revenue.”", "Counter ISIS Finance Group")]
    [InlineData("Defence Minister Jon Berg told reporters on Friday:\n\n“We will send more trainers to Erbil.”", "Jon Berg")]
    public void ColonLead_ParagraphEndingWithAColon_GivesTheSpeaker(string text, string speaker)
    {
        var q = Assert.Single(QuoteTestSupport.Attribute(text, "colon-lead"));

        Assert.Equal(speaker, q.Speaker);
        Assert.Equal("colon-lead", q.Rule);
    }

    [Fact]
    public void ColonLead_JointStatementOfTwoGovernments_IsUnnamed()
    {
        var q = Assert.Single(QuoteTestSupport.Attribute("The following is a joint statement by Norway and Peru:\n“Both governments will fund the camps.”", "colon-lead"));

        Assert.Null(q.Speaker);
        Assert.Equal("Norway and Peru", q.SpeakerDescription);
    }

    [Fact]
    public void Continuation_QuoteInTheSameParagraph_KeepsTheSpeaker()
    {
        var text = "“We need fresh ideas,” the official said, speaking on condition of anonymity. “Nobody has a monopoly on them.”";

        var quotes = QuoteTestSupport.Attribute(text, "adjacent", "continuation");

        Assert.Equal(["adjacent", "continuation"], quotes.Select(q => q.Rule));
        Assert.All(quotes, q => Assert.Equal("the official", q.SpeakerDescription));
    }

    [Fact]
    public void Continuation_QuoteParagraphAfterAQuotedParagraph_KeepsTheSpeaker()
    {
        var quotes = QuoteTestSupport.Attribute("“We are ready,” Envoy Maria Holt said.\n“Our teams will arrive next week.”", "adjacent", "continuation");

        Assert.All(quotes, q => Assert.Equal("Maria Holt", q.Speaker));
    }

    [Fact]
    public void Continuation_QuoteAfterAnotherPersonIsNamed_IsNotContinued()
    {
        var text = "“We are ready,” Envoy Maria Holt said. General Tom Vik did not agree. “The plan is not finished.”";

        var quotes = QuoteTestSupport.Attribute(text, "adjacent", "continuation");

        Assert.Equal("Maria Holt", quotes[0].Speaker);
        Assert.Equal("unattributed", quotes[1].Rule);
    }

    [Fact]
    public void Continuation_PullQuoteOverTwoParagraphs_TakesTheNameLineBackwards()
    {
        var text = "“Partnership is the only way forward.\n\n“We will stay as long as we are needed.”\n\nMinister Clara Nunes, Minister for Foreign Affairs\n";

        var quotes = QuoteTestSupport.Attribute(text, "name-line", "continuation");

        Assert.Equal(["continuation", "name-line"], quotes.Select(q => q.Rule));
        Assert.All(quotes, q => Assert.Equal("Clara Nunes", q.Speaker));
    }

    [Fact]
    public void PreviousSentence_QuoteAfterASentenceReportingSpeech_IsThatSpeaker()
    {
        var text = "Foreign Minister Adel Mansour also affirmed that the Kingdom will keep supporting the coalition. “Terrorism has no place in our region.”";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "previous-sentence"));

        Assert.Equal("Adel Mansour", q.Speaker);
    }

    [Fact]
    public void Possessive_InHisView_IsThePersonNamedBefore()
    {
        var text = "Analyst Omar Farouk spoke to reporters in Rabat. In his view, the campaign in the Sahel “has not addressed the roots of the violence”.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "possessive"));

        Assert.Equal("Omar Farouk", q.Speaker);
    }

    [Fact]
    public void Attribute_WithoutASieveThatFits_LeavesLongQuotesUnattributedAndDropsShortOnes()
    {
        var quotes = QuoteTestSupport.Attribute("Forces ran the “rapid shield” drill. “We stand united until the job is done.”", "adjacent");

        var q = Assert.Single(quotes);
        Assert.Null(q.Speaker);
        Assert.Equal("unattributed", q.Rule);
    }

    [Fact]
    public void Attribute_LongQuote_TextIsItsFirstSixtyCharacters()
    {
        var text = "“Our coalition continues to make great progress in the fight against the group in every region,” said Minister Eva Holm.";

        var q = Assert.Single(QuoteTestSupport.Attribute(text, "adjacent"));

        Assert.Equal(60, q.Text.Length);
        Assert.StartsWith(q.Text, text[q.Span.Start..q.Span.End]);
        Assert.EndsWith("region,", text[q.Span.Start..q.Span.End]);
    }
}

/// <summary>The sieve order is data, and every listed sieve exists.</summary>
public class QuoteSieveOrderTests
{
    [Fact]
    public void QuoteSieves_FromPipelineJson_AreAllRegisteredMostPreciseFirst()
    {
        var order = KnowledgeBase.Default.QuoteSieves;

        Assert.Equal("adjacent", order[0]);
        Assert.All(order, name => Assert.Equal(name, QuoteSieves.Create(name).Name));
        Assert.Equal(order.Count, order.Distinct().Count());
    }

    [Fact]
    public void Create_UnknownSieve_Throws()
    {
        Assert.Throws<ArgumentException>(() => QuoteSieves.Create("vocative"));
    }

    [Fact]
    public void Process_DefaultOrder_GivesEachQuoteTheFirstSieveThatFits()
    {
        var text = "Minister Eva Holm said the talks went well.\n\n“We will stay,” she said. “Our teams arrive next week.”";

        var facts = TestSupport.Extract(text);

        Assert.Equal(["adjacent", "continuation"], facts.Quotes.Select(q => q.Rule));
        Assert.All(facts.Quotes, q => Assert.Equal("Eva Holm", q.Speaker));
    }
}
