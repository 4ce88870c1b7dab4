using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Where a document speaks of the Global Coalition: the sentences and paragraphs that name it (a confirmed
/// mention), sentences that continue one about it ("It now has 87 members." after a sentence naming it), and
/// whether a pronoun or common noun ("its", "which", "partnership") refers back to it: the nearest earlier
/// mention of an organization or a country decides, and a body inside the coalition (the Small Group, a working
/// group: <c>Data/sets/coalition_bodies.txt</c>) in between means the words are about that body.
/// A bare "coalition" the gazetteer left unconfirmed also counts when the document names ISIS and no other coalition
/// (a report of the war against ISIS that never spells the coalition's full name); the mentions that count are set
/// as the pattern layer <c>coalition</c>. Built once per document by the membership components; read only.
/// </summary>
public sealed class CoalitionContext
{
    private const int MaxChain = 3;

    private readonly AnnotatedDocument _document;
    private readonly HashSet<int> _sentences;
    private readonly HashSet<int> _paragraphs;

    /// <summary>Per token: the entity mention that ends there (the last one when several do).</summary>
    private readonly Dictionary<int, EntityMention> _entityEndingAt = [];

    public const string Layer = "coalition";

    private readonly HashSet<EntityMention> _coalition = [];

    private int _entities;

    /// <summary>
    /// The context of a document, shared by the membership components (member counts, then new members) while its entity
    /// mentions are unchanged: built once, not once per component.
    /// </summary>
    public static CoalitionContext For(AnnotatedDocument document)
    {
        if (document.Shared.TryGetValue(typeof(CoalitionContext), out var cached) && cached is CoalitionContext c
            && c._entities == document.Entities.Count)
        {
            return c;
        }

        var fresh = new CoalitionContext(document);
        document.Shared[typeof(CoalitionContext)] = fresh;
        return fresh;
    }

    public CoalitionContext(AnnotatedDocument document)
    {
        _entities = document.Entities.Count;
        _document = document;
        _sentences = [];
        _paragraphs = [];
        var warAgainstIsis = document.Entities.Any(e => e.Entry.OrgKind == "armed" && e.Entry.Id.StartsWith("is", StringComparison.Ordinal))
            && !document.Entities.Any(e => e.Entry.OrgKind == "othercoalition");
        foreach (var e in document.Entities)
        {
            if (e.Entry.Kind == EntityKind.Organization && e.Entry.Id == "coalition"
                && (e.Confirmed || (warAgainstIsis && document.Tokens[e.TokenStart].Norm == "coalition" && e.TokenEnd - e.TokenStart == 1)))
            {
                _coalition.Add(e);
            }
        }

        document.Layers.Set(Layer, _coalition.Select(e => new TokenRange(e.TokenStart, e.TokenEnd)));
        foreach (var e in document.Entities)
        {
            if (IsCoalition(e))
            {
                _sentences.Add(e.Sentence);
                _paragraphs.Add(document.Sentences[e.Sentence].Paragraph);
            }

            var refers = e.Entry.Kind == EntityKind.Organization ? e.Confirmed || _coalition.Contains(e) : e.CountryRef is not null;
            if (refers && !(_entityEndingAt.TryGetValue(e.TokenEnd - 1, out var kept) && IsCoalition(kept)))
            {
                _entityEndingAt[e.TokenEnd - 1] = e;
            }
        }
    }

    /// <summary>Does the document name the coalition at all?</summary>
    public bool Any => _sentences.Count > 0;

    /// <summary>A mention of the Global Coalition that counts (see the class summary).</summary>
    public bool IsCoalition(EntityMention e) => _coalition.Contains(e);

    public bool Names(int sentence) => _sentences.Contains(sentence);

    /// <summary>Is the sentence about the coalition: it names it, or opens with a word referring back to a sentence that is.</summary>
    public bool About(int sentence)
    {
        for (var s = sentence; s >= 0 && sentence - s <= MaxChain; s--)
        {
            if (Names(s))
            {
                return true;
            }

            var seg = _document.Sentences[s];
            if (s == 0 || _document.Sentences[s - 1].Paragraph != seg.Paragraph || !OpensWithAnaphor(seg))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Is the coalition named in the sentence's paragraph or the one before it?</summary>
    public bool InParagraph(int sentence)
    {
        var p = _document.Sentences[sentence].Paragraph;
        return _paragraphs.Contains(p) || (p > 0 && _paragraphs.Contains(p - 1));
    }

    /// <summary>
    /// Does the word at <paramref name="token"/> ("its", "which", "partnership") stand for the coalition? The nearest
    /// earlier organization or country of the sentence decides; a coalition named earlier in the sentence wins over a
    /// country in between ("The Coalition welcomed the Maldives as its 87th member"). With no mention before it in its
    /// sentence, the previous sentence of the paragraph decides the same way. A coalition body in between: no.
    /// </summary>
    public bool RefersToCoalition(int token)
    {
        var sentence = _document.TokenSentence[token];
        var seg = _document.Sentences[sentence];
        var verdict = Nearest(seg.TokenStart, token, sameSentence: true);
        if (verdict is not null)
        {
            return verdict.Value;
        }

        if (sentence == 0 || _document.Sentences[sentence - 1].Paragraph != seg.Paragraph)
        {
            return false;
        }

        var previous = _document.Sentences[sentence - 1];
        return Nearest(previous.TokenStart, previous.TokenEnd, sameSentence: false) ?? false;
    }

    /// <summary>
    /// Scans <c>[from, before)</c> backwards: true at the coalition, false at a body, another coalition or (outside
    /// the word's own sentence) any other organization or country; null when nothing there decides.
    /// </summary>
    private bool? Nearest(int from, int before, bool sameSentence)
    {
        var other = false;
        for (var k = before - 1; k >= from; k--)
        {
            if (BodyEndsAt(k))
            {
                return false;
            }

            if (!_entityEndingAt.TryGetValue(k, out var e) || e.Entry.OrgKind is "armed" or "media")
            {
                continue;
            }

            if (IsCoalition(e))
            {
                return !IsBodyComplement(e);
            }

            if (e.Entry.OrgKind is "othercoalition" || !sameSentence)
            {
                return false;
            }

            // A country or another organization in the word's own sentence: the referent, unless the coalition
            // is named earlier in the sentence.
            other = true;
            k = e.TokenStart;
        }

        return other ? false : null;
    }

    /// <summary>"the Small Group of the Global Coalition": the coalition names the body's parent, the body is the head.</summary>
    private bool IsBodyComplement(EntityMention e)
    {
        var tokens = _document.Tokens;
        var k = e.TokenStart - 1;
        if (k >= 0 && tokens[k].Norm is "the" or "our")
        {
            k--;
        }

        return k >= 1 && tokens[k].Norm is "of" or "within" && BodyEndsAt(k - 1);
    }

    private bool OpensWithAnaphor(Segment s) =>
        LongestAt(_document.Knowledge.Sets["coalition_anaphors"], s.TokenStart, s.TokenEnd) > s.TokenStart;

    /// <summary>Does a coalition body's name ("Small Group", "CIFG") end at token <paramref name="k"/>?</summary>
    private bool BodyEndsAt(int k)
    {
        var set = _document.Knowledge.Sets["coalition_bodies"];
        var norm = _document.Tokens[k].Norm;
        if (set.Words.Contains(norm))
        {
            return true;
        }

        foreach (var seq in set.Sequences)
        {
            var start = k - seq.Length + 1;
            if (start >= 0 && seq[^1] == norm && LongestAt(set, start, k + 1) == k + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of the longest entry of <paramref name="set"/> starting at <paramref name="start"/> (before <paramref name="limit"/>), or -1.</summary>
    public int LongestAt(WordSet set, int start, int limit)
    {
        var tokens = _document.Tokens;
        if (start >= limit)
        {
            return -1;
        }

        var best = set.Words.Contains(tokens[start].Norm) ? start + 1 : -1;
        foreach (var seq in set.Sequences)
        {
            if (start + seq.Length > limit || start + seq.Length <= best)
            {
                continue;
            }

            var ok = true;
            for (var i = 0; i < seq.Length && ok; i++)
            {
                ok = tokens[start + i].Norm == seq[i];
            }

            if (ok)
            {
                best = start + seq.Length;
            }
        }

        return best;
    }
}
