using System.Collections.Frozen;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Matching;

/// <summary>How often a token spec may repeat (spaCy's <c>OP</c>).</summary>
public enum Repeat
{
    One,
    Optional,
    ZeroOrMore,
    OneOrMore,
}

/// <summary>A token shape a spec may require.</summary>
public enum Shape
{
    Any,

    /// <summary>A word whose first letter is upper case (Secretary, Al-Saud, US).</summary>
    Title,

    /// <summary>A word with letters and none of them lower case (ISIS, UAE).</summary>
    Upper,

    /// <summary>A word whose first letter is lower case.</summary>
    Lower,

    /// <summary>A number token (394, 1,500, 87th).</summary>
    Digit,

    /// <summary>A punctuation token.</summary>
    Punct,

    /// <summary>Any word token.</summary>
    Word,
}

/// <summary>
/// One element of a token pattern: the tests a token must pass (all of them), or an annotation layer whose
/// mention is consumed whole (a person, a country, a date), or a zero-width mark. Immutable once built.
/// </summary>
public sealed class TokenSpec
{
    /// <summary>Allowed normalized forms (<see cref="Token.Norm"/>); null: any.</summary>
    public FrozenSet<string>? Norms { get; init; }

    /// <summary>
    /// Allowed multi-token forms (each a sequence of normalized tokens: "co - chaired", "according to"); a spec with
    /// sequences consumes the longest one that matches. Null: none. Single-token forms are in <see cref="Norms"/>.
    /// </summary>
    public IReadOnlyList<string[]>? Sequences { get; init; }

    /// <summary>Forbidden normalized forms; null: none.</summary>
    public FrozenSet<string>? NotNorms { get; init; }

    /// <summary>The exact surface text (case-sensitive); null: any.</summary>
    public string? Text { get; init; }

    public Shape Shape { get; init; }

    public string? Prefix { get; init; }

    public string? Suffix { get; init; }

    /// <summary>An annotation layer ("person", "country", "date" …): the spec consumes a whole mention of it.</summary>
    public string? Layer { get; init; }

    public Repeat Repeat { get; init; } = Repeat.One;

    /// <summary>Most repetitions for <see cref="Repeat.ZeroOrMore"/> and <see cref="Repeat.OneOrMore"/>.</summary>
    public int Max { get; init; } = int.MaxValue;

    /// <summary>The capture this spec fills with the tokens it consumed (all repetitions), if any.</summary>
    public string? Capture { get; init; }

    /// <summary>A zero-width spec: records its position under <see cref="Capture"/> and consumes nothing.</summary>
    public bool IsMark { get; init; }

    private IdSet? _normIds;
    private IdSet? _notNormIds;
    private int[][]? _sequenceIds;

    /// <summary>The id of <see cref="Layer"/> (<see cref="LayerIds"/>), or -1.</summary>
    public int LayerId { get; private set; } = -1;

    /// <summary>Gives the spec's forms and layer their ids (called once, when its pattern set is built).</summary>
    internal void Compile()
    {
        TestsTokens = !(Norms is null && NotNorms is null && FormsOnly);
        _formsOnly = FormsOnly;
        _normIds = Norms is null ? null : new IdSet(Norms);
        _notNormIds = NotNorms is null ? null : new IdSet(NotNorms);
        _sequenceIds = Sequences?.Select(q => q.Select(Vocabulary.Intern).ToArray()).ToArray();
        LayerId = Layer is null ? -1 : LayerIds.Of(Layer);
    }

    internal IdSet? NormIds => _normIds;

    private bool _formsOnly;

    /// <summary>Does a layer spec also test its mention's first token? (set by <see cref="Compile"/>)</summary>
    internal bool TestsTokens { get; private set; }

    /// <summary>The token tests of <see cref="Accepts(MatchInput, int)"/>, with the input's ids at hand.</summary>
    internal bool Accepts(MatchInput input, int[] ids, int ti)
    {
        var id = ids[ti];
        if (_normIds is not null && _sequenceIds is null && !_normIds.Contains(id))
        {
            return false;
        }

        if (_notNormIds is not null && _notNormIds.Contains(id))
        {
            return false;
        }

        return _formsOnly || AcceptsShape(input.Tokens[ti], input.Text);
    }

    internal int[][]? SequenceIds => _sequenceIds;

    /// <summary>
    /// Does token <paramref name="ti"/> pass this spec's token tests (by vocabulary id)? For a spec with sequences the
    /// form test is made by the matcher; the other tests apply to the first token.
    /// </summary>
    public bool Accepts(MatchInput input, int ti) => Accepts(input, input.NormIds, ti);

    private bool AcceptsShape(in Token token, string text)
    {
        if (Text is not null && !token.Span(text).SequenceEqual(Text))
        {
            return false;
        }

        if (Prefix is not null && !token.Norm.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (Suffix is not null && !token.Norm.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        return Shape switch
        {
            Shape.Any => true,
            Shape.Title => token.IsCapitalized(text),
            Shape.Upper => token.IsWord && token.IsAllCaps(text),
            Shape.Lower => token.IsLower(text),
            Shape.Digit => token.IsNumber,
            Shape.Punct => token.Kind == TokenKind.Punct,
            Shape.Word => token.IsWord,
            _ => false,
        };
    }

    /// <summary>Index of <see cref="Capture"/> among the pattern's captures (set when the pattern is built).</summary>
    internal int CaptureIndex { get; set; } = -1;

    public int MinRepeat => Repeat is Repeat.One or Repeat.OneOrMore ? 1 : 0;

    public int MaxRepeat => Repeat switch
    {
        Repeat.One or Repeat.Optional => 1,
        _ => Max,
    };

    /// <summary>True when the spec tests only forms (no shape, text, prefix or suffix).</summary>
    public bool FormsOnly => Text is null && Shape == Shape.Any && Prefix is null && Suffix is null;

    /// <summary>
    /// Does the token pass this spec's token tests? For a spec with <see cref="Sequences"/>, the form test is made by
    /// the matcher (a sequence spans several tokens); the other tests apply to the first token.
    /// </summary>
    public bool Accepts(in Token token, string text)
    {
        if (Norms is not null && Sequences is null && !Norms.Contains(token.Norm))
        {
            return false;
        }

        if (NotNorms is not null && NotNorms.Contains(token.Norm))
        {
            return false;
        }

        if (Text is not null && !token.Span(text).SequenceEqual(Text))
        {
            return false;
        }

        if (Prefix is not null && !token.Norm.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (Suffix is not null && !token.Norm.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        return Shape switch
        {
            Shape.Any => true,
            Shape.Title => token.IsCapitalized(text),
            Shape.Upper => token.IsWord && token.IsAllCaps(text),
            Shape.Lower => token.IsLower(text),
            Shape.Digit => token.IsNumber,
            Shape.Punct => token.Kind == TokenKind.Punct,
            Shape.Word => token.IsWord,
            _ => false,
        };
    }
}
