using Dossier.Dashboard.Services;

namespace Dossier.Dashboard.Tests;

public sealed class ChartTests
{
    [Theory]
    [InlineData("2022-05-14", 2022, 5, 14)]
    [InlineData("2022-05", 2022, 5, 1)]
    [InlineData("2022", 2022, 1, 1)]
    public void PartialDate_Start_IsTheFirstDayItCanMean(string value, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), PartialDate.Start(value));

    [Theory]
    [InlineData("--12-02")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("last spring")]
    public void PartialDate_Start_WithoutAYear_IsNull(string? value) => Assert.Null(PartialDate.Start(value));

    [Fact]
    public void LinearScale_MapsEndsAndRunsBackwardsForY()
    {
        var y = new LinearScale(80, 90, 300, 10);

        Assert.Equal(300, y.Map(80));
        Assert.Equal(10, y.Map(90));
        Assert.Equal(155, y.Map(85));
    }

    [Fact]
    public void Ticks_Nice_CoverTheRangeWithRoundSteps()
    {
        var ticks = Ticks.Nice(83, 87);

        Assert.True(ticks[0] <= 83);
        Assert.True(ticks[^1] >= 87);
        Assert.All(ticks.Zip(ticks.Skip(1)), p => Assert.Equal(1, p.Second - p.First, 6));
    }

    [Fact]
    public void TimeChart_Layout_PlacesPointsInsideThePlotByDateAndValue()
    {
        SeriesPoint[] points =
        [
            new(new DateOnly(2022, 1, 1), 83, "a"),
            new(new DateOnly(2022, 5, 14), 84, "b"),
            new(new DateOnly(2022, 11, 24), 85, "c", "/articles/x#at-1-2", Flagged: true),
        ];

        var chart = TimeChart.Layout(points, width: 760, height: 320, left: 56, right: 20, top: 16, bottom: 36);

        Assert.Equal(3, chart.Points.Count);
        Assert.All(chart.Points, p => Assert.InRange(p.X, chart.Left, chart.Right));
        Assert.All(chart.Points, p => Assert.InRange(p.Y, chart.Top, chart.Bottom));
        Assert.Equal(chart.Left, chart.Points[0].X, 6); // 1 January of the first year is the left edge
        Assert.True(chart.Points[1].X < chart.Points[2].X);
        Assert.True(chart.Points[1].Y > chart.Points[2].Y); // more members, higher up
        Assert.Equal(["2022", "2023"], chart.XTicks.Select(t => t.Label));
        Assert.StartsWith("56,284 ", chart.Polyline, StringComparison.Ordinal); // lowest value on the x axis (320 - 36)
    }

    [Fact]
    public void TimeChart_Layout_OnePoint_DoesNotDivideByZero()
    {
        var chart = TimeChart.Layout([new SeriesPoint(new DateOnly(2024, 6, 1), 87, "x")]);

        var p = Assert.Single(chart.Points);
        Assert.False(double.IsNaN(p.X) || double.IsNaN(p.Y));
        Assert.InRange(p.Y, chart.Top, chart.Bottom);
    }

    [Fact]
    public void LaneChart_Layout_OneLanePerFormatInGivenOrder()
    {
        LaneItem[] items =
        [
            new(new DateOnly(2022, 5, 11), "ministerial", "Marrakesh", "/events/ev-4"),
            new(new DateOnly(2022, 11, 24), "stabilisation group", "Abu Dhabi", "/events/ev-6"),
            new(new DateOnly(2023, 6, 8), "ministerial", "Riyadh", "/events/ev-9"),
        ];

        var chart = LaneChart.Layout(items, ["ministerial", "small group", "stabilisation group"]);

        Assert.Equal(["ministerial", "stabilisation group"], chart.Lanes.Select(l => l.Name));
        Assert.Equal(chart.Items[0].Y, chart.Items[2].Y);
        Assert.True(chart.Items[0].X < chart.Items[1].X && chart.Items[1].X < chart.Items[2].X);
        Assert.Equal(["2022", "2023", "2024"], chart.XTicks.Select(t => t.Label));
    }
}
