using System.Globalization;
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

    /// <summary><c>str(value)</c> for the values that occur (None → "").</summary>
    public static string Str(JsonElement? e) => e switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "True",
        { ValueKind: JsonValueKind.False } => "False",
        { ValueKind: JsonValueKind.Null } => "",
        { } other => other.GetRawText(),
    };

    /// <summary><c>x or ""</c> as a string.</summary>
    public static string OrEmpty(JsonElement? e) => Truthy(e) ? Str(e) : "";

    /// <summary>A hashable key for Counter semantics (ints, strings, None, tuples).</summary>
    public static string Key(JsonElement? e) => e switch
    {
        null => "N",
        { ValueKind: JsonValueKind.Null } => "N",
        { ValueKind: JsonValueKind.String } s => "s:" + s.GetString(),
        { ValueKind: JsonValueKind.Number } n => "n:" + (n.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : n.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
        { ValueKind: JsonValueKind.True } => "n:1",
        { ValueKind: JsonValueKind.False } => "n:0",
        { } other => "j:" + other.GetRawText(),
    };

    public static IEnumerable<JsonElement> List(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>The normalization of score.py: quotes folded, accents dropped, lower case, runs of non-alphanumerics as one space.</summary>
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
        foreach (var ch in s)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var c = char.ToLowerInvariant(ch);
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

    public static string Norm(JsonElement? e) => Norm(Str(e));

    public static string Fixed3(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
