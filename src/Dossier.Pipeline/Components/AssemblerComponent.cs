using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Turns the annotation layers into <see cref="DocumentFacts"/>: countries (every mention that refers to a
/// country), people and organizations with their mentions merged, and the facts other components found.
/// Mentions inside boilerplate segments are left out.
/// </summary>
public sealed class AssemblerComponent(string version) : IPipelineComponent
{
    public string Name => "assembler";

    public IReadOnlyCollection<string> Requires { get; } =
        [Layers.Published, Layers.Datelines, Layers.Entities, Layers.People, Layers.Meetings, Layers.Membership, Layers.Money, Layers.Quotes, Layers.Attacks, Layers.Relevance];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Facts];

    /// <summary>
    /// A news outlet credited as the source, not reported on: inside a dateline ("(WAM) --"), opening the text
    /// ("Shafaq News/ …"), or alone on a byline line ("BBC News").
    /// </summary>
    private static bool IsSourceCredit(AnnotatedDocument document, EntityMention e)
    {
        if (e.Entry.OrgKind != "media")
        {
            return false;
        }

        if (document.Datelines.Any(d => d.Start <= e.Start && e.End <= d.End))
        {
            return true;
        }

        var tokens = document.Tokens;
        var p = document.Paragraphs[document.Sentences[e.Sentence].Paragraph];
        if (e.TokenStart == p.TokenStart && (e.TokenEnd == p.TokenEnd || tokens[e.TokenEnd].Norm is "/" or ":" or "-" or "|"))
        {
            return true;
        }

        // "ERBIL (Kurdistan24) –": an agency in parentheses at the head of a paragraph.
        return e.TokenStart > p.TokenStart && e.TokenStart - p.TokenStart <= 8 && tokens[e.TokenStart - 1].Norm == "("
            && e.TokenEnd < p.TokenEnd && tokens[e.TokenEnd].Norm == ")";
    }

    /// <summary>
    /// The rule of a country or organization: how its first mention was written (a name, demonym, capital, abbreviation;
    /// an organization of the table by its kind, or one the text defined).
    /// </summary>
    private static string Rule(string kind, EntityMention e) =>
        $"{kind}.{(e.Entry.Kind == EntityKind.Organization ? e.Entry.OrgKind ?? "body" : e.Entry.Kind.ToString().ToLowerInvariant())}";

    /// <summary>
    /// The rule of a person: a known official (people.tsv), a name with a title or rank beside it, or a name alone; a
    /// person mentioned once is told apart from one named again.
    /// </summary>
    private static string PersonRule(AnnotatedDocument document, PersonEntity p)
    {
        var key = PersonNameKey.Full(PersonNameKey.Parts(p.Name, document.Knowledge.NameKey));
        var evidence = document.Knowledge.KnownPeople.ByName(key) is not null ? "known"
            : p.Mentions.Any(m => m.TitleBefore is not null || m.TitleAfter is not null || m.Rank is not null) ? "titled"
            : "name";
        return $"person.{evidence}{(p.Mentions.Count > 1 ? "+repeated" : "")}";
    }

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var personTokens = new HashSet<int>();
        foreach (var m in document.PersonMentions)
        {
            for (var k = m.TokenStart; k < m.TokenEnd; k++)
            {
                personTokens.Add(k);
            }
        }

        var countryRules = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = new Dictionary<string, List<TextSpan>>(StringComparer.Ordinal);
        var countryOrder = new List<string>();
        var orgs = new Dictionary<string, (string Name, List<string> Aliases, List<TextSpan> Spans, string Rule)>(StringComparer.Ordinal);
        var orgOrder = new List<string>();
        foreach (var e in document.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (document.Sentences[e.Sentence].IsBoilerplate || personTokens.Contains(e.TokenStart))
            {
                continue;
            }

            if (e.CountryRef is { } code)
            {
                if (!countries.TryGetValue(code, out var spans))
                {
                    countries[code] = spans = [];
                    countryOrder.Add(code);
                    countryRules[code] = Rule("country", e);
                }

                spans.Add(e.Span);
            }
            else if (e.Entry.Kind == EntityKind.Organization && e.Confirmed && !IsSourceCredit(document, e))
            {
                if (!orgs.TryGetValue(e.Entry.Id, out var org))
                {
                    orgs[e.Entry.Id] = org = (e.Entry.Canonical, [], [], Rule("organization", e));
                    orgOrder.Add(e.Entry.Id);
                }

                var surface = document.Slice(e.Start, e.End);
                if (!string.Equals(surface, org.Name, StringComparison.Ordinal) && !org.Aliases.Contains(surface, StringComparer.Ordinal))
                {
                    org.Aliases.Add(surface);
                }

                org.Spans.Add(e.Span);
            }
        }

        var people = document.People
            .Where(p => p.Mentions.Count > 0)
            .Select(p => new PersonFact(p.Name, p.Aliases.ToList(), p.Title, p.Country, p.Mentions.Select(m => new TextSpan(m.Start, m.End)).ToList())
            {
                Rule = PersonRule(document, p),
            })
            .ToList();

        document.Facts = new DocumentFacts
        {
            Doc = document.Request.DocId,
            Published = document.Published,
            Relevant = document.Relevant,
            Countries = countryOrder.Select(c => new CountryFact(c, countries[c]) { Rule = countryRules[c] }).ToList(),
            People = people,
            Organizations = orgOrder.Select(id => new OrganizationFact(orgs[id].Name, orgs[id].Aliases, orgs[id].Spans) { Rule = orgs[id].Rule }).ToList(),
            Meetings = document.Meetings.ToList(),
            MemberCounts = document.MemberCounts.ToList(),
            NewMembers = document.NewMembers.ToList(),
            Money = document.Money.ToList(),
            Quotes = document.Quotes.ToList(),
            AttackStats = document.AttackStats.ToList(),
            ExtractorVersion = version,
        };
    }
}
