using AngleSharp.Html.Parser;
using Dossier.Pipeline.Html;

namespace Dossier.Pipeline.Tests.Html;

public class BlockTextTests
{
    private static string Text(string html)
    {
        using var dom = new HtmlParser().ParseDocument(html);
        return new BlockText().Node(dom.Body!).ToString();
    }

    [Fact]
    public void Node_BlocksAndInlines_OneBlockPerLineBetweenEmptyLinesWhitespaceCollapsed()
    {
        var text = Text("<h2>Aid  convoy</h2><p>Trucks   reached <b>Mosul</b>\n on Monday.</p><ul><li>Food</li><li>Water</li></ul>");

        Assert.Equal("Aid convoy\n\nTrucks reached Mosul on Monday.\n\nFood\n\nWater", text);
    }

    [Fact]
    public void Node_ScriptsStylesFormsAndNavigation_AreNotText()
    {
        var text = Text("<nav>Home</nav><script>var a='x';</script><style>p{}</style><form><input value=q><button>Go</button></form><p>Kept.</p>");

        Assert.Equal("Kept.", text);
    }

    [Fact]
    public void Node_EmptyBlocks_AtMostOneEmptyLine()
    {
        var text = Text("<p>One.</p><div><div></div></div><p></p><br><br><br><p>Two.</p>");

        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.StartsWith("One.", text, StringComparison.Ordinal);
        Assert.EndsWith("Two.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_ReplacementCharacterFromAnEntity_IsDropped()
    {
        Assert.Equal("Rabat, Morocco.", Text("<p>Rabat,&#0; Morocco.</p>"));
    }

    [Fact]
    public void Node_LineBreakInsideAParagraph_StartsANewLine()
    {
        Assert.Equal("Baghdad\nIraq", Text("<p>Baghdad<br>Iraq</p>"));
    }

    [Fact]
    public void Node_DeepNesting_DoesNotExhaustTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 20_000)) + "deep" + string.Concat(Enumerable.Repeat("</span>", 20_000));

        Assert.Equal("deep", Text(html));
    }

    [Fact]
    public void Line_PlainText_IsOneLineBeforeTheNodes()
    {
        using var dom = new HtmlParser().ParseDocument("<p>Body.</p>");

        var text = new BlockText().Line("  Head \n line ").Node(dom.Body!).ToString();

        Assert.Equal("Head line\n\nBody.", text);
    }
}
