using Dossier.Domain;

namespace Dossier.Pipeline.Tests;

public class FactsJsonTests
{
    [Fact]
    public void Serialize_WritesFormatMdShape_WithSnakeCaseNamesAndSpanPairs()
    {
        var facts = new DocumentFacts
        {
            Doc = "d1",
            Published = "2022-05-14",
            Relevant = true,
            Countries = [new CountryFact("MA", [new TextSpan(3, 10)])],
            Money = [new MoneyFact(394_000_000, Qualifiers.Exact, "stabilization", new TextSpan(0, 12))],
        };

        var json = FactsJson.Serialize(facts, indented: false);

        Assert.Contains("\"doc\":\"d1\"", json);
        Assert.Contains("\"countries\":[{\"code\":\"MA\",\"spans\":[[3,10]]}]", json);
        Assert.Contains("\"amount_usd\":394000000", json);
        Assert.Contains("\"span\":[0,12]", json);
        Assert.Contains("\"attack_stats\":[]", json);
        Assert.DoesNotContain("confidence", json);
    }

    [Fact]
    public void Deserialize_ReadsWhatSerializeWrote()
    {
        var facts = new DocumentFacts
        {
            Doc = "d2",
            People = [new PersonFact("Antony Blinken", ["Blinken"], "Secretary of State", "US", [new TextSpan(1, 15)])],
            Meetings = [new MeetingFact(MeetingFormats.Ministerial, "Washington", "US", null, ["US"], ["MV"], new TextSpan(4, 40))],
        };

        var back = FactsJson.Deserialize(FactsJson.Serialize(facts));

        Assert.Equal("Antony Blinken", back.People[0].Name);
        Assert.Equal(new TextSpan(1, 15), back.People[0].Spans[0]);
        Assert.Equal(["US"], back.Meetings[0].HostsOrChairs);
        Assert.Equal(MeetingStatuses.Held, back.Meetings[0].Status);
    }
}
