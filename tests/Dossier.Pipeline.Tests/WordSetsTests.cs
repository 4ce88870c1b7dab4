using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Tests;

/// <summary>Set membership by mask id: the table of distinct masks answers as the masks themselves do.</summary>
public class WordSetsTests
{
    private static readonly WordSets Sets = new(new Dictionary<string, IEnumerable<string>>
    {
        ["heads"] = ["minister", "envoy", "ambassador"],
        ["modifiers"] = ["deputy", "minister"],
        ["places"] = ["rome"],
    });

    [Theory]
    [InlineData("minister")]
    [InlineData("envoy")]
    [InlineData("deputy")]
    [InlineData("rome")]
    [InlineData("unknown")]
    public void MaskIdOf_Form_GivesTheFormsMask(string form)
    {
        Assert.Equal(Sets.MaskOf(form), Sets.Mask(Sets.MaskIdOf(form)));
    }

    [Fact]
    public void MaskIdOf_FormInNoSet_IsZero()
    {
        Assert.Equal(0, Sets.MaskIdOf("unknown"));
        Assert.NotEqual(0, Sets.MaskIdOf("rome"));
    }

    [Fact]
    public void MaskIdOf_FormsInTheSameSets_ShareAnId()
    {
        Assert.Equal(Sets.MaskIdOf("envoy"), Sets.MaskIdOf("ambassador"));
        Assert.NotEqual(Sets.MaskIdOf("envoy"), Sets.MaskIdOf("minister"));
        Assert.True(Sets.Mask(Sets.MaskIdOf("minister")).Has(Sets["modifiers"].Index));
        Assert.False(Sets.Mask(Sets.MaskIdOf("envoy")).Has(Sets["modifiers"].Index));
    }
}
