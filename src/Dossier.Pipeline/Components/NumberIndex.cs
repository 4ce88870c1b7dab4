using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>The document's number mentions by their first token, for reading a pattern's captured number.</summary>
public sealed class NumberIndex
{
    private readonly Dictionary<int, NumberMention> _byStart = [];
    private readonly List<int> _starts = [];

    private NumberIndex()
    {
    }

    public static NumberIndex Of(AnnotatedDocument document)
    {
        var index = new NumberIndex();
        foreach (var n in document.Numbers)
        {
            if (index._byStart.TryAdd(n.TokenStart, n))
            {
                index._starts.Add(n.TokenStart);
            }
        }

        index._starts.Sort();
        return index;
    }

    /// <summary>Does a number mention start in <c>[from, to)</c>?</summary>
    public bool AnyIn(int from, int to)
    {
        var i = _starts.BinarySearch(from);
        if (i < 0)
        {
            i = ~i;
        }

        return i < _starts.Count && _starts[i] < to;
    }

    /// <summary>The number mention starting at token <paramref name="token"/>, or null.</summary>
    public NumberMention? At(int token) => _byStart.GetValueOrDefault(token);
}
