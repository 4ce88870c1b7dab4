using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Model;

/// <summary>
/// One document as it goes through the pipeline: the text of record (never rewritten once set) and the
/// annotation layers the components add over it, all as offsets into that text.
/// </summary>
public sealed class AnnotatedDocument(ExtractionRequest request, KnowledgeBase knowledge)
{
    /// <summary>The article and its metadata: the caller's, filled from the page's once an HTML page is read.</summary>
    public ExtractionRequest Request { get; private set; } = request;

    /// <summary>What an HTML page states about itself (null for plain text).</summary>
    public PageMetadata? Page { get; private set; }
    public KnowledgeBase Knowledge { get; } = knowledge;

    /// <summary>The text every span points into: the request text, or the text extracted from HTML.</summary>
    public string Text { get; set; } = request.Text;

    /// <summary>Keeps the page's metadata and fills from it what the caller left empty (the caller's metadata wins).</summary>
    public void UsePage(PageMetadata page)
    {
        Page = page;
        Request = Request.FilledFrom(page);
    }

    public List<Token> Tokens { get; } = [];
    public List<Segment> Paragraphs { get; } = [];
    public List<Segment> Sentences { get; } = [];

    /// <summary>Sentence index of every token.</summary>
    public int[] TokenSentence { get; set; } = [];

    public string? Published { get; set; }
    public List<Dateline> Datelines { get; } = [];
    public List<EntityMention> Entities { get; } = [];

    private ILookup<int, EntityMention>? _entitiesBySentence;
    private int _entitiesIndexed = -1;

    /// <summary>
    /// The entity mentions of one sentence, in <see cref="Entities"/> order: a lookup, so components that ask per
    /// sentence stay linear on long articles. Rebuilt when mentions were added since the last call.
    /// </summary>
    public IEnumerable<EntityMention> EntitiesIn(int sentence)
    {
        if (_entitiesBySentence is null || _entitiesIndexed != Entities.Count)
        {
            _entitiesBySentence = Entities.ToLookup(e => e.Sentence);
            _entitiesIndexed = Entities.Count;
        }

        return _entitiesBySentence[sentence];
    }
    private DocumentLayers? _layers;
    private MatchInput? _matchInput;

    /// <summary>The annotation layers token patterns can name (built lazily from the annotations).</summary>
    public DocumentLayers Layers => _layers ??= new DocumentLayers(this);

    /// <summary>What token patterns match against: the tokens, the text and the layers.</summary>
    public MatchInput MatchInput
    {
        get
        {
            var input = _matchInput is { } m && ReferenceEquals(m.Text, Text) ? m : _matchInput = new MatchInput(Tokens, Text, Layers);
            LookUpTokens();
            input.UseIds(_normIds!, _normIdsVocabulary);

            return input;
        }
    }

    /// <summary>Per token, its form's vocabulary id (what <see cref="MatchInput"/> matches by), looked up with <see cref="_setMaskIds"/>.</summary>
    private int[]? _normIds;
    private int _normIdsVocabulary;

    /// <summary>
    /// Looks every token's form up once for both per-token id tables (<see cref="TokenLexicon"/>) when they are missing or
    /// stale (tokens added, the vocabulary grown).
    /// </summary>
    private void LookUpTokens()
    {
        if (_normIds is { } ids && ids.Length == Tokens.Count && _setMaskIds is { } masks && masks.Length == Tokens.Count
            && _normIdsVocabulary == Vocabulary.Count)
        {
            return;
        }

        _normIds = new int[Tokens.Count];
        _setMaskIds = new int[Tokens.Count];
        _normIdsVocabulary = Knowledge.Sets.Lexicon.Fill(Tokens, _normIds, _setMaskIds);
    }

    /// <summary>
    /// Non-overlapping matches of the named pattern file over a token range (e.g. a sentence). Not remembered: measured over
    /// the benchmark corpus, 392 of 337,120 calls asked for a range already matched with the same layers, so a cache
    /// cost more (a tuple key hashed and stored per call) than it saved.
    /// </summary>
    public IReadOnlyList<PatternMatch> Match(string patterns, int from, int to, string? label = null) =>
        Knowledge.Patterns(patterns).Matches(MatchInput, from, to, label);

    /// <summary>Every match of the named pattern file over a token range, overlapping ones included (see <see cref="PatternSet.Resolve"/>).</summary>
    public List<PatternMatch> MatchAll(string patterns, int from, int to, string? label = null) =>
        Knowledge.Patterns(patterns).MatchAll(MatchInput, from, to, label);

    public List<TitleMention> Titles { get; } = [];

    /// <summary>Runs of name words with their cues (the name finder's output, before coreference).</summary>
    public List<NameCandidate> NameCandidates { get; } = [];

    public List<PersonEntity> People { get; } = [];
    public List<PersonMention> PersonMentions { get; } = [];
    public List<DateMention> Dates { get; } = [];

    /// <summary>Quotations in quotation marks (the <c>quote-spans</c> component), in text order, before attribution.</summary>
    public List<QuoteSpan> QuoteSpans { get; } = [];
    public List<NumberMention> Numbers { get; } = [];

    // Facts, filled by the components that find them.
    /// <summary>Meeting mentions, filled by the meeting components before they are merged into <see cref="Meetings"/>.</summary>
    public List<MeetingMention> MeetingMentions { get; } = [];

    public List<MeetingFact> Meetings { get; } = [];
    public List<MemberCountFact> MemberCounts { get; } = [];
    public List<NewMemberFact> NewMembers { get; } = [];
    public List<MoneyFact> Money { get; } = [];
    public List<QuoteFact> Quotes { get; } = [];
    public List<AttackStatFact> AttackStats { get; } = [];
    public bool Relevant { get; set; }
    public DocumentFacts? Facts { get; set; }

    /// <summary>Per token, the id of its form's set mask (<see cref="WordSets.MaskIdOf"/>): 4 bytes a token, not a 32-byte mask.</summary>
    private int[]? _setMaskIds;

    /// <summary>
    /// Is token <paramref name="token"/>'s normalized form a (single-token) entry of the named word set? Each token's
    /// sets are looked up once per document (one hash), then every question is a bit test.
    /// </summary>
    public bool InSet(string set, int token) => token >= 0 && token < Tokens.Count && InSet(Knowledge.Sets[set], token);

    /// <summary>As <see cref="InSet(string, int)"/>, for a set already looked up (a caller that asks of many tokens).</summary>
    public bool InSet(WordSet set, int token)
    {
        if (token < 0 || token >= Tokens.Count)
        {
            return false;
        }

        var ids = _setMaskIds;
        if (ids is null || ids.Length != Tokens.Count)
        {
            LookUpTokens();
            ids = _setMaskIds!;
        }

        return ids[token] != 0 && Knowledge.Sets.Mask(ids[token]).Has(set.Index);
    }

    /// <summary>Indexes components build over the document and share while it is unchanged (keyed by their type).</summary>
    public Dictionary<Type, object> Shared { get; } = [];

    /// <summary>Layers provided so far (checked by the pipeline after each component).</summary>
    public HashSet<string> ProvidedLayers { get; } = new(64, StringComparer.Ordinal);

    public Segment SentenceOf(int token) => Sentences[TokenSentence[token]];

    public bool IsBoilerplateToken(int token) => TokenSentence.Length > token && Sentences[TokenSentence[token]].IsBoilerplate;

    public string TokenText(int token) => Tokens[token].Text(Text);

    public string Slice(int start, int end) => Text.Substring(start, end - start);

    /// <summary>The text from the start of token <paramref name="from"/> to the end of token <paramref name="to"/> - 1.</summary>
    public string TokenRangeText(int from, int to) => from >= to ? "" : Slice(Tokens[from].Start, Tokens[to - 1].End);
}
