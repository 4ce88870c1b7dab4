using System.Globalization;
using System.Text.Json;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// Everything the pipeline knows, loaded once from the embedded data files: gazetteers of places and
/// organizations, and the curated word lists (titles, ranks, speech verbs, meeting cues, boilerplate
/// cues, currencies, number words, calendar). Immutable after loading, so it is shared by every
/// concurrent extraction.
/// </summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> DefaultInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static KnowledgeBase Default => DefaultInstance.Value;

    public PhraseTrie<GazetteerEntry> Gazetteer { get; } = new();
    public Dictionary<string, string> CountryNames { get; } = new(StringComparer.Ordinal);
    public HashSet<string> CapitalKeys { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (string Canonical, string Kind)> Organizations { get; } = new(StringComparer.Ordinal);
    public PhraseTrie<RankEntry> Ranks { get; } = new();
    public Dictionary<string, string> TitleWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SpeechVerbs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> NameVariants { get; } = new(StringComparer.Ordinal);
    public HashSet<string> NameStopwords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Particles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> MeetingTriggers { get; } = new(StringComparer.Ordinal);
    public PhraseTrie<string> MeetingFormats { get; } = new();
    public Dictionary<string, string> MeetingRoles { get; } = new(StringComparer.Ordinal);
    public PhraseTrie<string> Boilerplate { get; } = new();
    public List<string> TopicCues { get; } = [];
    public PhraseTrie<CurrencyEntry> Currencies { get; } = new();
    public Dictionary<string, (long Value, string Kind)> NumberWords { get; } = new(StringComparer.Ordinal);
    public PhraseTrie<string> Qualifiers { get; } = new();
    public Dictionary<string, (string Kind, int Number)> Calendar { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Abbreviations { get; } = new(StringComparer.Ordinal);
    public HashSet<string> OrganizationHeads { get; } = new(StringComparer.Ordinal);
    public DateLexicon DateCues { get; private set; } = new();
    public IReadOnlyList<string> DefaultComponents { get; private set; } = [];

    public static KnowledgeBase Load()
    {
        var kb = new KnowledgeBase();
        kb.LoadPlaces();
        kb.LoadOrganizations();
        foreach (var r in DataFiles.ReadRows("regions.tsv"))
        {
            kb.Gazetteer.Add(r[0], new GazetteerEntry(EntityKind.Region, r[1], r[1], null, CaseMode.Capitalized, r[0]));
        }

        foreach (var r in DataFiles.ReadRows("ranks.tsv"))
        {
            kb.Ranks.Add(r[0], new RankEntry(r[1], r.Length > 2 && r[2] == "yes"));
        }

        foreach (var r in DataFiles.ReadRows("titles.tsv"))
        {
            kb.TitleWords[Tokenizer.NormalizePhrase(r[0])] = r[1];
        }

        kb.SpeechVerbs.UnionWith(DataFiles.ReadLines("speech_verbs.txt"));
        foreach (var line in DataFiles.ReadLines("name_variants.tsv"))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var key = Tokenizer.NormalizePhrase(words[0]);
            foreach (var w in words)
            {
                kb.NameVariants[Tokenizer.NormalizePhrase(w)] = key;
            }
        }

        kb.NameStopwords.UnionWith(DataFiles.ReadLines("name_stopwords.txt").Select(Tokenizer.NormalizePhrase));
        kb.Particles.UnionWith(DataFiles.ReadLines("particles.txt"));
        foreach (var r in DataFiles.ReadRows("meeting_cues.tsv"))
        {
            var role = r[1];
            var value = r.Length > 2 ? r[2] : "";
            switch (role)
            {
                case "trigger":
                    kb.MeetingTriggers[Tokenizer.NormalizePhrase(r[0])] = value;
                    break;
                case "format":
                    kb.MeetingFormats.Add(r[0], value);
                    break;
                default:
                    kb.MeetingRoles[Tokenizer.NormalizePhrase(r[0])] = role;
                    break;
            }
        }

        foreach (var r in DataFiles.ReadRows("boilerplate.tsv"))
        {
            kb.Boilerplate.Add(r[0], r[1]);
        }

        kb.TopicCues.AddRange(DataFiles.ReadLines("topic_cues.txt"));
        foreach (var r in DataFiles.ReadRows("currencies.tsv"))
        {
            kb.Currencies.Add(r[0], new CurrencyEntry(r[1], r[2]));
        }

        foreach (var r in DataFiles.ReadRows("numbers.tsv"))
        {
            kb.NumberWords[r[0]] = (long.Parse(r[1], CultureInfo.InvariantCulture), r[2]);
        }

        foreach (var r in DataFiles.ReadRows("qualifiers.tsv"))
        {
            kb.Qualifiers.Add(r[0], r[1]);
        }

        foreach (var r in DataFiles.ReadRows("calendar.tsv"))
        {
            kb.Calendar[Tokenizer.NormalizePhrase(r[0])] = (r[1], int.Parse(r[2], CultureInfo.InvariantCulture));
        }

        kb.Abbreviations.UnionWith(DataFiles.ReadLines("abbreviations.txt"));
        kb.OrganizationHeads.UnionWith(DataFiles.ReadLines("org_heads.txt"));
        kb.DateCues = DateLexicon.Load(DataFiles.ReadRows("date_cues.tsv"));
        using (var json = JsonDocument.Parse(DataFiles.ReadAll("pipeline.json")))
        {
            kb.DefaultComponents = json.RootElement.GetProperty("components").EnumerateArray().Select(e => e.GetString()!).ToList();
        }

        return kb;
    }

    public bool IsTitleWord(string norm) => TitleWords.ContainsKey(norm);

    public bool IsTitleHead(string norm) => TitleWords.TryGetValue(norm, out var role) && role == "head";

    public string? MeetingRole(string norm) => MeetingRoles.GetValueOrDefault(norm);

    /// <summary>The spelling-variant key of a name word (Mohamed, Muhammad → muhammad).</summary>
    public string NameKey(string norm) => NameVariants.GetValueOrDefault(norm, norm);

    private void LoadPlaces()
    {
        foreach (var r in DataFiles.ReadRows("places.tsv"))
        {
            var kind = r[0] switch
            {
                "country" => EntityKind.Country,
                "abbr" => EntityKind.CountryAbbreviation,
                "demonym" => EntityKind.Demonym,
                "capital" => EntityKind.Capital,
                "city" => EntityKind.City,
                _ => EntityKind.Subdivision,
            };
            var surface = r[1];
            var code = r[2];
            var country = kind == EntityKind.Subdivision ? code[..2] : code;
            var mode = kind == EntityKind.CountryAbbreviation ? CaseMode.Exact : CaseMode.Capitalized;
            Gazetteer.Add(surface, new GazetteerEntry(kind, code, r[3], country, mode, surface));
            if (kind == EntityKind.Country && !CountryNames.ContainsKey(code))
            {
                CountryNames[code] = r[3];
            }

            if (kind == EntityKind.Capital)
            {
                CapitalKeys.Add(Tokenizer.NormalizePhrase(surface));
            }
        }
    }

    private void LoadOrganizations()
    {
        foreach (var r in DataFiles.ReadRows("organizations.tsv"))
        {
            var id = r[0];
            var kind = r[1];
            var canonical = r[2];
            Organizations[id] = (canonical, kind);
            foreach (var alias in r[3].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                Gazetteer.Add(alias, new GazetteerEntry(EntityKind.Organization, id, canonical, null, ModeOf(alias), alias, false, kind));
            }

            if (r.Length > 4)
            {
                foreach (var alias in r[4].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    Gazetteer.Add(alias, new GazetteerEntry(EntityKind.Organization, id, canonical, null, ModeOf(alias), alias, true, kind));
                }
            }
        }
    }

    private static CaseMode ModeOf(string alias)
    {
        if (!alias.Any(char.IsLower))
        {
            return CaseMode.Exact;
        }

        return char.IsLower(alias[0]) ? CaseMode.Any : CaseMode.Capitalized;
    }
}
