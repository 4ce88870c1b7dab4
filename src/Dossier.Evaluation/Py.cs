using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Dossier.Evaluation;

/// <summary>The few Python semantics of <c>score.py</c> the scorer needs, over <see cref="JsonElement"/>.</summary>
internal static class Py
{
    /// <summary><c>d.get(name)</c>: the value, or null when missing or JSON null.</summary>
    public static JsonElement? Get(JsonElement? obj, string name)
    {
        if (obj is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v;
    }

    public static bool IsDict(JsonElement? e) => e is { ValueKind: JsonValueKind.Object };

    public static bool IsNone(JsonElement? e) => e is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };

    /// <summary>Python truthiness.</summary>
    public static bool Truthy(JsonElement? e) => e switch
    {
        null => false,
        { ValueKind: JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined } => false,
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Length > 0,
        { ValueKind: JsonValueKind.Number } n => n.GetDouble() != 0,
        { ValueKind: JsonValueKind.Array } a => a.GetArrayLength() > 0,
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Any(),
        _ => true,
    };

    /// <summary><c>str(value)</c> (None → "None").</summary>
    public static string Str(JsonElement? e) => PyRepr.Str(e);

    /// <summary><c>x or ""</c> as a string.</summary>
    public static string OrEmpty(JsonElement? e) => Truthy(e) ? Str(e) : "";

    /// <summary><c>a or b</c>: the first value when it is truthy, else the second.</summary>
    public static JsonElement? Or(JsonElement? a, JsonElement? b) => Truthy(a) ? a : b;

    /// <summary>A hashable key with Python's equality (1 == 1.0 == True) and the repr of the value it stands for.</summary>
    public static PyKey Key(JsonElement? e) => new(Equality(e), PyRepr.Of(e));

    /// <summary>The key of a Python string.</summary>
    public static PyKey Key(string s) => new("s:" + s, PyRepr.Of(s));

    /// <summary>The key of a Python tuple of the given items.</summary>
    public static PyKey Tuple(params PyKey[] items) =>
        new("t:" + JsonSerializer.Serialize(items.Select(i => i.Equality)),
            "(" + string.Join(", ", items.Select(i => i.Repr)) + (items.Length == 1 ? ",)" : ")"));

    private static string Equality(JsonElement? e) => e switch
    {
        null => "N",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "N",
        { ValueKind: JsonValueKind.String } s => "s:" + s.GetString(),
        { ValueKind: JsonValueKind.True } => "n:1",
        { ValueKind: JsonValueKind.False } => "n:0",
        { ValueKind: JsonValueKind.Number } n => "n:" + NumberEquality(n),
        { ValueKind: JsonValueKind.Array } a => "l:" + JsonSerializer.Serialize(a.EnumerateArray().Select(x => Equality(x))),
        { } o => "d:" + JsonSerializer.Serialize(o.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new[] { g.Key, Equality(g.Last().Value) })),
    };

    /// <summary>Equal for numbers Python holds equal: an int and a float of the same value share a key.</summary>
    private static string NumberEquality(JsonElement n)
    {
        var raw = n.GetRawText();
        if (PyRepr.IsIntegerLiteral(raw))
        {
            return BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        var d = n.GetDouble();
        return double.IsFinite(d) && Math.Floor(d) == d
            ? new BigInteger(d).ToString(CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>An integer value as Python's <c>isinstance(v, int)</c> sees it (bools are ints): its digits, or null.</summary>
    public static BigInteger? Int(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.True } => BigInteger.One,
        { ValueKind: JsonValueKind.False } => BigInteger.Zero,
        { ValueKind: JsonValueKind.Number } n when PyRepr.IsIntegerLiteral(n.GetRawText()) =>
            BigInteger.Parse(n.GetRawText(), CultureInfo.InvariantCulture),
        _ => null,
    };

    public static IEnumerable<JsonElement> List(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary><c>s[:n]</c>: the first <paramref name="n"/> code points (a surrogate pair is one).</summary>
    public static string Head(string s, int n)
    {
        var i = 0;
        for (var count = 0; count < n && i < s.Length; count++)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        }

        return s[..i];
    }

    /// <summary>
    /// The normalization of score.py: quotes folded, NFKD with the combining characters (canonical combining class
    /// not 0) dropped, lower case, every run of characters other than a-z and 0-9 as one space, trimmed.
    /// </summary>
    public static string Norm(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        s = s.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');
        s = s.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(s.Length);
        var space = false;
        for (var i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }

            if (CombiningMarks.IsCombining(cp))
            {
                continue;
            }

            var c = cp <= char.MaxValue ? char.ToLowerInvariant((char)cp) : '\0';
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary><c>norm(value)</c>: None normalizes to "", anything else through <c>str()</c>.</summary>
    public static string Norm(JsonElement? e) => IsNone(e) ? "" : Norm(Str(e));
}

/// <summary>A value as a Python dict key: what decides equality, and the repr printed for it.</summary>
internal readonly record struct PyKey(string Equality, string Repr);
