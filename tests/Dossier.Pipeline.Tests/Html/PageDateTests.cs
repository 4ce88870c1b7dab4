using Dossier.Pipeline.Html;

namespace Dossier.Pipeline.Tests.Html;

public class PageDateTests
{
    [Theory]
    [InlineData("2019-01-03T07:00:02.000Z", "2019-01-03")]
    [InlineData("2015-07-24T05:36:09+01:00", "2015-07-24")]
    [InlineData("2017-11-24T18:42:20.314667", "2017-11-24")]
    [InlineData("2024-06-25", "2024-06-25")]
    [InlineData("2011/08/09 10:00", "2011-08-09")]
    [InlineData("Thu, 22 Dec 2016 10:43:37 -0800", "2016-12-22")]
    [InlineData("December 22, 2016", "2016-12-22")]
    [InlineData("1640995200", "2022-01-01")]
    [InlineData("1640995200000", "2022-01-01")]
    public void Parse_DateForms_GiveTheDay(string value, string expected)
    {
        Assert.Equal(expected, PageDate.Parse(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2021-02-30")]
    [InlineData("1850-01-01")]
    [InlineData("20210303")]
    public void Parse_NoDateOrAnImpossibleOne_IsNull(string value)
    {
        Assert.Null(PageDate.Parse(value));
    }

    [Theory]
    [InlineData("Published: July 10, 2015 9:53 am", "2015-07-10")]
    [InlineData("Posted on 3rd March 2021 at 10:42", "2021-03-03")]
    [InlineData("Updated 22 Dec. 2016", "2016-12-22")]
    [InlineData("Last modified on the 1st of Sept 2020", "2020-09-01")]
    [InlineData("Stand: 2022-11-05, 14:00", "2022-11-05")]
    [InlineData("By Lena Brandt | Nov 30, 2019", "2019-11-30")]
    public void FindInText_WrittenDates_UkAndUsOrder_GiveTheDay(string text, string expected)
    {
        Assert.Equal(expected, PageDate.FindInText(text));
    }

    [Theory]
    [InlineData("By the foreign desk")]
    [InlineData("31 February 2021")]
    [InlineData("May 2021")]
    [InlineData("Page 12 of 40")]
    public void FindInText_NoFullDate_IsNull(string text)
    {
        Assert.Null(PageDate.FindInText(text));
    }
}
