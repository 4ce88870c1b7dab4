using Dossier.Domain;
using Dossier.Evaluation;

namespace Dossier.Pipeline.Tests;

public class SentenceLocatorTests
{
    private static TextSpan SpanOf(string text, string s, int from = 0)
    {
        var i = text.IndexOf(s, from, StringComparison.Ordinal);
        return new TextSpan(i, i + s.Length);
    }

    private static string Sentence(string text, TextSpan? span) => span is { } s ? text[s.Start..s.End] : "(null)";

    [Fact]
    public void Sentences_AbbreviationsAndInitials_DoNotEndASentence()
    {
        const string text = "Dr. Anna Lind of the U.S. Navy arrived in Oslo on Monday.  She met Gen. Ruiz there! Was it planned?\nA new line starts here";

        var sentences = new SentenceLocator(text).Sentences.Select(s => text[s.Start..s.End]).ToList();

        Assert.Equal(
            ["Dr. Anna Lind of the U.S. Navy arrived in Oslo on Monday.", "She met Gen. Ruiz there!", "Was it planned?", "A new line starts here"],
            sentences);
    }

    [Fact]
    public void Sentences_ClosingQuoteAfterTheStop_StaysWithItsSentence()
    {
        const string text = "He said: \u201cWe will stay.\u201d The talks went on. 3 delegations left.";

        var sentences = new SentenceLocator(text).Sentences.Select(s => text[s.Start..s.End]).ToList();

        Assert.Equal(["He said: \u201cWe will stay.\u201d", "The talks went on.", "3 delegations left."], sentences);
    }

    [Fact]
    public void SentenceOf_SpanInTheSecondSentence_ReturnsThatSentence()
    {
        const string text = "Envoys met in Lisbon. The Portuguese minister opened the session. It closed at noon.";
        var locator = new SentenceLocator(text);

        var sentence = locator.SentenceOf(SpanOf(text, "Portuguese"));

        Assert.Equal("The Portuguese minister opened the session.", Sentence(text, sentence));
    }

    [Fact]
    public void SentenceOf_SpanAcrossTwoSentences_CoversBoth()
    {
        const string text = "One. Two words here. Three.";
        var locator = new SentenceLocator(text);

        var sentence = locator.SentenceOf(new TextSpan(text.IndexOf("One", StringComparison.Ordinal), text.IndexOf("words", StringComparison.Ordinal) + 5));

        Assert.Equal("One. Two words here.", Sentence(text, sentence));
    }

    [Fact]
    public void SentenceOf_SpanOutsideTheText_IsNull()
    {
        var locator = new SentenceLocator("Short text.");

        Assert.Null(locator.SentenceOf(new TextSpan(5, 50)));
        Assert.Null(locator.SentenceOf(new TextSpan(4, 4)));
    }

    [Fact]
    public void Find_ShortName_MatchesWholeWordsOnly()
    {
        const string text = "The Bergamo talks ended late. Ms. Berg left early.";
        var locator = new SentenceLocator(text);

        var found = locator.Find("Berg");

        Assert.Equal(SpanOf(text, "Berg", text.IndexOf("Ms.", StringComparison.Ordinal)), found);
    }

    [Fact]
    public void Find_AccentsCaseAndCurlyQuotes_AreIgnored()
    {
        const string text = "Talks ended. JOSÉ NÚÑEZ said \u201cwe\u2019ll stay\u201d and left.";
        var locator = new SentenceLocator(text);

        Assert.Equal(SpanOf(text, "JOSÉ NÚÑEZ"), locator.Find("Jose Nunez"));
        Assert.Equal(SpanOf(text, "we\u2019ll stay"), locator.Find("We'll stay"));
    }

    [Fact]
    public void Find_DecomposedAccentInTheText_MatchesTheComposedName()
    {
        const string text = "The Cafe\u0301 Noir group met.";
        var locator = new SentenceLocator(text);

        Assert.Equal(SpanOf(text, "Cafe\u0301 Noir"), locator.Find("Café Noir"));
    }

    [Fact]
    public void Find_QuoteShortenedInTheGold_FallsBackToItsFirstWords()
    {
        const string text = "She said the partners would keep working together on stabilisation in the north for years.";
        var locator = new SentenceLocator(text);

        var found = locator.Find("the partners would keep working together … for years");

        Assert.Equal(SpanOf(text, "the partners would keep working together"), found);
    }

    [Fact]
    public void Find_AbsentName_IsNull()
    {
        var locator = new SentenceLocator("Nothing about that here.");

        Assert.Null(locator.Find("Valletta"));
        Assert.Null(locator.Find("..."));
    }
}

public class ErrorContextTests
{
    private const string Text =
        "HELSINKI (Nordic Wire) - Finland hosted coalition talks on Tuesday.\n" +
        "The 74-member coalition met in the capital. Virtanen, the defence minister, told reporters: " +
        "\u201cWe remain committed to the mission.\u201d Mr. Koskinen, a spokesman, agreed.";

    private const string Gold = """
        {"doc": "g", "relevant": true, "countries": ["FI", "EE"],
         "people": [{"name": "Aino Virtanen", "aliases": ["Virtanen"], "title": "Defence Minister"}],
         "member_counts": [{"count": 74, "qualifier": "exact", "evidence": "74-member coalition"}],
         "quotes": [{"speaker": "Aino Virtanen", "text": "We remain committed to the mission."}]}
        """;

    private static string Span(string s)
    {
        var i = Text.IndexOf(s, StringComparison.Ordinal);
        return $"[{i}, {i + s.Length}]";
    }

    private static ScoreReport Score()
    {
        var pred = $$"""
            {"doc": "g", "relevant": true, "countries": [],
             "people": [{"name": "Virtanen", "title": "spokesman", "spans": [{{Span("Virtanen")}}]},
                        {"name": "Koskinen", "spans": [{{Span("Koskinen")}}]}],
             "quotes": [{"speaker": "Koskinen", "text": "We remain committed to the mission.", "span": {{Span("We remain committed to the mission.")}}},
                        {"speaker": null, "text": "Made up", "span": [900, 910]}]}
            """;
        return FactsScorer.Score([new ScoringInput("g", Gold, pred, Text)]);
    }

    private static IReadOnlyList<string> LinesFor(ScoreReport report, string linePrefix)
    {
        var error = report.Scores.SelectMany(s => s.Errors).Single(e => e.Line.StartsWith(linePrefix, StringComparison.Ordinal));
        return ErrorContext.Lines(error, new SentenceLocator(Text));
    }

    [Fact]
    public void Lines_SpuriousItem_ShowsTheSentenceOfItsSpan()
    {
        var lines = LinesFor(Score(), "g people: spurious 'Koskinen'");

        Assert.Equal(["Mr. [[Koskinen]], a spokesman, agreed."], lines);
    }

    [Fact]
    public void Lines_MissedCount_ShowsTheSentenceOfItsEvidence()
    {
        var lines = LinesFor(Score(), "g member_counts: missed 74");

        Assert.Equal(["The [[74-member coalition]] met in the capital."], lines);
    }

    [Fact]
    public void Lines_MissedCountry_ShowsTheFirstSentenceNamingIt()
    {
        var report = Score();

        Assert.Equal(["HELSINKI (Nordic Wire) - [[Finland]] hosted coalition talks on Tuesday."], LinesFor(report, "g countries: missed 'FI'"));
        Assert.Equal(["(not found in the text: 'Estonia')"], LinesFor(report, "g countries: missed 'EE'"));
    }

    [Fact]
    public void Lines_WrongTitleOrSpeaker_ShowsThePredictedItemsSentence()
    {
        var report = Score();

        Assert.Equal(["[[Virtanen]], the defence minister, told reporters: \u201cWe remain committed to the mission.\u201d"],
            LinesFor(report, "g people: title of 'Aino Virtanen': 'spokesman'"));
        Assert.Equal(["Virtanen, the defence minister, told reporters: \u201c[[We remain committed to the mission.]]\u201d"],
            LinesFor(report, "g quotes: speaker 'Koskinen' != 'Aino Virtanen'"));
    }

    [Fact]
    public void Lines_SpanOutsideTheText_SaysSo()
    {
        var lines = LinesFor(Score(), "g quotes: spurious 'Made up'");

        Assert.Equal([$"(span outside the text of {Text.Length} characters: [900, 910))"], lines);
    }

    [Fact]
    public void Print_VerboseWithSentences_PutsEachErrorsSentencesUnderIt()
    {
        var report = Score();
        var plain = new StringWriter();
        var withSentences = new StringWriter();

        report.Print(plain, verbose: true);
        report.Print(withSentences, verbose: true, sentences: true);

        var lines = ScorePy.Lines(withSentences.ToString());
        var i = Array.IndexOf(lines, "  g people: spurious 'Koskinen'");
        Assert.Equal(ScoreReport.ContextPrefix + "Mr. [[Koskinen]], a spokesman, agreed.", lines[i + 1]);
        Assert.Equal(ScorePy.Lines(plain.ToString()), lines.Where(l => !l.StartsWith(ScoreReport.ContextPrefix, StringComparison.Ordinal)));
    }
}
