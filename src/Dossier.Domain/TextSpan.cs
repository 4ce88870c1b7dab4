namespace Dossier.Domain;

/// <summary>
/// A half-open <c>[Start, End)</c> range of UTF-16 code units in an article's original text.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public string Slice(string text) => text[Start..End];

    public bool IsValidFor(string text) => Start >= 0 && Start < End && End <= text.Length;

    public override string ToString() => $"[{Start}, {End})";
}
