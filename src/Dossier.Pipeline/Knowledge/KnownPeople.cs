using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Pipeline.Knowledge;

/// <summary>
/// The table of well-known officials (<c>people.tsv</c>: canonical name, aliases, country, roles, distinctive
/// surname), indexed by the <see cref="PersonNameKey"/> of every name and alias of two or more words, and by surname
/// (the last part of each, not a father's name after bin; a one-part alias too). A key two people share names neither of them.
/// </summary>
public sealed partial class KnownPeople
{
    private readonly Dictionary<string, KnownPerson?> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KnownPerson>> _bySurname = new(StringComparer.Ordinal);
    private readonly List<KnownPerson> _all = [];
    private readonly List<string> _sharedKeys = [];

    public IReadOnlyList<KnownPerson> All => _all;

    /// <summary>Name keys that two table people share (and so name neither).</summary>
    public IReadOnlyList<string> SharedKeys => _sharedKeys;

    /// <summary>Every surname key, for near-spelling look-ups.</summary>
    public IEnumerable<string> Surnames => _bySurname.Keys;

    /// <summary>Every full-name key that names one person, for near-spelling look-ups.</summary>
    public IEnumerable<KeyValuePair<string, KnownPerson>> Names =>
        _byName.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, KnownPerson>(kv.Key, kv.Value!));

    [GeneratedRegex(@"\((\d{4})\s*(?:[–-]\s*(\d{4})?)?\)\s*$")]
    private static partial Regex Years();

    /// <summary>Reads the rows of <c>people.tsv</c>; throws naming the row when one is malformed.</summary>
    public static KnownPeople Load(IEnumerable<string[]> rows, RoleWords roleWords, Func<string, string> variant, IReadOnlySet<string> particles)
    {
        var table = new KnownPeople();
        foreach (var r in rows)
        {
            var person = Parse(r, roleWords);
            table._all.Add(person);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var surnames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var form in person.Aliases.Prepend(person.Name))
            {
                var parts = PersonNameKey.Parts(form, variant);
                var key = PersonNameKey.Full(parts);
                if (PersonNameKey.WordCount(key) >= 2)
                {
                    keys.Add(key);
                }

                // The last part is a surname unless it is a father's name (Tamim bin Hamad); a one-part alias is a name
                // the person goes by after a title (King Salman, Emir Tamim, Prime Minister Kadhimi).
                if (PersonNameKey.LastPart(parts) is { } surname && !(parts.Count >= 3 && parts[^2] is ["bin" or "bint"]))
                {
                    surnames.Add(surname);
                }
                else if (parts.Count >= 1 && PersonNameKey.SurnameOnly(parts, particles) is { } alone)
                {
                    surnames.Add(alone);
                }
            }

            foreach (var key in keys)
            {
                if (table._byName.TryGetValue(key, out var other) && !ReferenceEquals(other, person))
                {
                    table._byName[key] = null;
                    table._sharedKeys.Add(key);
                }
                else
                {
                    table._byName[key] = person;
                }
            }

            foreach (var surname in surnames)
            {
                if (!table._bySurname.TryGetValue(surname, out var list))
                {
                    table._bySurname[surname] = list = [];
                }

                list.Add(person);
            }
        }

        return table;
    }

    private Dictionary<string, List<(string Last, KnownPerson Person)>>? _byFirstWords;
    private Dictionary<char, List<string>>? _surnamesByInitial;

    /// <summary>
    /// The one-person full names that have these first words, with their last word (for near spellings of a surname:
    /// "harjit saijan" looks among the names starting "harjit"). Built once, on first use.
    /// </summary>
    public IReadOnlyList<(string Last, KnownPerson Person)> NamesStartingWith(string firstWords)
    {
        var index = _byFirstWords ??= BuildFirstWords();
        return index.TryGetValue(firstWords, out var list) ? list : [];
    }

    /// <summary>The surname keys that start with this letter (near spellings keep the first letter).</summary>
    public IReadOnlyList<string> SurnamesStartingWith(char initial)
    {
        var index = _surnamesByInitial ??= _bySurname.Keys.Where(k => k.Length > 0).GroupBy(k => k[0]).ToDictionary(g => g.Key, g => g.ToList());
        return index.TryGetValue(initial, out var list) ? list : [];
    }

    private Dictionary<string, List<(string, KnownPerson)>> BuildFirstWords()
    {
        var index = new Dictionary<string, List<(string, KnownPerson)>>(StringComparer.Ordinal);
        foreach (var (key, person) in Names)
        {
            var cut = key.LastIndexOf(' ');
            if (cut <= 0)
            {
                continue;
            }

            if (!index.TryGetValue(key[..cut], out var list))
            {
                index[key[..cut]] = list = [];
            }

            list.Add((key[(cut + 1)..], person));
        }

        return index;
    }

    /// <summary>The one person with this full-name key, or null (none, or shared).</summary>
    public KnownPerson? ByName(string key) => _byName.GetValueOrDefault(key);

    /// <summary>The people with this surname key (distinctive or not).</summary>
    public IReadOnlyList<KnownPerson> WithSurname(string surname) => _bySurname.TryGetValue(surname, out var list) ? list : [];

    private static KnownPerson Parse(string[] r, RoleWords roleWords)
    {
        var row = string.Join('\t', r);
        if (r.Length != 5 || r[0].Trim().Length == 0)
        {
            throw new FormatException($"people.tsv: '{row}' is not name <TAB> aliases <TAB> country <TAB> roles <TAB> yes|no");
        }

        var country = r[2].Trim();
        if (country.Length != 0 && !(country.Length == 2 && country.All(char.IsAsciiLetterUpper)))
        {
            throw new FormatException($"people.tsv: '{row}': the country is not an ISO alpha-2 code");
        }

        var distinctive = r[4].Trim() switch
        {
            "yes" => true,
            "no" => false,
            _ => throw new FormatException($"people.tsv: '{row}': the last column is not yes or no"),
        };
        var roles = new List<KnownRole>();
        foreach (var text in Split(r[3]))
        {
            var years = Years().Match(text);
            int? from = years.Success ? int.Parse(years.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            int? to = !years.Success ? null : years.Groups[2].Success ? int.Parse(years.Groups[2].Value, CultureInfo.InvariantCulture)
                : years.Value.Contains('–', StringComparison.Ordinal) || years.Value.Contains('-', StringComparison.Ordinal) ? null : from;
            roles.Add(new KnownRole(text, roleWords.Keys(years.Success ? text[..years.Index] : text), from, to));
        }

        return new KnownPerson(r[0].Trim(), Split(r[1]), country.Length == 0 ? null : country, roles, distinctive);
    }

    private static List<string> Split(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
