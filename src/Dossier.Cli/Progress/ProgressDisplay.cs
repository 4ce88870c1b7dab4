namespace Dossier.Cli.Progress;

/// <summary>
/// The progress of one long job (<c>ingest</c>, <c>extract</c>, <c>reextract</c>, <c>export</c>), shown on stderr: a
/// live bar on a terminal (<see cref="LiveProgress"/>), plain lines when stderr is redirected (<see cref="PlainProgress"/>).
/// The command's own lines go through <see cref="WriteLine"/> so they never tear the live bar. Thread-safe.
/// </summary>
public abstract class ProgressDisplay : IDisposable
{
    /// <summary><paramref name="done"/> items of <paramref name="total"/> (null: not known) are finished.</summary>
    public abstract void Report(long done, long? total);

    /// <summary>Writes one line of the command's output (stdout or stderr) without breaking the display.</summary>
    public abstract void WriteLine(TextWriter writer, string line);

    /// <summary>Writes text of the command's output as it is (e.g. a JSON Lines chunk) without breaking the display.</summary>
    public abstract void Write(TextWriter writer, string text);

    /// <summary>Removes a live display, so that what follows starts on a clean line.</summary>
    public virtual void Dispose() => GC.SuppressFinalize(this);
}
