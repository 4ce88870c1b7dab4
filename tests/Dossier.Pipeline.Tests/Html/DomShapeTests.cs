using AngleSharp.Html.Parser;
using Dossier.Pipeline.Html;

namespace Dossier.Pipeline.Tests.Html;

public class DomShapeTests
{
    [Fact]
    public void Measure_SmallPage_CountsElementsDepthWidthAndLinks()
    {
        using var dom = new HtmlParser().ParseDocument("<ul><li><a href=x>a</a></li><li>b</li><li>c</li></ul>");

        var shape = DomShape.Measure(dom);

        // html, head, body, ul, 3 li, a; the document is the root (depth 1): html 2, body 3, ul 4, li 5, a 6.
        Assert.Equal(new DomShape(Elements: 9, Depth: 6, WidestNode: 3, Links: 1), shape);
    }

    [Theory]
    [InlineData(20_001, 1, 1, 1, false)]
    [InlineData(1, 101, 1, 1, false)]
    [InlineData(1, 1, 4_001, 1, false)]
    [InlineData(1, 1, 1, 5_001, false)]
    [InlineData(20_000, 100, 4_000, 5_000, true)]
    public void Within_ReadersLimit_OnlyWhenEveryMeasureIs(int elements, int depth, int widest, int links, bool within)
    {
        Assert.Equal(within, new DomShape(elements, depth, widest, links).Within(MainContent.Limit));
    }
}
