using System.Text.Json;
using Dossier.Evaluation;

namespace Dossier.Pipeline.Tests;

/// <summary>The Python behaviour the scorer reproduces; every expected value is what CPython 3 prints.</summary>
public class PyReprTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("O'Brien", "\"O'Brien\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("back\\slash\ttab\nline", "'back\\\\slash\\ttab\\nline'")]
    [InlineData("no\u00a0break, bell\u0007, del\u007f", "'no\\xa0break, bell\\x07, del\\x7f'")]
    [InlineData("zero\u200bwidth and Ünïcödé", "'zero\\u200bwidth and Ünïcödé'")]
    public void Of_String_IsPythonsRepr(string value, string expected)
    {
        Assert.Equal(expected, PyRepr.Of(value));
    }

    [Theory]
    [InlineData("null", "None")]
    [InlineData("true", "True")]
    [InlineData("12", "12")]
    [InlineData("-0", "0")]
    [InlineData("12.0", "12.0")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1e15", "1000000000000000.0")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("2.5E3", "2500.0")]
    [InlineData("[1, \"a\", null, []]", "[1, 'a', None, []]")]
    [InlineData("{\"k\": [false]}", "{'k': [False]}")]
    public void Of_JsonValue_IsPythonsReprOfWhatJsonLoadReads(string json, string expected)
    {
        Assert.Equal(expected, PyRepr.Of(Json(json)));
    }

    [Theory]
    [InlineData(0.8125, "0.812")]
    [InlineData(0.9375, "0.938")]
    [InlineData(0.0625, "0.062")]
    [InlineData(2.0 / 3.0, "0.667")]
    [InlineData(1.0, "1.000")]
    [InlineData(0.0, "0.000")]
    [InlineData(0.0005, "0.001")]
    public void Fixed3_Value_RoundsTheExactBinaryValueHalfToEven(double value, string expected)
    {
        // 0.0005 is slightly above one half-thousandth in binary, so it rounds up.
        Assert.Equal(expected, PyRepr.Fixed3(value));
    }

    [Theory]
    [InlineData("Jos\u00e9 N\u00fa\u00f1ez", "jose nunez")]
    [InlineData("ab\u034fcd", "ab cd")]
    [InlineData("ka\u0903kb", "ka kb")]
    [InlineData("\u201cU.S.\u201d  Army\u2019s", "u s army s")]
    [InlineData("\u00bd \ufb01le", "1 2 file")]
    public void Norm_Text_IsScorePysNorm(string value, string expected)
    {
        // U+034F (grapheme joiner) and U+0903 (a spacing vowel sign) are marks of combining class 0: norm() keeps them
        // through NFKD, so they separate words instead of vanishing like accents.
        Assert.Equal(expected, Py.Norm(value));
    }

    [Fact]
    public void Key_IntFloatAndBool_AreEqualAsInPython()
    {
        Assert.Equal(Py.Key(Json("1")).Equality, Py.Key(Json("1.0")).Equality);
        Assert.Equal(Py.Key(Json("1")).Equality, Py.Key(Json("true")).Equality);
        Assert.NotEqual(Py.Key(Json("1")).Equality, Py.Key(Json("\"1\"")).Equality);
        Assert.Equal("('TG', None)", Py.Tuple(Py.Key("TG"), Py.Key(Json("null"))).Repr);
    }

    [Fact]
    public void Head_SurrogatePair_CountsAsOneCodePoint()
    {
        Assert.Equal("a\U0001F600b", Py.Head("a\U0001F600bc", 3));
    }
}
