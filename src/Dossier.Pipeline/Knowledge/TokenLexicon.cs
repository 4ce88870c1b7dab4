using System.Collections.Frozen;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// One look-up per token for the two ids the components ask of every token: its form's <see cref="Vocabulary"/> id (what
/// patterns test) and its form's set-mask id (<see cref="WordSets.MaskIdOf"/>, what <c>InSet</c> tests). One table of both,
/// so a document hashes each token's form once instead of once per table. Rebuilt when the vocabulary grows (knowledge
/// loading); thread-safe.
/// </summary>
public sealed class TokenLexicon(WordSets sets)
{
    private Snapshot? _snapshot;

    private sealed record Snapshot(int Vocabulary, FrozenDictionary<string, (int Id, int Mask)> Entries);

    /// <summary>
    /// Fills <paramref name="ids"/> and <paramref name="masks"/> (each as long as <paramref name="tokens"/>) with every
    /// token's vocabulary id and set-mask id (0: none); returns the vocabulary size the ids are valid for.
    /// </summary>
    public int Fill(List<Token> tokens, int[] ids, int[] masks)
    {
        var snapshot = Current();
        var entries = snapshot.Entries;
        for (var i = 0; i < tokens.Count; i++)
        {
            (ids[i], masks[i]) = entries.TryGetValue(tokens[i].Norm, out var e) ? e : default;
        }

        return snapshot.Vocabulary;
    }

    private Snapshot Current()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var count = Vocabulary.Count;
        if (snapshot is not null && snapshot.Vocabulary == count)
        {
            return snapshot;
        }

        // The count is read before the vocabulary's table, as MatchInput does: a form added meanwhile makes the next call rebuild.
        var entries = new Dictionary<string, (int Id, int Mask)>(StringComparer.Ordinal);
        foreach (var (form, id) in Vocabulary.Frozen())
        {
            entries[form] = (id, 0);
        }

        foreach (var (form, mask) in sets.MaskIds)
        {
            entries[form] = (entries.GetValueOrDefault(form).Id, mask);
        }

        snapshot = new Snapshot(count, entries.ToFrozenDictionary(StringComparer.Ordinal));
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }
}
