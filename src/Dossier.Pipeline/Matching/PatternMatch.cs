namespace Dossier.Pipeline.Matching;

/// <summary>A half-open token range <c>[Start, End)</c> a capture covered (empty for a mark).</summary>
public readonly record struct TokenRange(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;
}

/// <summary>One match of a pattern: the token range it covers and its captures.</summary>
public sealed class PatternMatch(TokenPattern pattern, int start, int end, TokenRange?[] captures)
{
    public TokenPattern Pattern { get; } = pattern;

    public int Start { get; } = start;

    public int End { get; } = end;

    public string Label => Pattern.Label;

    public string Id => Pattern.Id;

    /// <summary>The range a named capture covered, or null when the pattern has no such capture or skipped it.</summary>
    public TokenRange? this[string capture]
    {
        get
        {
            for (var i = 0; i < Pattern.CaptureNames.Count; i++)
            {
                if (Pattern.CaptureNames[i] == capture)
                {
                    return captures[i];
                }
            }

            return null;
        }
    }

    public bool Overlaps(PatternMatch other) => Start < other.End && other.Start < End;

    public override string ToString() => $"{Id}[{Start},{End})";
}
