namespace Microsoft.Extensions.Hosting;

/// <summary>
/// How a span carries the durations of stages run under it, one attribute each: <c>dossier.stage.&lt;stage&gt;.ms</c> =
/// milliseconds. The extraction service writes them (its pipeline's components, StageSpanFolding), the dashboard reads
/// them back (TraceStages): one definition for both ends.
/// </summary>
public static class StageAttributes
{
    public const string Prefix = "dossier.stage.";

    /// <summary>The unit, ending every stage attribute's name.</summary>
    public const string Suffix = ".ms";

    /// <summary>The attribute name of a stage.</summary>
    public static string For(string stage) => Prefix + stage + Suffix;

    /// <summary>The stage an attribute name is of, or null when it is no stage attribute (or names no stage).</summary>
    public static string? StageOf(string name) =>
        name.Length > Prefix.Length + Suffix.Length
        && name.StartsWith(Prefix, StringComparison.Ordinal)
        && name.EndsWith(Suffix, StringComparison.Ordinal)
            ? name[Prefix.Length..^Suffix.Length]
            : null;
}
