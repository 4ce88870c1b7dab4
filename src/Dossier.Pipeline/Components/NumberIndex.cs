using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>The document's number mentions by their first token, for reading a pattern's captured number.</summary>
public sealed class NumberIndex
{
    private readonly Dictionary<int, NumberMention> _byStart = [];

    private NumberIndex()
    {
    }

    public static NumberIndex Of(AnnotatedDocument document)
    {
        var index = new NumberIndex();
        foreach (var n in document.Numbers)
        {
            index._byStart.TryAdd(n.TokenStart, n);
        }

        return index;
    }

    /// <summary>The number mention starting at token <paramref name="token"/>, or null.</summary>
    public NumberMention? At(int token) => _byStart.GetValueOrDefault(token);
}
