using Dossier.Pipeline.Matching;

namespace Dossier.Pipeline.Tests;

public class DocumentLayersTests
{
    [Fact]
    public void EndAt_MentionRemovedAfterALookUp_IsNoLongerFound()
    {
        // Finland(0) and(1) New(2) Zealand(3) met(4) in(5) Oslo(6) .(7)
        var document = TestSupport.Annotate("Finland and New Zealand met in Oslo.", "gazetteer");
        var layers = document.Layers;
        Assert.Equal(1, layers.EndAt("country", 0));
        Assert.Equal(4, layers.EndAt("country", 2));

        // The layer's source changed: its table is refilled (in place), so the removed mention must be gone from it.
        document.Entities.RemoveAll(e => e.TokenStart == 0);

        Assert.Equal(-1, layers.EndAt("country", 0));
        Assert.Equal(4, layers.EndAt("country", 2));
    }

    [Fact]
    public void EndAt_MentionAddedAfterALookUp_IsFound()
    {
        var document = TestSupport.Annotate("Finland and New Zealand met in Oslo.", "gazetteer");
        var layers = document.Layers;
        var finland = document.Entities.Single(e => e.TokenStart == 0);
        document.Entities.Remove(finland);
        Assert.Equal(-1, layers.EndAt("country", 0));

        document.Entities.Add(finland);

        Assert.Equal(1, layers.EndAt("country", 0));
        Assert.Equal(4, layers.EndAt("country", 2));
    }

    [Fact]
    public void EndAt_LayerWithoutMentions_AnswersNoneAtEveryToken()
    {
        var document = TestSupport.Annotate("Finland and New Zealand met in Oslo.", "gazetteer");

        Assert.All(Enumerable.Range(0, document.Tokens.Count), k => Assert.Equal(-1, document.Layers.EndAt("region", k)));
        Assert.Equal(-1, document.Layers.EndAt("region", document.Tokens.Count + 3));
    }

    [Fact]
    public void EndAt_ComponentLayerSetEmptyThenFilled_FindsTheNewRange()
    {
        var document = TestSupport.Annotate("said the envoy for peace today", "segmenter");
        document.Layers.Set("title", []);
        Assert.Equal(-1, document.Layers.EndAt("title", 1));

        document.Layers.Set("title", [new TokenRange(1, 5)]);

        Assert.Equal(5, document.Layers.EndAt("title", 1));
        Assert.Equal(-1, document.Layers.EndAt("title", 2));
    }
}
