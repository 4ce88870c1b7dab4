using Dossier.Contracts.V1;

namespace Dossier.Cli.Tests;

public sealed class HighlightsTests
{
    private const string B = Highlights.BoldOn;
    private const string E = Highlights.BoldOff;

    [Fact]
    public void Render_Bold_WrapsEachRangeAndKeepsTheTextsOwnBrackets()
    {
        var line = Highlights.Render("the coalition [sic] met in Rome", [(4, 13), (27, 31)], 70, HighlightStyle.Bold);

        Assert.Equal($"the {B}coalition{E} [sic] met in {B}Rome{E}", line);
    }

    [Fact]
    public void Render_Plain_IsTheSnippetOnOneLine()
    {
        var line = Highlights.Render("Rome [sic]\r\nagreed", [(0, 4)], 70, HighlightStyle.Plain);

        Assert.Equal("Rome [sic]  agreed", line);
    }

    [Fact]
    public void Render_LongSnippet_IsCutWithAnEllipsisAndTheRangeClipped()
    {
        var line = Highlights.Render("alpha beta gamma", [(6, 10), (11, 16)], 9, HighlightStyle.Bold);

        Assert.Equal($"alpha {B}be{E}…", line);
    }

    [Fact]
    public void Render_BadRanges_AreIgnored()
    {
        var line = Highlights.Render("alpha beta", [(6, 10), (7, 9), (-1, 3), (8, 40), (2, 2)], 70, HighlightStyle.Bold);

        Assert.Equal($"alpha {B}beta{E}", line);
    }

    [Fact]
    public void Line_RedirectedWriter_RendersPlainText()
    {
        var hit = new SearchHit { Snippet = "met in Rome", Highlights = { new TextRange { Start = 7, End = 11 } } };
        using var writer = new StringWriter();

        Assert.Equal(HighlightStyle.Plain, Highlights.StyleFor(writer));
        Assert.Equal("met in Rome", Highlights.Line(hit, 70, writer));
    }
}
