using System.Globalization;
using System.Reflection;
using System.Text;
using Dossier.Domain;

namespace Dossier.Store;

/// <summary>
/// Canonical ids of entities across articles. A person's key folds case, diacritics, hyphens, Arabic particles
/// (al-, Al, el-) and spelling variants of the same name (Mohamed = Muhammad, from the pipeline's
/// <c>name_variants.tsv</c>), so "Jassim Mohamed" and "Jassim Muhammad" are one person.
/// </summary>
public static class EntityKeys
{
    private static readonly Dictionary<string, string> Variants = LoadVariants();

    public static string Country(string code) => "country:" + code.ToUpperInvariant();

    public static string Organization(string name) => "organization:" + Slug(name);

    public static string Place(string name) => "place:" + Slug(name);

    public static string Person(string name) => "person:" + PersonKey(name);

    /// <summary>The folded words of a person's name joined by '-'.</summary>
    public static string PersonKey(string name) => string.Join('-', PersonWords(name));

    /// <summary>The last folded word of a person's name (the surname in most forms).</summary>
    public static string Surname(string name) => PersonWords(name).LastOrDefault() ?? "";

    public static bool IsSingleWord(string name) => PersonWords(name).Count == 1;

    private static List<string> PersonWords(string name)
    {
        var words = Slug(name).Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        var folded = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w is "al" or "el" && i + 1 < words.Count)
            {
                // "Al Hanzab", "al-Baghdadi", "El Sisi": the particle joins the next word.
                words[i + 1] = "al" + words[i + 1];
                continue;
            }

            folded.Add(Variants.TryGetValue(w, out var canonical) ? canonical : w);
        }

        return folded;
    }

    /// <summary>Lower case letters and digits, other runs as '-', diacritics removed (<see cref="TextKeys.Fold"/>).</summary>
    public static string Slug(string text) => TextKeys.Fold(text);

    /// <summary>An English name for an ISO 3166-1 alpha-2 code.</summary>
    public static string CountryName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code.ToUpperInvariant();
        }
    }

    private static Dictionary<string, string> LoadVariants()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dossier.Store.name_variants.tsv");
        if (stream is null)
        {
            return map;
        }

        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Slug).ToArray();
            foreach (var w in words)
            {
                map.TryAdd(w, words[0]);
            }
        }

        return map;
    }
}
