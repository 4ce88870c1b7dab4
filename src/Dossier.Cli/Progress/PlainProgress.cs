using System.Globalization;

namespace Dossier.Cli.Progress;

/// <summary>
/// Progress when stderr is not a terminal (a file, a pipe, a CI log): a plain line <c>label: done/total unit</c> on
/// stderr when the count has moved and at least <c>interval</c> has passed since the last line (or the start), so a
/// short job prints none and a long one a line every few seconds; no control characters.
/// </summary>
public sealed class PlainProgress(string label, string unit, TextWriter stderr, TimeSpan interval, TimeProvider? time = null) : ProgressDisplay
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private long _lastPrinted = -1;
    private long _lastPrintedAt = (time ?? TimeProvider.System).GetTimestamp();

    public override void Report(long done, long? total)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (done == _lastPrinted || _time.GetElapsedTime(_lastPrintedAt, now) < interval)
            {
                return;
            }

            _lastPrinted = done;
            _lastPrintedAt = now;
            stderr.WriteLine(total is { } t
                ? string.Create(CultureInfo.InvariantCulture, $"{label}: {done}/{t} {unit}")
                : string.Create(CultureInfo.InvariantCulture, $"{label}: {done} {unit}"));
        }
    }

    public override void WriteLine(TextWriter writer, string line)
    {
        lock (_lock)
        {
            writer.WriteLine(line);
        }
    }

    public override void Write(TextWriter writer, string text)
    {
        lock (_lock)
        {
            writer.Write(text);
        }
    }
}
