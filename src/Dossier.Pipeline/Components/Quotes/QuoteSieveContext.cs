using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// What the sieves share for one document: the quotations, the attribution each has so far (null: open), the speaker
/// resolver and the look-ups they need (is a token inside a quotation, the neighbouring paragraphs, the patterns of
/// <c>patterns/quote_speakers</c>).
/// </summary>
public sealed class QuoteSieveContext
{
    public const string PatternFile = "quote_speakers";

    private readonly bool[] _inQuote;
    private readonly HashSet<string> _personNames;

    public QuoteSieveContext(AnnotatedDocument document)
    {
        Document = document;
        Quotes = document.QuoteSpans;
        Attributions = new QuoteAttribution?[Quotes.Count];
        _inQuote = new bool[document.Tokens.Count];
        foreach (var q in Quotes)
        {
            for (var t = q.TokenStart; t < q.TokenEnd && t < _inQuote.Length; t++)
            {
                _inQuote[t] = true;
            }
        }

        _personNames = document.People.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Resolver = new SpeakerResolver(this);
    }

    public AnnotatedDocument Document { get; }

    public IReadOnlyList<QuoteSpan> Quotes { get; }

    /// <summary>The attribution of each quotation so far, by index (null: no sieve has given one).</summary>
    public QuoteAttribution?[] Attributions { get; }

    public SpeakerResolver Resolver { get; }

    public PatternSet Patterns => Document.Knowledge.Patterns(PatternFile);

    /// <summary>Is the token a mark or a word of a quotation?</summary>
    public bool InQuote(int token) => token >= 0 && token < _inQuote.Length && _inQuote[token];

    /// <summary>Is the name one of the document's people (not an organization)?</summary>
    public bool IsPerson(string? name) => name is not null && _personNames.Contains(name);

    public Segment SentenceOf(int token) => Document.Sentences[Document.TokenSentence[token]];

    /// <summary>
    /// The sentence a quotation opens in: that of its first word (the segmenter may leave an opening mark after a full
    /// stop with the sentence before, as it does closing marks).
    /// </summary>
    public Segment OpeningSentence(QuoteSpan q) => SentenceOf(Math.Min(q.TokenStart + 1, q.TokenEnd - 1));

    /// <summary>Does the quotation open its sentence?</summary>
    public bool OpensSentence(QuoteSpan q)
    {
        var start = OpeningSentence(q).TokenStart;
        return start == q.TokenStart || start == q.TokenStart + 1;
    }

    /// <summary>The nearest paragraph before <paramref name="paragraph"/> that has tokens, or null.</summary>
    public Segment? PreviousParagraph(int paragraph)
    {
        for (var p = paragraph - 1; p >= 0; p--)
        {
            if (Document.Paragraphs[p].TokenEnd > Document.Paragraphs[p].TokenStart)
            {
                return Document.Paragraphs[p];
            }
        }

        return null;
    }

    /// <summary>The nearest paragraph after <paramref name="paragraph"/> that has tokens, or null.</summary>
    public Segment? NextParagraph(int paragraph)
    {
        for (var p = paragraph + 1; p < Document.Paragraphs.Count; p++)
        {
            if (Document.Paragraphs[p].TokenEnd > Document.Paragraphs[p].TokenStart)
            {
                return Document.Paragraphs[p];
            }
        }

        return null;
    }

    /// <summary>Are the tokens <c>[from, to)</c> punctuation only (or none)?</summary>
    public bool OnlyPunctuation(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (Document.Tokens[i].Kind != TokenKind.Punct)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Does the match start inside a longer noun phrase ("a spokesman for [Mr Marsh said: …]", "an aide to [the minister
    /// said]")? Then its speaker phrase is a complement, not the subject.
    /// </summary>
    public bool StartsInsideAPhrase(PatternMatch m) =>
        m.Start > 0 && Document.InSet("complement_prepositions", m.Start - 1);

    /// <summary>The speaker phrase of a pattern match: the capture "who", or the tokens from mark "who" to mark "who_end".</summary>
    public static TokenRange? Who(PatternMatch m)
    {
        var who = m["who"];
        if (who is null)
        {
            return null;
        }

        return m["who_end"] is { } end ? new TokenRange(who.Value.Start, end.Start) : who;
    }
}
