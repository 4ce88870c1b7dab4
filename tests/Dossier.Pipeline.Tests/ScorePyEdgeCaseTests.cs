using System.Text;
using Dossier.Evaluation;

namespace Dossier.Pipeline.Tests;

/// <summary>
/// The C# scorer against score.py on a small corpus written to hit the corners of the Python semantics: CRLF text
/// (read with universal newlines), ints equal to floats, booleans as ints, reprs with quotes, backslashes, newlines
/// and no-break spaces, None in error lines, tuples, duplicates, optional items, non-dollar money, a prediction
/// with a byte-order mark, one that is a list, and missing files.
/// </summary>
public sealed class ScorePyEdgeCaseTests : IDisposable
{
    private const string Text1 =
        "Oslo, 3 May 2024 \u2014 Ministers of the Global Coalition met in Oslo.\r\n" +
        "Kari Dahl, Norway's foreign minister, said: \u201cIt's a \"turning point\" for us\u00a0all.\u201d\r\n" +
        "The coalition has 87 members and pledged $2.5 million and 4 million euros. O'Neill said 12 attacks were foiled in Sweden.";

    private const string Gold1 = """
        {"doc": "e1", "published": "2024-05-03", "relevant": true,
         "countries": ["NO", "TG"], "countries_optional": ["SE"],
         "people": [{"name": "Kari Dahl", "aliases": ["Dahl"], "title": "Foreign Minister", "country": "NO"},
                    {"name": "Sean O'Neill", "aliases": ["O'Neill"]}],
         "organizations": [{"name": "Global Coalition", "aliases": []}],
         "meetings": [{"format": "ministerial", "city": "Oslo", "country": "NO", "date": "2024-05-03", "hosts_or_chairs": ["NO"], "participants": ["Kari Dahl"]},
                      {"format": "other", "city": null, "country": null, "date": null}],
         "member_counts": [{"count": 87, "qualifier": "exact", "evidence": "87 members"}],
         "new_members": [{"member": "TG", "ordinal": null}],
         "money": [{"amount_usd": 2500000, "qualifier": "exact", "evidence": "$2.5 million"},
                   {"amount_usd": null, "qualifier": "exact", "evidence": "4 million euros"}],
         "quotes": [{"speaker": "Kari Dahl", "text": "It's a \"turning point\" for us\u00a0all."}],
         "attack_stats": [{"count": 12, "qualifier": "exact", "evidence": "12 attacks"}]}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("dossier-edge-").FullName;

    public ScorePyEdgeCaseTests()
    {
        foreach (var d in new[] { "gold", "pred", "docs" })
        {
            Directory.CreateDirectory(Path.Combine(_root, d));
        }

        Write("gold/e1.json", Gold1);
        Write("docs/e1.txt", Text1);
        Write("pred/e1.json", Prediction1());

        Write("gold/e2.json", """{"doc": "e2", "relevant": false, "countries": ["IQ"]}""");
        File.WriteAllBytes(Path.Combine(_root, "pred/e2.json"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"doc": "e2", "countries": [{"code": "IQ"}]}""")]);

        Write("gold/e3.json", """{"doc": "e3", "relevant": true, "published": null, "people": [{"name": "Lena Berg"}]}""");

        Write("gold/e4.json", """{"doc": "e4", "relevant": true, "organizations": [{"name": "ISIS", "aliases": ["Daesh"]}]}""");
        Write("pred/e4.json", "[1, 2]");
        Write("docs/e4.txt", "Daesh.");

        Write("gold/e5.json", """{"doc": "e5", "relevant": false, "attack_stats": [{"count": 3, "evidence": "three strikes"}]}""");
        Write("pred/e5.json", """{"doc": "e5", "relevant": false, "attack_stats": [{"count": 3, "span": [4, 17]}, {"count": 3, "span": [0, 3]}]}""");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Score_EdgeCases_MatchScorePyLineForLine(bool verbose)
    {
        var python = ScorePy.Run(Dir("gold"), Dir("pred"), Dir("docs"), verbose);
        var csharp = new StringWriter();

        FactsScorer.Score(Dir("gold"), Dir("pred"), Dir("docs")).Print(csharp, verbose);

        Assert.Equal(ScorePy.Lines(python), ScorePy.Lines(csharp.ToString()));
    }

    [Fact]
    public void Score_EdgeCasesWithoutDocs_MatchScorePyLineForLine()
    {
        var python = ScorePy.Run(Dir("gold"), Dir("pred"), null, verbose: true);
        var csharp = new StringWriter();

        FactsScorer.Score(Dir("gold"), Dir("pred"), null).Print(csharp, verbose: true);

        Assert.Equal(ScorePy.Lines(python), ScorePy.Lines(csharp.ToString()));
    }

    [Fact]
    public void Serialize_EdgeCases_IsScorePysJsonReportByteForByte()
    {
        var jsonOut = Path.Combine(_root, "report.json");
        ScorePy.Run(Dir("gold"), Dir("pred"), Dir("docs"), jsonOut: jsonOut);

        var json = ScoreJson.Serialize(FactsScorer.Score(Dir("gold"), Dir("pred"), Dir("docs")));

        Assert.Equal(File.ReadAllText(jsonOut), json);
    }

    private static string Prediction1()
    {
        string S(string s, int nth = 0)
        {
            var i = -1;
            for (var k = 0; k <= nth; k++)
            {
                i = Text1.IndexOf(s, i + 1, StringComparison.Ordinal);
            }

            return $"[{i}, {i + s.Length}]";
        }

        return $$"""
            {"doc": "e1", "published": "2024-05-03", "relevant": true,
             "countries": [{"code": "no", "spans": [{{S("Norway")}}]}, {"code": "se", "spans": [{{S("Sweden")}}]},
                           {"code": "FR", "spans": [[true, 4]]}, {"code": null, "spans": []}],
             "people": [{"name": "Dahl", "aliases": [], "title": "Envoy", "country": "no", "spans": [{{S("Kari Dahl")}}]},
                        {"name": "O'Neill", "aliases": [], "title": null, "country": null, "spans": [{{S("O'Neill")}}]},
                        {"name": "Kari", "aliases": [], "spans": [{{S("Kari")}}]},
                        {"name": "Kari Dahl", "aliases": [], "spans": [{{S("Kari Dahl")}}]}],
             "organizations": [{"name": "Coalition", "aliases": ["Global Coalition"], "spans": [{{S("Global Coalition")}}]},
                               {"name": "Ministers", "aliases": [], "spans": [[0, 400]]}],
             "meetings": [{"format": "ministerial", "city": "Oslo", "country": "no", "date": "2024-05", "hosts_or_chairs": [],
                           "participants": ["NO"], "span": {{S("Ministers of the Global Coalition met in Oslo")}}},
                          {"format": "small_group", "city": null, "country": null, "date": null, "hosts_or_chairs": null, "span": [0, 4]}],
             "member_counts": [{"count": 87.0, "qualifier": "exact", "span": {{S("87 members")}}},
                               {"count": 88.5, "qualifier": "exact", "span": {{S("87 members")}}}],
             "new_members": [{"member": "tg", "ordinal": 86, "span": {{S("Oslo")}}}],
             "money": [{"amount_usd": 2500000, "qualifier": "exact", "span": {{S("$2.5 million")}}},
                       {"amount_usd": null, "qualifier": "exact", "span": {{S("4 million euros")}}}],
             "quotes": [{"speaker": "Dahl", "text": "It\u2019s a \u201cturning point\u201d for us all", "span": {{S("It's a")}}},
                        {"speaker": null, "text": "Back\\slash and\nnewline, it's \"quoted\" text", "span": [0, 4]}],
             "attack_stats": [{"count": 12, "qualifier": "exact", "span": {{S("12 attacks")}}},
                              {"count": true, "qualifier": "exact", "span": {{S("12 attacks")}}}]}
            """;
    }

    private string Dir(string name) => Path.Combine(_root, name);

    private void Write(string relative, string content) =>
        File.WriteAllText(Path.Combine(_root, relative), content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
