using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Dossier.Evaluation;

/// <summary>
/// Python's <c>repr()</c>, <c>str()</c> and <c>format(x, ".3f")</c> for the JSON values <c>score.py</c> prints, so
/// that its error lines and table are reproduced character for character.
/// </summary>
internal static class PyRepr
{
    /// <summary><c>repr(value)</c> of a value that <c>json.load</c> produced (null is <c>None</c>).</summary>
    public static string Of(JsonElement? value) => value switch
    {
        null => "None",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "None",
        { ValueKind: JsonValueKind.True } => "True",
        { ValueKind: JsonValueKind.False } => "False",
        { ValueKind: JsonValueKind.String } s => Of(s.GetString()!),
        { ValueKind: JsonValueKind.Number } n => Number(n),
        { ValueKind: JsonValueKind.Array } a => "[" + string.Join(", ", a.EnumerateArray().Select(x => Of(x))) + "]",
        { } o => "{" + string.Join(", ", o.EnumerateObject().Select(p => Of(p.Name) + ": " + Of(p.Value))) + "}",
    };

    /// <summary><c>str(value)</c>: a string as it is, anything else as its repr.</summary>
    public static string Str(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s ? s.GetString()! : Of(value);

    /// <summary><c>repr(s)</c> of a Python string: single quotes unless only the single quote occurs, escapes for
    /// backslashes, the quote, control characters and unprintable code points.</summary>
    public static string Of(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        for (var i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }

            switch (cp)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '\t':
                    sb.Append(@"\t");
                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                case '\r':
                    sb.Append(@"\r");
                    break;
                default:
                    if (cp == quote)
                    {
                        sb.Append('\\').Append(quote);
                    }
                    else if (cp < 0x20 || cp == 0x7F)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{cp:x2}");
                    }
                    else if (cp < 0x7F || IsPrintable(cp))
                    {
                        sb.Append(char.ConvertFromUtf32(cp));
                    }
                    else if (cp <= 0xFF)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{cp:x2}");
                    }
                    else if (cp <= 0xFFFF)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{cp:x4}");
                    }
                    else
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\U{cp:x8}");
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }

    /// <summary><c>format(value, ".3f")</c>: the exact binary value rounded half to even, as Python does.</summary>
    public static string Fixed3(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;

        // value * 1000 = mantissa * 1000 * 2^exponent, rounded half to even to a whole number.
        var scaled = new BigInteger(mantissa) * 1000;
        BigInteger thousandths;
        if (exponent >= 0)
        {
            thousandths = scaled << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            thousandths = BigInteger.DivRem(scaled, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !thousandths.IsEven))
            {
                thousandths++;
            }
        }

        var whole = BigInteger.DivRem(thousandths, 1000, out var fraction);
        return string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : "")}{whole}.{(int)fraction:000}");
    }

    /// <summary><c>repr(float)</c>: the shortest digits that round-trip, fixed notation for exponents -4 to 15.</summary>
    public static string Float(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var sign = r.StartsWith('-') ? "-" : "";
        r = r.TrimStart('-');
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var exp = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intDigits = dot < 0 ? mantissa.Length : dot;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);

        // value = 0.<digits> * 10^point
        var point = intDigits + exp;
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        point -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        if (point > -4 && point <= 16)
        {
            string text;
            if (point <= 0)
            {
                text = "0." + new string('0', -point) + digits;
            }
            else if (point >= digits.Length)
            {
                text = digits + new string('0', point - digits.Length) + ".0";
            }
            else
            {
                text = digits[..point] + "." + digits[point..];
            }

            return sign + text;
        }

        var m = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        var x = point - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{m}e{(x < 0 ? "-" : "+")}{Math.Abs(x):00}");
    }

    /// <summary>A JSON number as Python reads it: an int when written without a fraction or exponent, else a float.</summary>
    private static string Number(JsonElement n)
    {
        var raw = n.GetRawText();
        if (IsIntegerLiteral(raw))
        {
            return BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        return Float(n.GetDouble());
    }

    public static bool IsIntegerLiteral(string raw) => raw.IndexOfAny(['.', 'e', 'E']) < 0;

    /// <summary>Python's <c>str.isprintable</c> for one code point: not a control, format, surrogate, private-use,
    /// unassigned, or separator character other than the space.</summary>
    private static bool IsPrintable(int cp)
    {
        if (cp == ' ')
        {
            return true;
        }

        var category = cp is >= 0xD800 and <= 0xDFFF
            ? UnicodeCategory.Surrogate
            : CharUnicodeInfo.GetUnicodeCategory(cp);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }
}
