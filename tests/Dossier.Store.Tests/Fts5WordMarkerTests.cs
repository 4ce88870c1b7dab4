using Dossier.Domain;
using Microsoft.Data.Sqlite;

namespace Dossier.Store.Tests;

public sealed class Fts5WordMarkerTests
{
    /// <summary>What FTS5's own highlight() marks for the store's any-word query, with the index's tokenizer.</summary>
    private static IReadOnlyList<TextSpan> Fts5Marks(string text, string query)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO t (text) VALUES (@text);
            SELECT highlight(t, 0, char(2), char(3)) FROM t WHERE t MATCH @words;
            """;
        command.Parameters.AddWithValue("@text", text);
        command.Parameters.AddWithValue("@words", FullTextQuery.ToFts5AnyWord(query));
        return command.ExecuteScalar() is string marked ? HighlightMarks.Parse(marked).Words : [];
    }

    [Theory]
    [InlineData("The Ministers met in Reykjavík on 4 March; the MINISTERIAL closed.", "ministers reykjavik")]
    [InlineData("Ankara's envoy and the ISIS-K cell: a co-chair, two co-chairs.", "ankara isis co")]
    [InlineData("Señor Muñoz from Bogotá spoke at the Élysée with Ms Øvergaard.", "munoz ELYSEE bogota senor")]
    [InlineData("Pledges of 2,500,000 dollars in 2024 (item 3b) and ¾ of the 2nd tranche.", "2024 3b 500 2nd")]
    [InlineData("Министр обороны встретился с коллегами в Москве.", "министр МОСКВЕ")]
    [InlineData("وزير الخارجية في بغداد مع التحالف الدولي", "بغداد التحالف")]
    [InlineData("Stabilisation, stabilization and stabilised funds were stable.", "stabili*")]
    [InlineData("The \"foreign terrorist fighters\" returned; a foreign minister fought terrorists.", "\"foreign terrorist fighters\"")]
    [InlineData("Under_score and e-mail and naïve coöperation, Straße.", "under mail naive cooperation strasse")]
    public void Mark_OwnSentence_MarksWhatFts5HighlightMarks(string text, string query)
    {
        var marks = new Fts5WordMarker(query).Mark(text);

        Assert.NotEmpty(marks);
        Assert.Equal(Fts5Marks(text, query), marks);
    }

    [Fact]
    public void Mark_PrefixQuery_MarksOnlyTokensItBegins()
    {
        const string text = "Coalition partners and coalitions; the anti-coalition camp.";

        var marks = new Fts5WordMarker("coalition*").Mark(text);

        Assert.Equal(["Coalition", "coalitions", "coalition"], marks.Select(m => text[m.Start..m.End]));
    }
}
