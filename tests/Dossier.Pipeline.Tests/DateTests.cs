using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Tests;

/// <summary>The date grammar through the dates component: year-less dates, ranges, vague dates, weekdays, relative words, years.</summary>
public class DateTests
{
    private static List<DateMention> Dates(string text, string? published) => TestSupport.Annotate(text, "dates", published).Dates;

    private static DateMention Single(string text, string? published) => Assert.Single(Dates(text, published));

    [Fact]
    public void Process_YearlessDate_CarriesBothReadingsAndItsParts()
    {
        var d = Single("The envoy arrived in Erbil on March 3.", "2021-05-10");

        Assert.Equal("2021-03-03", d.Value);
        Assert.Equal((3, 3, true, false), (d.Month!.Value, d.Day!.Value, d.YearInferred, d.Absolute));
        Assert.Equal("2021-03-03", d.Resolve(future: false));
        Assert.Equal("2022-03-03", d.Resolve(future: true));
    }

    [Fact]
    public void Process_YearlessDateBeforeAMeetingName_HeldIsTheMostRecentAnnouncedTheNext()
    {
        var d = Single("Ministers recalled the October 30 Ministerial in Lisbon.", "2021-05-10");

        Assert.Equal("2020-10-30", d.Value);
        Assert.Equal("2020-10-30", d.PastValue);
        Assert.Equal("2021-10-30", d.FutureValue);
    }

    [Theory]
    [InlineData("Ministers will convene in Oslo on June 2.", "2021-06-10", "2022-06-02")]
    [InlineData("The forum, to be held on 2 March, will review the campaign.", "2023-05-20", "2024-03-02")]
    [InlineData("The talks were held on 2 March.", "2023-05-20", "2023-03-02")]
    [InlineData("Officials said the envoy travels to Doha on June 14.", "2023-06-03", "2023-06-14")]
    public void Process_YearlessDate_ContextChoosesTheDefaultReading(string text, string published, string expected)
    {
        Assert.Equal(expected, Single(text, published).Value);
    }

    [Theory]
    [InlineData("Troops are to leave the base by September.", "2025-08-17", "2025-09")]
    [InlineData("Troops had left the base by September.", "2025-08-17", "2024-09")]
    [InlineData("Troops left the base in September.", "2025-08-17", "2024-09")]
    [InlineData("Troops will leave the base in September.", "2025-08-17", "2025-09")]
    public void Process_MonthWithoutYear_DeadlineOrFutureIsTheNextPastTheLast(string text, string published, string expected)
    {
        Assert.Equal(expected, Single(text, published).Value);
    }

    [Fact]
    public void Process_MonthsFromTo_AreBothMonths()
    {
        var dates = Dates("Strikes went on from March to May.", "2019-06-01");

        Assert.Equal(new string?[] { "2019-03", "2019-05" }, dates.Select(d => d.Value));
    }

    [Theory]
    [InlineData("Veterans To March On The Capitol")]
    [InlineData("May I thank our hosts.")]
    public void Process_MonthNameAsAVerb_IsNoDate(string text)
    {
        Assert.Empty(Dates(text, "2019-06-01"));
    }

    [Fact]
    public void Process_YearlessDateWithoutReference_IsMonthAndDayOnly()
    {
        var d = Single("The partners met on 11 September.", null);

        Assert.Equal("--09-11", d.Value);
        Assert.Equal("--09-11", d.Resolve(future: true));
    }

    [Fact]
    public void Process_DatelineWithoutYear_TakesItsYearFromThePublicationDate()
    {
        var text = "Coalition talks\n\nAMMAN, May 24 (Petra) -- The minister said on Tuesday that the talks went well.";

        var dates = Dates(text, "2022-05-26");

        Assert.Contains(dates, d => d.Value == "2022-05-24" && d.Month == 5 && d.Day == 24 && d.YearInferred);
    }

    [Theory]
    [InlineData("Delegates met on 21–22 April in Abuja.", null, "--04-21")]
    [InlineData("The talks ran April 21-22, 2015 in Riyadh.", null, "2015-04-21")]
    [InlineData("They met on September 9 and 10, 2019.", null, "2019-09-09")]
    [InlineData("The group met from October 4 to October 6, 2017.", null, "2017-10-04")]
    [InlineData("The workshop took place between 7 and 9 November 2016.", null, "2016-11-07")]
    [InlineData("The summit ran from 30 June to 2 July 2023.", null, "2023-06-30")]
    [InlineData("The summit ran from December 30 to January 2, 2024.", null, "2023-12-30")]
    [InlineData("Experts gathered on 12 and 13 May.", "2022-06-01", "2022-05-12")]
    public void Process_RangeOfDays_IsOneMentionOfTheFirstDay(string text, string? published, string expected)
    {
        var d = Single(text, published);

        Assert.True(d.IsRange);
        Assert.Equal(expected, d.Value);
    }

    [Theory]
    [InlineData("The board met on 14-Feb-2023 in Delhi.", "2023-02-14")]
    [InlineData("The board met on 3-Sep-2019.", "2019-09-03")]
    public void Process_DayMonthYearJoinedByHyphens_IsOneDate(string text, string expected)
    {
        Assert.Equal(expected, Single(text, null).Value);
    }

    [Fact]
    public void Process_TwoDatesJoinedByAnd_AreNotARange()
    {
        var dates = Dates("The partners met on May 5 and June 8, 2019.", null);

        Assert.Equal(2, dates.Count);
        Assert.All(dates, d => Assert.False(d.IsRange));
    }

    [Theory]
    [InlineData("Fighting resumed in mid-April.", "2022-06-01", "2022-04", "mid-April")]
    [InlineData("The unit withdrew in late August.", "2022-06-01", "2021-08", "late August")]
    [InlineData("The group regrouped in early 2019.", null, "2019", "2019")]
    [InlineData("Troops will leave by the end of October 2024.", null, "2024-10", "the end of October 2024")]
    [InlineData("The office opened at the beginning of March.", "2022-06-01", "2022-03", "the beginning of March")]
    [InlineData("The mission ends by the end of 2025.", null, "2025", "2025")]
    public void Process_VagueDate_HasMonthOrYearPrecision(string text, string? published, string expected, string span)
    {
        var d = Single(text, published);

        Assert.Equal(expected, d.Value);
        Assert.Equal(span, text[d.Start..d.End]);
    }

    [Theory]
    [InlineData("The ministers met on Thursday.", "2023-03-10", "2023-03-09")]
    [InlineData("The ministers met last Tuesday.", "2023-03-07", "2023-02-28")]
    [InlineData("The envoy arrived this Monday.", "2023-03-08", "2023-03-06")]
    [InlineData("The ministers will meet on Thursday.", "2023-03-10", "2023-03-16")]
    [InlineData("The ministers meet next Friday.", "2023-03-10", "2023-03-17")]
    public void Process_Weekday_IsResolvedAgainstTheReference(string text, string published, string expected)
    {
        var d = Single(text, published);

        Assert.Equal(expected, d.Value);
        Assert.True(d.YearInferred);
    }

    [Fact]
    public void Process_Weekday_CarriesTheHeldAndAnnouncedDays()
    {
        var d = Single("The envoys gather on Monday.", "2023-03-08");

        Assert.Equal("2023-03-06", d.Resolve(future: false));
        Assert.Equal("2023-03-13", d.Resolve(future: true));
    }

    [Fact]
    public void Process_WeekdayBeforeADate_IsOneMention()
    {
        var d = Single("Morocco hosts, Thursday, June 9, 2022, a meeting.", null);

        Assert.Equal("2022-06-09", d.Value);
    }

    [Theory]
    [InlineData("They met today.", "2023-03-08", "2023-03-08")]
    [InlineData("They met yesterday.", "2023-03-01", "2023-02-28")]
    [InlineData("They meet tomorrow.", "2023-03-31", "2023-04-01")]
    [InlineData("They met this week.", "2023-03-08", "2023-03")]
    [InlineData("They will meet next week.", "2023-03-08", "2023-03")]
    [InlineData("They will meet next week.", "2023-03-24", "2023")]
    [InlineData("They met last week.", "2023-03-02", "2023-02")]
    [InlineData("They met last month.", "2023-01-15", "2022-12")]
    [InlineData("They met earlier this month.", "2023-01-15", "2023-01")]
    [InlineData("They met last year.", "2023-01-15", "2022")]
    public void Process_RelativeWord_IsResolvedAgainstTheReference(string text, string published, string expected)
    {
        Assert.Equal(expected, Single(text, published).Value);
    }

    [Fact]
    public void Process_NextWeekAcrossTwoYears_HasNoValue()
    {
        Assert.Null(Single("They will meet next week.", "2025-12-24").Value);
    }

    [Theory]
    [InlineData("The campaign has run since 2014.", "2014")]
    [InlineData("2016's offensive retook the city.", "2016")]
    [InlineData("The officials recalled 2016's offensive.", "2016")]
    [InlineData("Partners met the 2021 goal.", "2021")]
    [InlineData("Members reviewed its 2022 Ministerial.", "2022")]
    [InlineData("It was formed in the summer of 2014.", "2014")]
    [InlineData("Attacks rose by mid-2024.", "2024")]
    [InlineData("The force grew from 2015 to 2017.", "2015")]
    [InlineData("Attacks fell (2019) after the defeat.", "2019")]
    [InlineData("The figures are correct as of 2023.", "2023")]
    [InlineData("The cell formed around 2015, officials said.", "2015")]
    public void Process_YearInADateContext_IsAYear(string text, string expected)
    {
        var years = Dates(text, null).Where(d => d.YearOnly).Select(d => d.Value).ToList();

        Assert.Equal(expected, Assert.Single(years.Take(1)));
    }

    [Theory]
    [InlineData("The coalition deployed 2100 troops to the base.")]
    [InlineData("Some 1,950 fighters surrendered.")]
    [InlineData("A force of 2000 fighters held the town.")]
    [InlineData("The unit lost the 2000 vehicles it had.")]
    [InlineData("Officials counted 2014 attacks by the group.")]
    [InlineData("The town held around 2000 fighters.")]
    public void Process_NumberOutsideADateContext_IsNoYear(string text)
    {
        Assert.Empty(Dates(text, "2023-01-01"));
    }

    [Fact]
    public void Process_TwoYearsJoinedByAnd_AreBothYears()
    {
        var dates = Dates("Aid was given in 2015 and 2016.", null);

        Assert.Equal(new string?[] { "2015", "2016" }, dates.Select(d => d.Value));
    }

    [Theory]
    [InlineData("The report was signed on 05.03.2019 in Berlin.", "2019-03-05")]
    [InlineData("The report was signed on 17-08-2025 in Erbil.", "2025-08-17")]
    [InlineData("The report was signed on 2021-06-25 in Erbil.", "2021-06-25")]
    [InlineData("The report was signed on 11/28/2018 in Washington.", "2018-11-28")]
    public void Process_AllDigitDate_IsAnAbsoluteDate(string text, string expected)
    {
        var d = Single(text, null);

        Assert.Equal(expected, d.Value);
        Assert.True(d.Absolute);
    }
}
