namespace Dossier.Pipeline.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    Word,
    Number,
    Punct,
    Symbol,
}

/// <summary>
/// One token: a half-open <c>[Start, End)</c> range of the text of record, with its normalized key
/// (lower case, diacritics and typographic apostrophes folded). The text itself is never copied.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, string Norm)
{
    public int Length => End - Start;

    public bool IsWord => Kind == TokenKind.Word;

    public bool IsNumber => Kind == TokenKind.Number;

    public bool Is(string norm) => string.Equals(Norm, norm, StringComparison.Ordinal);

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);

    public string Text(string text) => text.Substring(Start, End - Start);

    public bool IsCapitalized(string text) => Kind == TokenKind.Word && char.IsUpper(text[Start]);

    public bool IsLower(string text) => Kind == TokenKind.Word && char.IsLower(text[Start]);

    /// <summary>True when the token has letters and none of them is lower case (US, UAE, ISIS).</summary>
    public bool IsAllCaps(string text)
    {
        var letters = false;
        for (var i = Start; i < End; i++)
        {
            var c = text[i];
            if (char.IsLower(c))
            {
                return false;
            }

            letters |= char.IsLetter(c);
        }

        return letters;
    }
}
