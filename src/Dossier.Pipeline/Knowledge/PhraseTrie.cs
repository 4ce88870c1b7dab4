using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// A trie over token keys (<see cref="Token.Norm"/>): every phrase of a gazetteer is added once as its
/// token keys, and a document is matched by walking the trie from each token, so a look-up costs the
/// length of the match, not the number of names. Thread-safe for reading once built.
/// </summary>
public sealed class PhraseTrie<T>
{
    private readonly Node _root = new();

    public int Count { get; private set; }

    public void Add(string phrase, T value)
    {
        var keys = Tokenizer.Tokenize(phrase).Select(t => t.Kind == TokenKind.Word || t.Kind == TokenKind.Number ? t.Norm : t.Norm).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var node = _root;
        foreach (var key in keys)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(key, out var next))
            {
                next = new Node();
                node.Children[key] = next;
            }

            node = next;
        }

        node.Values ??= [];
        node.Values.Add(value);
        Count++;
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="start"/> (ending before <paramref name="limit"/>)
    /// that has a value accepted by <paramref name="accept"/> (given the value, the start and the end token).
    /// </summary>
    public (int End, T? Value) Longest(List<Token> tokens, int start, int limit, Func<T, int, int, bool>? accept = null)
    {
        var node = _root;
        var bestEnd = -1;
        T? best = default;
        for (var i = start; i < limit; i++)
        {
            var key = tokens[i].Norm;
            if (node.Children is null || key.Length == 0 || !node.Children.TryGetValue(key, out var next))
            {
                break;
            }

            node = next;
            if (node.Values is not null)
            {
                foreach (var v in node.Values)
                {
                    if (accept is null || accept(v, start, i + 1))
                    {
                        bestEnd = i + 1;
                        best = v;
                        break;
                    }
                }
            }
        }

        return (bestEnd, best);
    }

    /// <summary>True when the phrase (as tokens) is in the trie.</summary>
    public bool TryGet(string phrase, out T? value)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        var (end, v) = Longest(tokens, 0, tokens.Count);
        value = v;
        return end == tokens.Count && end > 0;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<T>? Values;
    }
}
