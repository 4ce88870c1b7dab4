using Dossier.Evaluation.Html;

namespace Dossier.Pipeline.Tests.Html;

public class MetadataMatchTests
{
    [Theory]
    [InlineData("Harbour  reopens ", "harbour reopens", true)]
    [InlineData("Harbour reopens | Gazette", "Harbour reopens", false)]
    public void Title_WhitespaceAndCaseIgnored(string found, string expected, bool match)
    {
        Assert.Equal(match, MetadataMatch.Title(found, expected));
    }

    [Theory]
    [InlineData("By Aiko Tanaka", "Aiko Tanaka", true)]
    [InlineData("aiko  tanaka", "by Aiko Tanaka", true)]
    [InlineData(null, "Aiko Tanaka", false)]
    [InlineData("Aiko Tanaka, Staff", "Aiko Tanaka", false)]
    public void Byline_LeadingByIgnored(string? found, string expected, bool match)
    {
        Assert.Equal(match, MetadataMatch.Byline(found, expected));
    }

    [Theory]
    [InlineData("2019-04-28", "2019-04-28 06:01:07", true)]
    [InlineData("2015-07-24", "2015-07-24T05:36:09+01:00", true)]
    [InlineData("2015-07-23", "2015-07-24T05:36:09+01:00", false)]
    [InlineData(null, "2015-07-24", false)]
    public void Date_TheDayTheTimestampIsWrittenIn(string? found, string expected, bool match)
    {
        Assert.Equal(match, MetadataMatch.Date(found, expected));
    }
}
