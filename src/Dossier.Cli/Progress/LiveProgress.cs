using System.Globalization;

namespace Dossier.Cli.Progress;

/// <summary>
/// Progress on a terminal: one line on stderr redrawn in place (carriage return, erase to end of line) at most ten
/// times a second — <c>label [██████░░░░]  60% 120/200 articles · 35.1/s · 0:02 left</c>, or the count, rate and time
/// taken when the total is not known. A line of output is written after erasing the bar, which is then drawn again
/// below it; <see cref="Dispose"/> erases the bar.
/// </summary>
/// <param name="stdoutIsTerminal">Whether stdout shows on the same terminal (then its lines erase the bar first too).</param>
/// <param name="width">The terminal's width in columns (the line is cut to fit).</param>
public sealed class LiveProgress(string label, string unit, TextWriter stderr, TextWriter stdout, bool stdoutIsTerminal, Func<int> width, TimeProvider? time = null)
    : ProgressDisplay
{
    private const string Erase = "\r\u001b[K";
    private const int BarWidth = 24;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly long _started = (time ?? TimeProvider.System).GetTimestamp();
    private long _lastDrawn;
    private long _done;
    private long? _total;
    private bool _shown;

    public override void Report(long done, long? total)
    {
        lock (_lock)
        {
            _done = done;
            _total = total;
            var now = _time.GetTimestamp();
            if (_shown && done != total && _time.GetElapsedTime(_lastDrawn, now) < RedrawEvery)
            {
                return;
            }

            Draw(now);
        }
    }

    public override void WriteLine(TextWriter writer, string line) => Write(writer, line + Environment.NewLine);

    public override void Write(TextWriter writer, string text)
    {
        lock (_lock)
        {
            var onTerminal = ReferenceEquals(writer, stderr) || (stdoutIsTerminal && ReferenceEquals(writer, stdout));
            if (onTerminal && _shown)
            {
                stderr.Write(Erase);
                stderr.Flush();
            }

            writer.Write(text);
            writer.Flush();
            if (onTerminal && _shown)
            {
                Draw(_time.GetTimestamp());
            }
        }
    }

    public override void Dispose()
    {
        lock (_lock)
        {
            if (_shown)
            {
                stderr.Write(Erase);
                stderr.Flush();
                _shown = false;
            }
        }

        base.Dispose();
    }

    /// <summary>The bar's text for <paramref name="done"/> of <paramref name="total"/> after <paramref name="elapsed"/>.</summary>
    public static string Render(string label, string unit, long done, long? total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0.5 ? done / elapsed.TotalSeconds : 0;
        var speed = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $" · {rate:F1}/s") : "";
        if (total is not { } t || t <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{label} {done} {unit}{speed} · {Clock(elapsed)}");
        }

        var fraction = Math.Clamp((double)done / t, 0, 1);
        var filled = (int)Math.Round(fraction * BarWidth);
        var left = rate > 0 && done < t ? $" · {Clock(TimeSpan.FromSeconds((t - done) / rate))} left" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} [{new string('█', filled)}{new string('░', BarWidth - filled)}] {fraction * 100,3:F0}% {done}/{t} {unit}{speed}{left}");
    }

    private void Draw(long now)
    {
        var line = Render(label, unit, _done, _total, _time.GetElapsedTime(_started, now));
        var columns = width();
        if (columns > 1 && line.Length >= columns)
        {
            line = line[..(columns - 1)];
        }

        stderr.Write(Erase + line);
        stderr.Flush();
        _lastDrawn = now;
        _shown = true;
    }

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
