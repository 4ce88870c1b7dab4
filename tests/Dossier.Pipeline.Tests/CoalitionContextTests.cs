using Dossier.Pipeline.Components;

namespace Dossier.Pipeline.Tests;

/// <summary>The coalition context is built once per document and shared by the membership components while the entities stay.</summary>
public class CoalitionContextTests
{
    private const string Text = "The Global Coalition against Daesh met in Rome on Monday. It now has 87 members.";

    [Fact]
    public void For_EntitiesUnchanged_ReturnsTheSharedContext()
    {
        var document = TestSupport.Annotate(Text, "meetings");

        var first = CoalitionContext.For(document);

        Assert.True(first.Any);
        Assert.Same(first, CoalitionContext.For(document));
    }

    [Fact]
    public void For_EntitiesChanged_BuildsAFreshContext()
    {
        var document = TestSupport.Annotate(Text, "meetings");
        var first = CoalitionContext.For(document);

        document.Entities.RemoveAt(document.Entities.Count - 1);
        var second = CoalitionContext.For(document);

        Assert.NotSame(first, second);
        Assert.Same(second, CoalitionContext.For(document));
    }
}
