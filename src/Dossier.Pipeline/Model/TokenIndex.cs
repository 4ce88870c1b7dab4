namespace Dossier.Pipeline.Model;

/// <summary>
/// One mention (or none) per token position, kept as an index into the mention list: 4 bytes per token instead of an
/// 8-byte reference, for the per-document tables the meeting components share.
/// </summary>
internal sealed class TokenIndex<T>
    where T : class
{
    private readonly T[] _mentions;
    private readonly int[] _slots; // index + 1; 0 = none

    public TokenIndex(T[] mentions, int length)
    {
        _mentions = mentions;
        // No mention, no table (a document without dates, people or titles): every token answers none.
        _slots = mentions.Length == 0 ? [] : new int[length];
    }

    public T? this[int token] => _mentions.Length == 0 ? null : _slots[token] is var s and > 0 ? _mentions[s - 1] : null;

    /// <summary>Puts mention number <paramref name="index"/> at <paramref name="token"/>.</summary>
    public void Set(int token, int index) => _slots[token] = index + 1;

    /// <summary>Puts mention number <paramref name="index"/> at <paramref name="token"/> unless one is there.</summary>
    public void SetIfEmpty(int token, int index)
    {
        if (_slots[token] == 0)
        {
            _slots[token] = index + 1;
        }
    }
}
