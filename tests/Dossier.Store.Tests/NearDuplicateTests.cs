using Dossier.Domain.NearDuplicates;

namespace Dossier.Store.Tests;

/// <summary>MinHash signatures, LSH banding and the near-duplicate rule on texts written for these tests.</summary>
public sealed class NearDuplicateTests
{
    private const string Story = """
        Foreign ministers of the northern alliance gathered in Tallinn on Thursday to agree a new plan for clearing
        mines from farmland along the river valley. The plan sets aside forty million euros over three years and asks
        each member to send engineers to the region before the spring planting season begins.
        "We cannot ask farmers to return to fields that still hide explosives," the Estonian host told reporters after
        the closed session, adding that the first teams would arrive within weeks.
        Officials said the programme would be reviewed at the next meeting of the group in Vilnius in the autumn, when
        ministers expect to hear how many hectares have been cleared and how many families have returned home.
        Several delegations also discussed support for local hospitals that treat victims of unexploded ordnance, and
        agreed to publish a joint report on casualties by the end of the year.
        """;

    /// <summary>The same story as another outlet runs it: new headline, byline, a paragraph dropped, two words changed, a footer.</summary>
    private const string Reprint = """
        Alliance backs mine clearance plan for river valley farms
        By Mara Lind, Staff Reporter
        Foreign ministers of the northern alliance met in Tallinn on Thursday to agree a new plan for clearing
        mines from farmland along the river valley. The plan sets aside forty million euros over three years and asks
        each member to send engineers to the region before the spring planting season starts.
        "We cannot ask farmers to return to fields that still hide explosives," the Estonian host told reporters after
        the closed session, adding that the first teams would arrive within weeks.
        Officials said the programme would be reviewed at the next meeting of the group in Vilnius in the autumn, when
        ministers expect to hear how many hectares have been cleared and how many families have returned home.
        Subscribe to our newsletter for the day's top stories. All rights reserved.
        """;

    /// <summary>Another article about the same meeting, written independently.</summary>
    private const string SameEvent = """
        Tallinn hosted a meeting of northern alliance foreign ministers on Thursday, where delegations endorsed a
        three-year demining effort worth forty million euros. Engineers from member states are due in the valley
        before spring, and farmers displaced by the fighting have been told they may be able to go back this year.
        The Estonian minister said explosives still lie under many fields. Critics noted that earlier pledges were
        paid late and that the region's hospitals remain short of staff. The group meets again in Vilnius.
        Observers expect the autumn session to focus on how quickly land can be returned to families.
        """;

    private static readonly NearDuplicateRule Rule = NearDuplicateRule.Default;

    [Fact]
    public void Sign_SameTextTwice_GivesTheSameSignatureAndKeys()
    {
        var first = Rule.Sign(Story);
        var second = Rule.Sign(Story);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.Values, second.Values);
        Assert.Equal(first.BandKeys, second.BandKeys);
    }

    [Fact]
    public void Sign_CaseDiacriticsAndPunctuation_AreFoldedAway()
    {
        var hasher = new MinHasher(64, 3);

        var (plain, _) = hasher.Sign("The minister visited Quebec and Sao Paulo last week, officials said.");
        var (styled, _) = hasher.Sign("THE MINISTER visited Québec — and São Paulo — last week; officials’ said…");

        Assert.Equal(1.0, MinHasher.Similarity(plain, styled), 3);
    }

    [Fact]
    public void Sign_FewerWordsThanAShingle_HasNoShingles()
    {
        var hasher = new MinHasher(16, 5);

        var (signature, shingles) = hasher.Sign("Only four words here.");

        Assert.Equal(0, shingles);
        Assert.All(signature, v => Assert.Equal(uint.MaxValue, v));
    }

    [Fact]
    public void Sign_ShortText_IsNotJudged()
    {
        Assert.Null(Rule.Sign("Ministers met in Tallinn on Thursday and agreed a plan."));
    }

    [Fact]
    public void Similarity_EstimatesTheJaccardOfTheShingleSets()
    {
        // Two texts of 200 distinct words sharing their first 150: of 196 shingles each, 146 are shared, J = 146 / 246.
        var words = Enumerable.Range(0, 250).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var x = string.Join(' ', words[..200]);
        var y = string.Join(' ', words[..150].Concat(words[200..250]));
        var hasher = new MinHasher(512, 5);

        var similarity = MinHasher.Similarity(hasher.Sign(x).Signature, hasher.Sign(y).Signature);

        Assert.InRange(similarity, 146.0 / 246 - 0.07, 146.0 / 246 + 0.07);
    }

    [Fact]
    public void Compare_ReprintWithEdits_IsADuplicate()
    {
        var story = Rule.Sign(Story)!;
        var reprint = Rule.Sign(Reprint)!;

        var (duplicate, similarity) = Rule.Compare(story.Values, reprint.Values);

        Assert.True(duplicate, $"similarity {similarity}");
        Assert.Contains(story.BandKeys, reprint.BandKeys.Contains);
    }

    [Fact]
    public void Compare_OtherArticleOnTheSameEvent_IsNotADuplicate()
    {
        var story = Rule.Sign(Story)!;
        var other = Rule.Sign(SameEvent)!;

        var (duplicate, similarity) = Rule.Compare(story.Values, other.Values);

        Assert.False(duplicate, $"similarity {similarity}");
        Assert.InRange(similarity, 0, 0.1);
    }

    [Fact]
    public void CandidateProbability_OfTheDefaultBanding_RisesSteeplyAroundTheThreshold()
    {
        var bands = Rule.Bands;

        Assert.True(bands.CandidateProbability(0.1) < 0.05);
        Assert.True(bands.CandidateProbability(0.5) > 0.98);
    }

    [Fact]
    public void ToBytes_RoundTrips()
    {
        uint[] signature = [0, 1, uint.MaxValue, 0xdeadbeef];

        Assert.Equal(signature, MinHasher.FromBytes(MinHasher.ToBytes(signature)));
    }
}
