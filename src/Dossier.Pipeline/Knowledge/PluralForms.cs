using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// The plural forms of a word set's entries, as <see cref="Singular"/> reads them (Ministers → minister, Secretaries →
/// secretary): built once per set, so asking "is this word the plural of an entry?" is one look-up and allocates no
/// singular string per word.
/// </summary>
public static class PluralForms
{
    private static readonly ConditionalWeakTable<WordSet, FrozenSet<string>> Cache = new();

    /// <summary>The singular of a plural form (ministers → minister, secretaries → secretary), or null.</summary>
    public static string? Singular(string norm)
    {
        if (norm.EndsWith("ies", StringComparison.Ordinal) && norm.Length > 4)
        {
            return norm[..^3] + "y";
        }

        return norm.EndsWith('s') && norm.Length > 3 && !norm.EndsWith("ss", StringComparison.Ordinal) ? norm[..^1] : null;
    }

    /// <summary>Is <paramref name="norm"/> a form whose <see cref="Singular"/> is an entry of <paramref name="set"/>?</summary>
    /// <remarks>Every such form ends in "s" (w + "s", or "ies"), so other words are answered without a look-up.</remarks>
    public static bool IsPluralOf(WordSet set, string norm) => norm.EndsWith('s') && Cache.GetValue(set, Build).Contains(norm);

    private static FrozenSet<string> Build(WordSet set)
    {
        // Singular has two preimages of a word w: w + "s" and, for w ending in y, w without it + "ies"; each is kept
        // only if Singular reads it back as w, so membership is exactly Singular(norm) ∈ set.
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in set.Words)
        {
            string[] candidates = word.EndsWith('y') ? [word + "s", word[..^1] + "ies"] : [word + "s"];
            foreach (var candidate in candidates)
            {
                if (Singular(candidate) == word)
                {
                    forms.Add(candidate);
                }
            }
        }

        return forms.ToFrozenSet(StringComparer.Ordinal);
    }
}
