using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Tests;

public class TokenizerTests
{
    [Fact]
    public void Tokenize_DottedAbbreviation_IsOneToken()
    {
        var text = "The U.S. and the U.A.E. agreed.";

        var tokens = Tokenizer.Tokenize(text);

        Assert.Contains(tokens, t => t.Text(text) == "U.S.");
        Assert.Contains(tokens, t => t.Text(text) == "U.A.E.");
    }

    [Fact]
    public void Tokenize_Possessive_SplitsOffApostropheS()
    {
        var text = "Qatar’s delegation and Da’esh";

        var words = Tokenizer.Tokenize(text).Select(t => t.Text(text)).ToList();

        Assert.Equal(["Qatar", "’", "s", "delegation", "and", "Da’esh"], words);
    }

    [Fact]
    public void Tokenize_NumbersOrdinalsAndScales_KeepSeparatorsAndSplitScale()
    {
        var text = "1,500 fighters, the 87th member and €10m";

        var words = Tokenizer.Tokenize(text).Select(t => t.Text(text)).ToList();

        Assert.Contains("1,500", words);
        Assert.Contains("87th", words);
        Assert.Equal(["€", "10", "m"], words[^3..]);
    }

    [Fact]
    public void Tokenize_HashtagsHandlesAndUrls_AreSingleSymbols()
    {
        var text = "See #DefeatDaesh by @CoalitionNews at https://example.org/a?b=1 now";

        var tokens = Tokenizer.Tokenize(text);

        Assert.Contains(tokens, t => t.Kind == TokenKind.Symbol && t.Text(text) == "#DefeatDaesh");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Symbol && t.Text(text) == "@CoalitionNews");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Symbol && t.Text(text) == "https://example.org/a?b=1");
    }

    [Fact]
    public void Normalize_Diacritics_AreFolded()
    {
        var text = "Wilmès";

        var norm = Tokenizer.Normalize(text, 0, text.Length);

        Assert.Equal("wilmes", norm);
    }
}

public class SegmenterTests
{
    [Fact]
    public void Process_AbbreviationsAndInitials_DoNotEndSentences()
    {
        var text = "Maj.-Gen. Ali Hassan met Dr. Jane Roe of the U.S. Army at No. 10 yesterday. Then they left.";

        var doc = TestSupport.Annotate(text, "segmenter");

        Assert.Equal(2, doc.Sentences.Count);
        Assert.EndsWith("yesterday.", TestSupport.Slice(text, doc.Sentences[0].Span));
    }

    [Fact]
    public void Process_Lines_BecomeParagraphsWithSpansIntoTheOriginal()
    {
        var text = "First line here.\r\n\r\n  Second line.  \nThird";

        var doc = TestSupport.Annotate(text, "segmenter");

        Assert.Equal(["First line here.", "Second line.", "Third"], doc.Paragraphs.Select(p => TestSupport.Slice(text, p.Span)).ToArray());
    }

    [Fact]
    public void Process_CookieNoticeAndFeedItems_AreFlaggedAsBoilerplate()
    {
        var text = TestSupport.ReadArticle("noisy_page.txt");

        var doc = TestSupport.Annotate(text, "segmenter");

        var flagged = doc.Paragraphs.Where(p => p.IsBoilerplate).Select(p => TestSupport.Slice(text, p.Span)).ToList();
        Assert.Contains(flagged, p => p.StartsWith("This website uses cookies", StringComparison.Ordinal));
        Assert.Contains(flagged, p => p.StartsWith("Top 10 summer recipes", StringComparison.Ordinal));
        Assert.Contains(flagged, p => p.StartsWith("The 24-year-old joined", StringComparison.Ordinal));
        Assert.DoesNotContain(flagged, p => p.StartsWith("Senior officials", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_ReadMoreSentence_IsFlaggedButItsParagraphIsNot()
    {
        var text = "The coalition met in Rome. Read more.";

        var doc = TestSupport.Annotate(text, "segmenter");

        Assert.False(doc.Paragraphs[0].IsBoilerplate);
        Assert.True(doc.Sentences[^1].IsBoilerplate);
        Assert.False(doc.Sentences[0].IsBoilerplate);
    }

    [Theory]
    [InlineData("We and our partners store and access cookies on your device; you can manage consent at any time.")]
    [InlineData("Your privacy choices: we use cookies to measure traffic. Settings saved 2 January 2024")]
    [InlineData("Sign up for our newsletter to get the week's top stories every Friday.")]
    [InlineData("Privacy notice – last updated 4 May 2023")]
    public void Process_ConsentOrNewsletterBox_IsFlaggedAsACookieNotice(string banner)
    {
        var doc = TestSupport.Annotate(banner + "\nThe coalition met in Rome on Monday.", "segmenter");

        Assert.Equal("cookie", doc.Paragraphs[0].BoilerplateKind);
        Assert.False(doc.Paragraphs[1].IsBoilerplate);
    }

    [Theory]
    [InlineData("Envoys of the coalition against the group gathered in Tunis on 6 September\n2019 to review the situation in the region.")]
    [InlineData("Envoys of the coalition against the group gathered in Tunis on Friday,\n6 September 2019, to review the situation.")]
    [InlineData("Envoys of the coalition against the group gathered in Tunis, the capital, on\n6 September 2019 to review the situation.")]
    public void Process_LineBrokenBeforeANumberInsideASentence_IsOneSentence(string text)
    {
        var doc = TestSupport.Annotate(text, "segmenter");

        Assert.Single(doc.Paragraphs);
        Assert.Single(doc.Sentences);
    }

    [Theory]
    [InlineData("The ministers agreed on three priorities for the year ahead, in order,\n2. Stabilisation of liberated areas")]
    [InlineData("Coalition ministers meet in Tunis\n2019 ended with new pledges from the partners.")]
    [InlineData("Envoys of the coalition met in Tunis to review the situation.\n6 September 2019")]
    [InlineData("Short line,\n6 September 2019")]
    public void Process_LineBeforeANumberThatEndsNoSentencePart_StaysItsOwnParagraph(string text)
    {
        Assert.Equal(2, TestSupport.Annotate(text, "segmenter").Paragraphs.Count);
    }

    [Fact]
    public void Process_Byline_IsFlagged()
    {
        var text = "By John Smith\nThe coalition met in Rome on Monday.";

        var doc = TestSupport.Annotate(text, "segmenter");

        Assert.True(doc.Paragraphs[0].IsBoilerplate);
        Assert.False(doc.Paragraphs[1].IsBoilerplate);
    }
}

public class PublishedDateComponentTests
{
    [Fact]
    public void Process_Metadata_WinsOverTheText()
    {
        var doc = TestSupport.Annotate("Washington, 9 February 2026 — The coalition met.", "published", published: "2026-02-10T08:00:00Z");

        Assert.Equal("2026-02-10", doc.Published);
    }

    [Theory]
    [InlineData("Washington, 9 February 2026 — Ministers met.", "2026-02-09")]
    [InlineData("ABU DHABI, 24th November, 2022 (WAM) -- The UAE hosted a meeting.", "2022-11-24")]
    [InlineData("LONDON, March 3, 2019 - The minister said.", "2019-03-03")]
    [InlineData(" date 2021-07-01 The coalition said on Monday.", "2021-07-01")]
    [InlineData("Posted on 14 March 2023\nThe coalition met.", "2023-03-14")]
    public void Process_LeadingDatelineOrDatePrefix_GivesThePublicationDate(string text, string expected)
    {
        var doc = TestSupport.Annotate(text, "published");

        Assert.Equal(expected, doc.Published);
    }

    [Fact]
    public void Process_DatelineInTheMiddleOfAPage_DatesItsItemNotThePage()
    {
        var text = "Coalition news from around the world and many partners.\n\nUAE hosts meeting\n\nDUBAI, 5th May, 2021 (WAM) -- The UAE hosted the meeting.";

        var doc = TestSupport.Annotate(text, "published");

        Assert.Null(doc.Published);
        var dateline = Assert.Single(doc.Datelines);
        Assert.Equal("2021-05-05", dateline.Date);
        Assert.Equal("AE", dateline.Country);
    }

    [Fact]
    public void Process_NoDateAtTheHead_LeavesPublishedNull()
    {
        var doc = TestSupport.Annotate("The coalition met in 2019 in Paris.", "published");

        Assert.Null(doc.Published);
    }
}

public class DateComponentTests
{
    private static List<DateMention> Dates(string text, string? published) => TestSupport.Annotate(text, "dates", published).Dates;

    [Theory]
    [InlineData("They met on Wednesday.", "2022-05-14", "2022-05-11")]
    [InlineData("They met on Saturday.", "2022-05-14", "2022-05-14")]
    [InlineData("In March, it carried out attacks.", "2022-05-14", "2022-03")]
    [InlineData("In October, it carried out attacks.", "2022-05-14", "2021-10")]
    [InlineData("They met last May.", "2022-05-14", "2021-05")]
    [InlineData("The meeting took place this week.", "2022-05-14", "2022-05")]
    [InlineData("It happened yesterday.", "2022-05-14", "2022-05-13")]
    [InlineData("The group was formed in September 2014.", null, "2014-09")]
    [InlineData("It met on February 9, 2026 in Rome.", null, "2026-02-09")]
    [InlineData("It met on 9th of February 2026.", null, "2026-02-09")]
    [InlineData("On 2nd December, they met.", null, "--12-02")]
    [InlineData("On 2nd December, they met.", "2022-12-20", "2022-12-02")]
    [InlineData("It was founded in 2014.", null, "2014")]
    [InlineData("It will reconvene later this year.", "2023-04-02", "2023")]
    public void Process_DateExpression_IsResolvedAgainstThePublicationDate(string text, string? published, string expected)
    {
        var dates = Dates(text, published);

        Assert.Contains(dates, d => d.Value == expected);
    }

    [Fact]
    public void Process_NextWeek_IsFutureAndResolved()
    {
        var dates = Dates("Ministers will meet next week in Rome.", "2023-01-30");

        var d = Assert.Single(dates);
        Assert.True(d.Future);
        Assert.Equal("2023-02", d.Value);
    }

    [Fact]
    public void Process_WeekdayWithoutPublicationDate_HasNoValue()
    {
        var dates = Dates("They met on Tuesday.", null);

        Assert.Null(Assert.Single(dates).Value);
    }

    [Fact]
    public void Process_ModalMay_IsNotAMonth()
    {
        var dates = Dates("The group may attack again, officials said.", "2022-05-14");

        Assert.Empty(dates);
    }

    [Fact]
    public void Process_DatelineParagraph_ResolvesAgainstItsOwnDate()
    {
        var text = "Coalition news page with several items about partners.\n\nROME, 3 June 2021 — Ministers met on Monday.";

        var dates = Dates(text, null);

        Assert.Contains(dates, d => d.Value == "2021-05-31");
    }
}
