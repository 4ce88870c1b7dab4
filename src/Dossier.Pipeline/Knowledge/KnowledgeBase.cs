using System.Globalization;
using System.Text.Json;
using Dossier.Pipeline.Matching;
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

    /// <summary>Given (first) names, normalized (<c>given_names.tsv</c>, see tools/gazetteers).</summary>
    public HashSet<string> GivenNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Offices that belong to one country by name (Secretary of State: US), normalized (<c>office_countries.tsv</c>).</summary>
    public Dictionary<string, string> OfficeCountries { get; } = new(StringComparer.Ordinal);

    /// <summary>The country an organization belongs to (the State Department: US), from <c>organizations.tsv</c>.</summary>
    public Dictionary<string, string> OrganizationCountries { get; } = new(StringComparer.Ordinal);
    /// <summary>Well-known officials: canonical names, spellings, countries and offices (<c>people.tsv</c>).</summary>
    public KnownPeople KnownPeople { get; private set; } = KnownPeople.Load([], RoleWords.Load([]), n => n, new HashSet<string>());

    /// <summary>The words that say which office a title or a role names (<c>role_words.tsv</c>).</summary>
    public RoleWords RoleWords { get; private set; } = RoleWords.Load([]);

    public Dictionary<string, string> MeetingTriggers { get; } = new(StringComparer.Ordinal);
    public PhraseTrie<string> MeetingFormats { get; } = new();
    public Dictionary<string, string> MeetingRoles { get; } = new(StringComparer.Ordinal);
    public PhraseTrie<string> Boilerplate { get; } = new();
    public List<string> TopicCues { get; } = [];
    public PhraseTrie<CurrencyEntry> Currencies { get; } = new();
    public Dictionary<string, (long Value, string Kind)> NumberWords { get; } = new(StringComparer.Ordinal);
    public PhraseTrie<string> Qualifiers { get; } = new();
    public Dictionary<string, (string Kind, int Number)> Calendar { get; } = new(StringComparer.Ordinal);

    /// <summary>The months' full names (the longest name of each month in calendar.tsv): "may", not "sept".</summary>
    public HashSet<string> MonthNames { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Abbreviations { get; } = new(StringComparer.Ordinal);
    public HashSet<string> OrganizationHeads { get; } = new(StringComparer.Ordinal);
    public DateLexicon DateCues { get; private set; } = new();

    /// <summary>Each rule's precision measured on the dev corpus, the facts' confidence (<c>rule_precision.tsv</c>).</summary>
    public RulePrecisionTable RulePrecision { get; private set; } = RulePrecisionTable.Empty;
    public IReadOnlyList<string> DefaultComponents { get; private set; } = [];

    /// <summary>The quote-attribution sieves in the order they run (<c>pipeline.json</c> "quote_sieves"), most precise first.</summary>
    public IReadOnlyList<string> QuoteSieves { get; private set; } = [];

    /// <summary>The word sets of <c>Data/sets</c>, by name.</summary>
    public WordSets Sets { get; private set; } = new(new Dictionary<string, IEnumerable<string>>());

    private Dictionary<string, PatternSet> _patterns = new(StringComparer.Ordinal);

    /// <summary>The pattern files of <c>Data/patterns</c> (name without extension), loaded and checked once.</summary>
    public IReadOnlyDictionary<string, PatternSet> PatternFiles => _patterns;

    /// <summary>The named pattern file; throws naming it when there is none.</summary>
    public PatternSet Patterns(string name) => _patterns.TryGetValue(name, out var p)
        ? p
        : throw new KeyNotFoundException($"no pattern file '{name}' (Data/patterns/{name}.jsonl)");

    /// <summary>A short hash of every embedded data file (names and bytes): which knowledge made a fact.</summary>
    public string DataHash { get; private set; } = "";

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

        kb.SpeechVerbs.UnionWith(DataFiles.ReadLines("sets/speech_verbs.txt"));
        foreach (var line in DataFiles.ReadLines("name_variants.tsv"))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var key = Tokenizer.NormalizePhrase(words[0]);
            foreach (var w in words)
            {
                kb.NameVariants[Tokenizer.NormalizePhrase(w)] = key;
            }
        }

        kb.NameStopwords.UnionWith(DataFiles.ReadLines("sets/name_stopwords.txt").Select(Tokenizer.NormalizePhrase));
        kb.Particles.UnionWith(DataFiles.ReadLines("sets/name_particles.txt").Select(p => Tokenizer.NormalizePhrase(p)));
        foreach (var r in DataFiles.ReadRows("office_countries.tsv"))
        {
            kb.OfficeCountries[Tokenizer.NormalizePhrase(r[0])] = r[1];
        }

        kb.RoleWords = RoleWords.Load(DataFiles.ReadRows("role_words.tsv"));
        kb.KnownPeople = KnownPeople.Load(DataFiles.ReadRows("people.tsv"), kb.RoleWords, kb.NameKey, kb.Particles);
        kb.GivenNames.UnionWith(DataFiles.ReadRows("given_names.tsv").Select(r => Tokenizer.NormalizePhrase(r[0]).Replace(" ", "", StringComparison.Ordinal)));
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

        kb.MonthNames.UnionWith(kb.Calendar.Where(c => c.Value.Kind == "month").GroupBy(c => c.Value.Number).Select(g => g.MaxBy(c => c.Key.Length).Key));

        kb.Sets = WordSets.LoadEmbedded(new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal)
        {
            ["given_names"] = DataFiles.ReadRows("given_names.tsv").Select(r => r[0]).Where(n => !n.Contains(' ', StringComparison.Ordinal)).ToList(),
        });
        foreach (var name in DataFiles.Names("patterns/", ".jsonl"))
        {
            var file = "patterns/" + name + ".jsonl";
            kb._patterns[name] = new PatternSet(PatternLoader.Parse(DataFiles.ReadAll(file), file, kb.Sets, DocumentLayers.IsKnown));
        }

        kb.DataHash = HashData();
        kb.Abbreviations.UnionWith(DataFiles.ReadLines("abbreviations.txt"));
        kb.OrganizationHeads.UnionWith(DataFiles.ReadLines("sets/org_heads.txt"));
        kb.DateCues = DateLexicon.Load(DataFiles.ReadRows("date_cues.tsv"));
        kb.RulePrecision = RulePrecisionTable.Load(DataFiles.ReadRows("rule_precision.tsv"));
        using (var json = JsonDocument.Parse(DataFiles.ReadAll("pipeline.json")))
        {
            kb.DefaultComponents = json.RootElement.GetProperty("components").EnumerateArray().Select(e => e.GetString()!).ToList();
            kb.QuoteSieves = json.RootElement.TryGetProperty("quote_sieves", out var sieves)
                ? sieves.EnumerateArray().Select(e => e.GetString()!).ToList()
                : [];
        }

        return kb;
    }

    private static string HashData()
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var name in DataFiles.All())
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            sha.AppendData(DataFiles.ReadBytes(name));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    /// <summary>Is the normalized word (or hyphenated pair, "jean-yves") a known given name?</summary>
    public bool IsGivenName(string norm) => GivenNames.Contains(norm);

    /// <summary>The country an organization belongs to, or null.</summary>
    public string? OrganizationCountry(string id) => OrganizationCountries.GetValueOrDefault(id);

    /// <summary>The table entry of an organization by id (its canonical name as surface).</summary>
    public GazetteerEntry? OrganizationEntry(string id) =>
        Organizations.TryGetValue(id, out var org) ? new GazetteerEntry(EntityKind.Organization, id, org.Canonical, null, CaseMode.Exact, org.Canonical, false, org.Kind) : null;

    public bool IsTitleWord(string norm) => TitleWords.ContainsKey(norm);

    public bool IsTitleHead(string norm) => TitleWords.TryGetValue(norm, out var role) && role == "head";

    public string? MeetingRole(string norm) => MeetingRoles.GetValueOrDefault(norm);

    /// <summary>
    /// The gazetteer's name of a city written <paramref name="city"/> (in <paramref name="country"/> when given): the same
    /// for every spelling the gazetteer knows (Marrakech, Marrakesh, "Washington DC"); null when the whole name is not a
    /// known city or capital.
    /// </summary>
    public string? CityName(string city, string? country)
    {
        var tokens = Tokenizer.Tokenize(city);
        var (end, entry) = Gazetteer.Longest(tokens, 0, tokens.Count,
            (e, _, _) => e.Kind is EntityKind.City or EntityKind.Capital && (country is null || string.Equals(e.Country, country, StringComparison.OrdinalIgnoreCase)));
        return end == tokens.Count && entry is not null ? entry.Canonical : null;
    }

    /// <summary>The spelling-variant key of a name word (Mohamed, Muhammad → muhammad).</summary>
    public string NameKey(string norm) => NameVariants.GetValueOrDefault(norm, norm);

    private void LoadPlaces()
    {
        var rows = DataFiles.ReadRows("places.tsv").ToList();

        // A town that shares a country's name (Mozambique, Tonga, Burma) would shadow the country in the trie: the name is the country's.
        var countryNames = rows.Where(r => r[0] == "country").Select(r => Tokenizer.NormalizePhrase(r[1])).ToHashSet(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r[0] == "city" && countryNames.Contains(Tokenizer.NormalizePhrase(r[1])))
            {
                continue;
            }

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
            var entry = new GazetteerEntry(kind, code, r[3], country, mode, surface);
            Gazetteer.Add(surface, entry);
            if (kind == EntityKind.Demonym && DemonymPlural(surface) is { } plural)
            {
                // "Moroccans living abroad", "displaced Syrians": the people of a country name it too.
                Gazetteer.Add(plural, entry with { Surface = plural });
            }
            if (kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision)
            {
                foreach (var variant in ArabicArticleVariants(surface))
                {
                    Gazetteer.Add(variant, entry);
                }
            }

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

    /// <summary>The plural of a demonym that is also a noun for its people (Moroccan → Moroccans, Iraqi → Iraqis); null for -ese, -ish, -ch.</summary>
    public static string? DemonymPlural(string demonym) =>
        demonym.Length > 3 && !demonym.Contains(' ', StringComparison.Ordinal) && (demonym.EndsWith("an", StringComparison.Ordinal) || demonym.EndsWith('i'))
            ? demonym + "s"
            : null;

    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase)
    {
        "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "er", "es", "esh", "et", "ez", "en",
    };

    /// <summary>
    /// Other transliterations of the Arabic article inside a place name, which sources write many ways: "Salah ad Din" is
    /// also Salah al-Din and Salah el-Din, "Deir ez-Zor" also Deir al-Zor and Deir el-Zor — al/el, or the article
    /// assimilated to a sun letter (ad-Din, ar-Raqqa, ash-Sham), with a hyphen or a space.
    /// </summary>
    public static IEnumerable<string> ArabicArticleVariants(string surface)
    {
        var words = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            string article, rest;
            var consumed = 1;
            var dash = words[i].IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && Articles.Contains(words[i][..dash]) && dash + 1 < words[i].Length)
            {
                article = words[i][..dash];
                rest = words[i][(dash + 1)..];
            }
            else if (Articles.Contains(words[i]) && i + 1 < words.Length)
            {
                article = words[i];
                rest = words[i + 1];
                consumed = 2;
            }
            else
            {
                continue;
            }

            var lower = rest.ToLowerInvariant();
            var sun = lower.Length >= 2 && lower[..2] is "sh" or "th" or "dh" ? lower[..2] : lower.Length > 0 && "tdrzsn".Contains(lower[0], StringComparison.Ordinal) ? lower[..1] : null;
            var forms = new List<string> { "al", "el" };
            if (sun is not null)
            {
                forms.Add("a" + sun);
                forms.Add("e" + sun);
            }

            var before = string.Join(' ', words[..i]);
            var after = string.Join(' ', words[(i + consumed)..]);
            foreach (var form in forms)
            {
                var cased = char.IsUpper(article[0]) ? char.ToUpperInvariant(form[0]) + form[1..] : form;
                foreach (var joined in new[] { cased + "-" + rest, cased + " " + rest })
                {
                    var variant = (before + " " + joined + (after.Length > 0 ? " " + after : "")).Trim();
                    if (!string.Equals(variant, surface, StringComparison.OrdinalIgnoreCase))
                    {
                        yield return variant;
                    }
                }
            }

            yield break;
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
            foreach (var written in r[3].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var exact = written.StartsWith('=');
                var alias = exact ? written[1..] : written;
                Gazetteer.Add(alias, new GazetteerEntry(EntityKind.Organization, id, canonical, null, exact ? CaseMode.Exact : ModeOf(alias), alias, false, kind));
            }

            if (r.Length > 5 && r[5].Length == 2)
            {
                OrganizationCountries[id] = r[5];
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
