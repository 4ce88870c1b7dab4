using System.Globalization;

namespace Dossier.Dashboard.Services;

/// <summary>Dates as precise as the sources allow: YYYY, YYYY-MM, YYYY-MM-DD (a day without a year cannot be placed).</summary>
public static class PartialDate
{
    /// <summary>The first day the date can mean, or null when it has no year or is not a date.</summary>
    public static DateOnly? Start(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The year of a date, or null when it has none.</summary>
    public static int? Year(string? value) => Start(value)?.Year;
}

/// <summary>Maps a numeric domain linearly onto a pixel range (which may run backwards, as a y axis does).</summary>
public readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double Map(double value) =>
        DomainMax == DomainMin
            ? (RangeMin + RangeMax) / 2
            : RangeMin + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeMax - RangeMin));
}

/// <summary>Round numbers for axis ticks.</summary>
public static class Ticks
{
    /// <summary>About <paramref name="count"/> round ticks covering [min, max]; the first ≤ min, the last ≥ max.</summary>
    public static IReadOnlyList<double> Nice(double min, double max, int count = 5, bool integers = false)
    {
        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max == min)
        {
            min -= 1;
            max += 1;
        }

        var step = NiceStep((max - min) / Math.Max(1, count));
        if (integers)
        {
            step = Math.Max(1, Math.Round(step));
        }

        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (var t = first; t <= last + (step / 2); t += step)
        {
            ticks.Add(Math.Round(t, 10));
        }

        return ticks;
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var f = rough / magnitude;
        var nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}

/// <summary>A value at a date, to plot.</summary>
public sealed record SeriesPoint(DateOnly Date, double Value, string Label, string? Href = null, bool Flagged = false);

/// <summary>A plotted point: its pixel position and what it stands for.</summary>
public sealed record PlottedPoint(double X, double Y, SeriesPoint Point);

public sealed record AxisTick(double Position, string Label);

/// <summary>Everything an SVG time chart needs, already in pixels (invariant-culture numbers for attributes).</summary>
public sealed record TimeChart(
    double Width, double Height, double Left, double Right, double Top, double Bottom,
    IReadOnlyList<PlottedPoint> Points, IReadOnlyList<AxisTick> XTicks, IReadOnlyList<AxisTick> YTicks)
{
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An SVG polyline "points" attribute through the points in date order.</summary>
    public string Polyline => string.Join(' ', Points.OrderBy(p => p.Point.Date).Select(p => $"{F(p.X)},{F(p.Y)}"));

    /// <summary>Lays points out in a width × height box with room for axes; x by date (yearly ticks), y by value (round ticks).</summary>
    public static TimeChart Layout(
        IReadOnlyList<SeriesPoint> points, double width = 760, double height = 320, double left = 56, double right = 36, double top = 16, double bottom = 36)
    {
        if (points.Count == 0)
        {
            return new TimeChart(width, height, left, width - right, top, height - bottom, [], [], []);
        }

        var minDate = points.Min(p => p.Date);
        var maxDate = points.Max(p => p.Date);
        var firstYear = new DateOnly(minDate.Year, 1, 1);
        var lastYear = new DateOnly(maxDate.Year + 1, 1, 1);
        var x = new LinearScale(firstYear.DayNumber, lastYear.DayNumber, left, width - right);

        var yTicks = Ticks.Nice(points.Min(p => p.Value), points.Max(p => p.Value), integers: points.All(p => p.Value == Math.Floor(p.Value)));
        var y = new LinearScale(yTicks[0], yTicks[^1], height - bottom, top);

        var plotted = points.Select(p => new PlottedPoint(x.Map(p.Date.DayNumber), y.Map(p.Value), p)).ToList();

        var years = lastYear.Year - firstYear.Year;
        var every = years <= 12 ? 1 : years <= 30 ? 2 : 5;
        var xTicks = Enumerable.Range(0, years + 1)
            .Where(i => i % every == 0)
            .Select(i => new DateOnly(firstYear.Year + i, 1, 1))
            .Select(d => new AxisTick(x.Map(d.DayNumber), d.Year.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var yAxis = yTicks.Select(t => new AxisTick(y.Map(t), t.ToString("0.##", CultureInfo.InvariantCulture))).ToList();
        return new TimeChart(width, height, left, width - right, top, height - bottom, plotted, xTicks, yAxis);
    }
}

/// <summary>Something dated that belongs to a lane (an event and its format).</summary>
public sealed record LaneItem(DateOnly Date, string Lane, string Label, string Href);

public sealed record PlottedLaneItem(double X, double Y, LaneItem Item);

public sealed record Lane(string Name, double Y);

/// <summary>A dated strip chart: one horizontal lane per category, items placed by date.</summary>
public sealed record LaneChart(
    double Width, double Height, double Left, double Right, IReadOnlyList<Lane> Lanes, IReadOnlyList<PlottedLaneItem> Items, IReadOnlyList<AxisTick> XTicks)
{
    public static LaneChart Layout(
        IReadOnlyList<LaneItem> items, IReadOnlyList<string> laneOrder, double width = 760, double laneHeight = 34, double left = 150, double right = 36)
    {
        var lanes = laneOrder.Where(l => items.Any(i => i.Lane == l))
            .Concat(items.Select(i => i.Lane).Where(l => !laneOrder.Contains(l)).Distinct().Order(StringComparer.Ordinal))
            .Select((name, i) => new Lane(name, 16 + (laneHeight * i) + (laneHeight / 2)))
            .ToList();
        var height = 16 + (laneHeight * lanes.Count) + 30;
        if (items.Count == 0)
        {
            return new LaneChart(width, height, left, width - right, lanes, [], []);
        }

        var first = new DateOnly(items.Min(i => i.Date).Year, 1, 1);
        var last = new DateOnly(items.Max(i => i.Date).Year + 1, 1, 1);
        var x = new LinearScale(first.DayNumber, last.DayNumber, left, width - right);
        var y = lanes.ToDictionary(l => l.Name, l => l.Y, StringComparer.Ordinal);
        var plotted = items.Select(i => new PlottedLaneItem(x.Map(i.Date.DayNumber), y[i.Lane], i)).ToList();
        var ticks = Enumerable.Range(0, last.Year - first.Year + 1)
            .Select(k => new DateOnly(first.Year + k, 1, 1))
            .Select(d => new AxisTick(x.Map(d.DayNumber), d.Year.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return new LaneChart(width, height, left, width - right, lanes, plotted, ticks);
    }
}
