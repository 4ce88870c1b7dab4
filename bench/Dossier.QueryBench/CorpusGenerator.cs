using System.Globalization;
using System.Reflection;
using System.Text;

namespace Dossier.QueryBench;

/// <summary>
/// A deterministic corpus of coalition news: articles built from sentence templates filled with real countries,
/// capitals and demonyms (the pipeline's gazetteer) and synthetic people. The same seed gives the same corpus.
/// </summary>
public sealed class CorpusGenerator
{
    private static readonly string[] Titles = ["Foreign Minister", "Minister of Foreign Affairs", "Special Envoy for the Global Coalition", "Deputy Foreign Minister", "National Security Adviser", "Defence Minister"];
    private static readonly string[] Formats = ["ministerial", "Small Group", "Africa Focus Group", "Stabilisation Group", "Core Focus Group", "Counter ISIS Finance Group"];
    private static readonly string[] Regions = ["Africa", "the Sahel", "Iraq and Syria", "Central Asia", "Southeast Asia", "the Lake Chad Basin"];
    private static readonly string[] Orgs = ["Global Coalition", "United Nations", "European Union", "African Union", "Africa Focus Group"];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    private readonly List<(string Name, string Capital, string Demonym)> _countries;
    private readonly string[] _templates;
    private readonly string[] _first;
    private readonly string[] _last;

    public CorpusGenerator()
    {
        var rows = Resource("places.tsv").Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).Where(c => c.Length >= 4).ToList();
        var capitals = rows.Where(r => r[0] == "capital").GroupBy(r => r[2]).ToDictionary(g => g.Key, g => g.First()[1]);
        var demonyms = rows.Where(r => r[0] == "demonym").GroupBy(r => r[2]).ToDictionary(g => g.Key, g => g.First()[1]);
        _countries = rows.Where(r => r[0] == "country" && r[1] == r[3])
            .Where(r => capitals.ContainsKey(r[2]) && demonyms.ContainsKey(r[2]))
            .GroupBy(r => r[2]).Select(g => (g.First()[3], capitals[g.Key], demonyms[g.Key]))
            .OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();
        _templates = Resource("templates.txt").Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();
        var names = Resource("names.txt").Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();
        _first = names[0].Split('|');
        _last = names[1].Split('|');
    }

    public int CountryCount => _countries.Count;

    /// <summary>Article number <paramref name="index"/> of the corpus of <paramref name="seed"/>: (id, published, text).</summary>
    public (string Id, string Published, string Text) Article(int seed, int index)
    {
        // Not HashCode.Combine: its hashes are seeded per process, so the corpus would change from run to run.
        var random = new Random(unchecked((seed * 1_000_003) ^ index));
        var date = new DateOnly(2014, 9, 1).AddDays(random.Next(0, 4400));
        var country = Pick(random, _countries);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{country.Capital}, {date.Day} {date.ToString("MMMM", CultureInfo.InvariantCulture)} {date.Year} — ");
        var sentences = random.Next(6, 12);
        for (var s = 0; s < sentences; s++)
        {
            builder.Append(Fill(random, Pick(random, _templates), country, date));
            builder.Append(s % 3 == 2 ? "\n\n" : " ");
        }

        return ($"gen-{seed}-{index:D6}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), builder.ToString().TrimEnd());
    }

    private string Fill(Random random, string template, (string Name, string Capital, string Demonym) home, DateOnly date)
    {
        var other = Pick(random, _countries);
        var person = $"{Pick(random, _first)} {Pick(random, _last)}";
        var members = 60 + (date.Year - 2014) * 2 + random.Next(0, 3);
        return template
            .Replace("{Capital}", other.Capital, StringComparison.Ordinal)
            .Replace("{City}", home.Capital, StringComparison.Ordinal)
            .Replace("{Country2}", other.Name, StringComparison.Ordinal)
            .Replace("{Country}", home.Name, StringComparison.Ordinal)
            .Replace("{Demonym}", home.Demonym, StringComparison.Ordinal)
            .Replace("{Person}", person, StringComparison.Ordinal)
            .Replace("{Surname}", person.Split(' ')[^1], StringComparison.Ordinal)
            .Replace("{Title}", Pick(random, Titles), StringComparison.Ordinal)
            .Replace("{Weekday}", Pick(random, Weekdays), StringComparison.Ordinal)
            .Replace("{Month}", date.ToString("MMMM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Date}", $"{date.Day} {date.ToString("MMMM", CultureInfo.InvariantCulture)} {date.Year}", StringComparison.Ordinal)
            .Replace("{Year}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{N}", members.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Ordinal}", Ordinal(members), StringComparison.Ordinal)
            .Replace("{Money}", $"${random.Next(5, 500)} million", StringComparison.Ordinal)
            .Replace("{K}", random.Next(2, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Format}", Pick(random, Formats), StringComparison.Ordinal)
            .Replace("{Org}", Pick(random, Orgs), StringComparison.Ordinal)
            .Replace("{Region}", Pick(random, Regions), StringComparison.Ordinal);
    }

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
