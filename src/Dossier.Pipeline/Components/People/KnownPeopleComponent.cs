using System.Globalization;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components.People;

/// <summary>
/// Well-known officials (<c>people.tsv</c>) get their usual full spelling and their country. A person is one of them
/// when (1) a full form of its name (two or more words, compared by <see cref="PersonNameKey"/>; a longer patronymic
/// form "Faisal bin Farhan bin Abdullah" too) is a name or alias of the table; or (2) it is known only by a surname
/// that exactly one table person with a fitting office has, and that person's surname is distinctive (Prime Minister
/// Kadhimi; not Foreign Minister Hussein for a president Hussein); or (3) its surname is one letter off (two, with the
/// same first name) a table name and a title fits (Secretary of State Antony Blinkin). When several people fit a title,
/// the one holding the office in the article's year wins. The name becomes the canonical one, every text form stays an
/// alias, two people of the article found to be one table person are merged, and the table's country is set when the
/// person has none (person-attributes keeps it unless the text names another).
/// </summary>
public sealed class KnownPeopleComponent : IPipelineComponent
{
    public string Name => "known-people";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.People, Layers.Titles, Layers.Published];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.KnownPeople];

    /// <summary>The shortest surname compared by spelling distance, for one letter and for two.</summary>
    private const int NearOneLength = 5;
    private const int NearTwoLength = 6;

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var year = Year(document.Published);
        var found = new Dictionary<KnownPerson, PersonEntity>(ReferenceEqualityComparer.Instance);
        foreach (var person in document.People.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Identify(document, person, year) is not { } known)
            {
                continue;
            }

            if (found.TryGetValue(known, out var first))
            {
                Merge(document, first, person);
                Apply(first, known);
            }
            else
            {
                found[known] = person;
                Apply(person, known);
            }
        }
    }

    private static KnownPerson? Identify(AnnotatedDocument document, PersonEntity person, int? year)
    {
        var kb = document.Knowledge;
        var table = kb.KnownPeople;
        // A person is mostly mentioned by the same few forms ("Blinken" again and again): each form's parts are made once.
        var partsOf = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        var mentionParts = new List<List<string[]>>(person.Mentions.Count);
        foreach (var m in person.Mentions)
        {
            var form = document.TokenRangeText(m.TokenStart, m.TokenEnd);
            if (!partsOf.TryGetValue(form, out var parts))
            {
                partsOf[form] = parts = PersonNameKey.Parts(form, kb.NameKey);
            }

            mentionParts.Add(parts);
        }

        var fullKeys = person.Aliases.Prepend(person.Name)
            .Select(form => PersonNameKey.Full(PersonNameKey.Parts(form, kb.NameKey)))
            .Concat(mentionParts.Select(PersonNameKey.Full))
            .Where(k => PersonNameKey.WordCount(k) >= 2)
            .ToHashSet(StringComparer.Ordinal);

        // (1) A full form in the table.
        KnownPerson? named = null;
        foreach (var key in fullKeys)
        {
            if (ByName(table, key) is { } p)
            {
                if (named is not null && !ReferenceEquals(named, p))
                {
                    return null;
                }

                named = p;
            }
        }

        if (named is not null)
        {
            return named;
        }

        var offices = Offices(document, person);
        if (offices.Count == 0)
        {
            return null;
        }

        // (2) Only a surname: a distinctive one, with a fitting office.
        var surnames = mentionParts.Select(p => PersonNameKey.SurnameOnly(p, kb.Particles)).ToList();
        if (surnames.Count > 0 && surnames.All(s => s is not null))
        {
            var surname = surnames.Distinct(StringComparer.Ordinal).Count() == 1 ? surnames[0]! : null;
            if (surname is null)
            {
                return null;
            }

            var exact = table.WithSurname(surname);
            IReadOnlyList<KnownPerson> candidates = exact.Count > 0
                ? exact
                : surname.Length == 0 ? [] : table.SurnamesStartingWith(surname[0]).Where(s => Near(surname, s, false)).SelectMany(table.WithSurname).Distinct().ToList();
            return Pick(kb.RoleWords, candidates, offices, year, requireDistinctive: true);
        }

        // (3) A full form one letter off a table name (two, for a longer surname), with a fitting office.
        var near = new List<KnownPerson>();
        foreach (var key in fullKeys)
        {
            var cut = key.LastIndexOf(' ');
            foreach (var (last, p) in table.NamesStartingWith(key[..cut]))
            {
                if (Near(key[(cut + 1)..], last, true) && !near.Contains(p))
                {
                    near.Add(p);
                }
            }
        }

        return Pick(kb.RoleWords, near, offices, year, requireDistinctive: false);
    }

    /// <summary>The person named by a full key, or by its shorter patronymic form (faisal bin farhan bin abdullah → faisal bin farhan).</summary>
    private static KnownPerson? ByName(KnownPeople table, string key)
    {
        if (table.ByName(key) is { } p)
        {
            return p;
        }

        var words = key.Split(' ');
        for (var i = words.Length - 2; i >= 3; i--)
        {
            if (words[i] is "bin" or "bint" && table.ByName(string.Join(' ', words[..i])) is { } shorter)
            {
                return shorter;
            }
        }

        return null;
    }

    /// <summary>The one candidate an office of the person fits (by the article's year when several do), or null.</summary>
    private static KnownPerson? Pick(RoleWords roles, IReadOnlyList<KnownPerson> candidates, List<(HashSet<string> Keys, string? Country)> offices, int? year, bool requireDistinctive)
    {
        var fitting = candidates.Where(c => c.Roles.Any(r => offices.Any(o => Fits(roles, o, c, r)))).ToList();
        if (fitting.Count > 1 && year is { } y)
        {
            fitting = fitting.Where(c => c.Roles.Any(r => r.HeldIn(y) && offices.Any(o => Fits(roles, o, c, r)))).ToList();
        }

        return fitting.Count == 1 && (fitting[0].Distinctive || !requireDistinctive) ? fitting[0] : null;
    }

    private static bool Fits(RoleWords roles, (HashSet<string> Keys, string? Country) office, KnownPerson person, KnownRole role) =>
        (office.Country is null || person.Country is null || office.Country == person.Country) && roles.Fits(office.Keys, role.Keys);

    /// <summary>The offices of a person's titles and ranks (before or after a mention, relational words left out), with the country a title names.</summary>
    private static List<(HashSet<string> Keys, string? Country)> Offices(AnnotatedDocument document, PersonEntity person)
    {
        var roles = document.Knowledge.RoleWords;
        var result = new List<(HashSet<string>, string?)>();
        foreach (var m in person.Mentions)
        {
            foreach (var t in new[] { m.TitleBefore, m.TitleAfter })
            {
                if (t is { Relational: false })
                {
                    result.AddRange(roles.Offices(document.TokenRangeText(t.TokenStart, t.TokenEnd)).Select(keys => (keys, t.Country)));
                }
            }

            if (m.Rank is { InTitle: true } rank)
            {
                result.AddRange(roles.Offices(rank.Normal).Select(keys => (keys, (string?)null)));
            }
        }

        return result;
    }

    /// <summary>Two surname keys one letter apart (two, when <paramref name="allowTwo"/> and both are long), with the same first letter.</summary>
    private static bool Near(string a, string b, bool allowTwo)
    {
        if (a == b || a.Length == 0 || b.Length == 0 || a[0] != b[0] || Math.Min(a.Length, b.Length) < NearOneLength)
        {
            return false;
        }

        var distance = Quickenshtein.Levenshtein.GetDistance(a, b);
        return distance == 1 || (allowTwo && distance == 2 && Math.Min(a.Length, b.Length) >= NearTwoLength);
    }

    /// <summary>The canonical name (the text's forms kept as aliases) and, when the person has none, the table's country.</summary>
    private static void Apply(PersonEntity person, KnownPerson known)
    {
        if (!string.Equals(person.Name, known.Name, StringComparison.Ordinal))
        {
            var written = person.Name;
            person.Name = known.Name;
            AddAlias(person, written);
        }

        person.Aliases.RemoveAll(a => string.Equals(a, known.Name, StringComparison.Ordinal));
        person.Country ??= known.Country;
    }

    /// <summary>Moves the mentions, names and keys of <paramref name="other"/> to <paramref name="target"/>.</summary>
    private static void Merge(AnnotatedDocument document, PersonEntity target, PersonEntity other)
    {
        foreach (var m in other.Mentions)
        {
            m.Person = target;
            target.Mentions.Add(m);
        }

        target.Mentions.Sort((a, b) => a.TokenStart.CompareTo(b.TokenStart));
        foreach (var alias in other.Aliases.Prepend(other.Name))
        {
            AddAlias(target, alias);
        }

        target.NameKeys.AddRange(other.NameKeys.Where(k => !target.NameKeys.Contains(k)));
        target.Country ??= other.Country;
        document.People.Remove(other);
    }

    private static void AddAlias(PersonEntity person, string alias)
    {
        if (alias.Length > 0 && !string.Equals(alias, person.Name, StringComparison.Ordinal) && !person.Aliases.Contains(alias, StringComparer.Ordinal))
        {
            person.Aliases.Add(alias);
        }
    }

    private static int? Year(string? published) =>
        published is { Length: >= 4 } && int.TryParse(published.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
}
