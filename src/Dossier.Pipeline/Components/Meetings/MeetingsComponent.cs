using Dossier.Domain;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components.Meetings;

/// <summary>
/// Meetings from their mentions, in text order: a mention joins the latest meeting it is compatible with (same status;
/// formats equal, or one unknown or weak; the same city, country and a compatible date where both say), a generic one
/// ("the meeting") joins the latest meeting, any other starts a meeting; a plural mention with a list of places gives one
/// meeting per place. Then: a held meeting without a place takes the article's dateline place when it is reported in
/// that item, or "here in CITY" of a speech; an announced one without a place takes its one host country; a meeting
/// only mentioned in passing (one mention, outside the lead, no host or participant) is kept only with a date or a place.
/// </summary>
public sealed class MeetingsComponent : IPipelineComponent
{
    public string Name => "meetings";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.MeetingRoles, Layers.Datelines];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Meetings];

    private sealed class Draft
    {
        public string? Format;
        public int Strength;
        public int Priority;
        public string? City;
        public string? Country;
        public string? Date;

        /// <summary>The date came only from a title block's "CITY, DATE" line, which may be the page's date.</summary>
        public bool DateWeak;
        public bool Planned;
        public bool StatusKnown;
        public bool Virtual;
        public bool AtBuilding;
        public int Mentions;
        public int FirstSentence;
        public bool Plural;
        public bool Lead;
        public bool Previous;
        public readonly HashSet<string> FormatOk = new(StringComparer.Ordinal);
        public readonly List<string> Hosts = [];
        public readonly List<string> Participants = [];
        public readonly List<string> Rules = [];
        public readonly HashSet<int> Paragraphs = [];
    }

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var drafts = new List<Draft>();
        foreach (var m in document.MeetingMentions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (m.Excluded is not null)
            {
                continue;
            }

            if (m.Plural && m.Places.Count > 1)
            {
                foreach (var (city, country) in m.Places)
                {
                    Add(document, drafts, m, city, country);
                }

                continue;
            }

            Add(document, drafts, m, m.City, m.Country);
        }

        var placeDatelines = drafts.Count > 0 ? PlaceDatelines.Find(document) : [];
        foreach (var d in drafts)
        {
            Complete(document, d, drafts, placeDatelines);
        }

        foreach (var d in drafts)
        {
            var passing = d.Mentions == 1 && !d.Lead && d.Hosts.Count == 0 && d.Participants.Count == 0;
            if ((passing && d.Date is null && d.City is null && d.Country is null) || (d.Plural && d.City is null))
            {
                continue;
            }

            var hosts = d.Hosts.Distinct(StringComparer.Ordinal).ToList();
            document.Meetings.Add(new MeetingFact(
                d.Format ?? MeetingFormats.Other,
                d.City,
                d.Country,
                d.Date,
                hosts,
                d.Participants.Where(p => IsCountryCode(p) || !hosts.Contains(p, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList(),
                document.Sentences[d.FirstSentence].Span)
            {
                Status = d.Planned ? MeetingStatuses.Planned : MeetingStatuses.Held,
                CityKey = d.City is null ? null : document.Knowledge.CityName(d.City, d.Country),
                Rule = $"{d.Rules.FirstOrDefault() ?? "mention"}{(d.Mentions > 1 ? "+repeated" : "")}",
            });
        }
    }

    private static void Add(AnnotatedDocument document, List<Draft> drafts, MeetingMention m, string? city, string? country)
    {
        var informative = m.Format is not null || city is not null || country is not null || m.Date is not null;
        var placed = city is not null || country is not null;
        Draft? target = null;
        for (var k = drafts.Count - 1; k >= 0 && target is null && !m.Previous; k--)
        {
            var d = drafts[k];
            if (m.Generic && d.Previous)
            {
                continue; // "the meeting" is the one reported, not the one it is compared with
            }

            // "The Oslo talks", "the Rome meeting": a generic mention with a place refers to the meeting held there.
            var fits = m.Generic && placed ? SameStatus(d, m) && Same(d.City, city) && Same(d.Country, country)
                : m.Generic || !informative ? SameStatus(d, m) || m.Generic
                : Compatible(d, m, city, country);
            if (fits)
            {
                target = d;
            }
        }

        if (target is null && m.Generic && !placed && drafts.LastOrDefault(x => !x.Previous) is { } last)
        {
            target = last;
        }

        if (target is null)
        {
            if (m.Generic)
            {
                return;
            }

            target = new Draft { FirstSentence = m.Sentence, Planned = m.Planned, StatusKnown = !m.InHeadline, Plural = m.Plural, Previous = m.Previous };
            drafts.Add(target);
        }

        Merge(document, target, m, city, country);
    }

    /// <summary>Held and announced meetings are different; a headline has no tense and fits either.</summary>
    private static bool SameStatus(Draft d, MeetingMention m) => d.Planned == m.Planned || m.InHeadline || !d.StatusKnown;

    private static bool Compatible(Draft d, MeetingMention m, string? city, string? country)
    {
        if (!SameStatus(d, m))
        {
            return false;
        }

        // One of several meetings in a list of cities is not an earlier meeting without a city.
        if (m.Plural && city is not null && d.City is null && !d.Plural)
        {
            return false;
        }

        var formats = d.Format is null || m.Format is null || d.Format == m.Format || d.Strength <= 1 || m.FormatStrength <= 1 || Accepts(d, m);
        return formats && !d.Previous && Same(d.City, city) && Same(d.Country, country) && (SameDate(d.Date, m.Date) || d.DateWeak || WeakDate(m));
    }

    /// <summary>
    /// A level cue that also accepts a named body's format ("political directors": other, or the Small Group's) fits a
    /// meeting of that body: "Political directors meeting" in the headline and "the Small Group's political directors
    /// met" in the body are one meeting.
    /// </summary>
    private static bool Accepts(Draft d, MeetingMention m) =>
        (m.FormatStrength == 3 && d.Strength == 2 && d.FormatOk.Contains(m.Format!))
        || (d.Strength == 3 && m.FormatStrength == 2 && m.FormatOk.Contains(d.Format!));

    private static void Merge(AnnotatedDocument document, Draft d, MeetingMention m, string? city, string? country)
    {
        if (m.Format is not null && (d.Format is null || m.FormatStrength > d.Strength || (m.FormatStrength == d.Strength && m.FormatPriority > d.Priority)))
        {
            d.Format = m.Format;
            d.Strength = m.FormatStrength;
            d.Priority = m.FormatPriority;
            d.FormatOk.Clear();
            d.FormatOk.UnionWith(m.FormatOk);
        }

        d.City ??= city;
        d.Country ??= country;
        if (m.Date is not null && (d.Date is null || (d.DateWeak && !WeakDate(m)) || (m.Date.Length > d.Date.Length && m.Date.StartsWith(d.Date, StringComparison.Ordinal))))
        {
            d.DateWeak = WeakDate(m) && (d.Date is null || d.DateWeak);
            d.Date = m.Date;
        }

        if (!d.StatusKnown && !m.InHeadline)
        {
            d.Planned = m.Planned;
            d.StatusKnown = true;
        }

        d.Virtual |= m.Virtual;
        d.AtBuilding |= m.AtBuilding && city is null && country is null;
        d.Plural &= m.Plural;
        d.Mentions++;
        d.Paragraphs.Add(document.Sentences[m.Sentence].Paragraph);
        d.Lead |= document.Sentences[m.Sentence].Paragraph <= 2;
        d.Hosts.AddRange(m.Hosts);
        d.Participants.AddRange(m.Participants);
        d.Rules.Add(m.Rule);
    }

    private static void Complete(AnnotatedDocument document, Draft d, List<Draft> drafts, List<Dateline> placeDatelines)
    {
        if (d.Virtual || (d.AtBuilding && d.City is null && d.Country is null))
        {
            d.City = null;
            d.Country = null;
            return; // no dateline, "here in", or host country gives it a place
        }

        if (d.City is null && d.Country is null && !d.Planned)
        {
            // The item's dateline: "JORDAN, AMMAN – On February 11, the CIFG convened …" — the dateline of a paragraph the
            // meeting is reported in, else the article's first dateline for its first held meeting.
            // A dateline without a date ("OSLO (Reuters) —") only for a meeting its paragraph reports.
            var dateline = document.Datelines.FirstOrDefault(x => d.Paragraphs.Contains(x.Paragraph) && (x.City ?? x.Country) is not null)
                ?? placeDatelines.FirstOrDefault(x => d.Paragraphs.Contains(x.Paragraph))
                ?? (ReferenceEquals(d, drafts.FirstOrDefault(x => !x.Planned && !x.Previous)) ? document.Datelines.FirstOrDefault(x => x.Paragraph <= d.Paragraphs.Min() && x.Paragraph <= 3) : null);
            if (dateline is not null && (dateline.City is not null || dateline.Country is not null))
            {
                d.City = dateline.City is null ? null : Display.Name(dateline.City);
                d.Country = dateline.Country;
            }
        }
        if (!d.Virtual && d.City is null && d.Country is null && !d.Planned && ReferenceEquals(d, drafts.FirstOrDefault(x => !x.Planned && !x.Previous)) && HereIn(document) is { } here)
        {
            // Remarks at the meeting: "Thank you for joining us here in Washington", "for being here today".
            d.City = here.City;
            d.Country = here.Country;
            if (d.Date is null && here.Today && document.Published is not null)
            {
                d.Date = document.Published;
            }
        }

        if (d.City is not null)
        {
        }
        else if (d.City is null && d.Country is not null && !d.Planned)
        {
            // "MARRAKECH, Morocco, May 11 (Reuters) - … met in Morocco": the dateline's city in that country.
            var dateline = document.Datelines.Concat(placeDatelines).FirstOrDefault(x => d.Paragraphs.Contains(x.Paragraph) && x.City is not null && x.Country == d.Country);
            if (dateline is not null)
            {
                d.City = Display.Name(dateline.City!);
            }
        }
        else if (d.City is null && d.Country is null && d.Planned)
        {
            var countries = d.Hosts.Where(h => h.Length == 2 && h.All(char.IsUpper)).Distinct().ToList();
            if (countries.Count == 1)
            {
                d.Country = countries[0];
            }
        }
    }

    /// <summary>"here in CITY" in the article (a speech at the meeting), and whether "here today" is said too.</summary>
    private static (string City, string? Country, bool Today)? HereIn(AnnotatedDocument document)
    {
        var tokens = document.Tokens;
        var today = false;
        (string, string?, bool)? found = null;
        for (var k = 0; k + 2 < tokens.Count; k++)
        {
            if (tokens[k].Norm != "here")
            {
                continue;
            }

            today |= tokens[k + 1].Norm == "today";
            if (found is null && tokens[k + 1].Norm == "in")
            {
                var e = document.Entities.FirstOrDefault(x => x.TokenStart == k + 2 && x.Entry.Kind is Knowledge.EntityKind.City or Knowledge.EntityKind.Capital);
                if (e is not null)
                {
                    found = (Display.Name(document.Slice(e.Start, e.End)), e.Entry.Country, false);
                }
            }
        }

        return found is { } f ? (f.Item1, f.Item2, today) : null;
    }

    private static bool IsCountryCode(string r) => r.Length == 2 && r.All(char.IsUpper);

    private static bool Same(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The store's rule for one day (<see cref="MeetingIdentity"/>), with an unknown date fitting any.</summary>
    /// <summary>
    /// A headline's date from the title block's "CITY, DATE" line ("Small Group convenes in Lisbon / LISBON, 17 May 2023"):
    /// the body's own date of the meeting ("met on Tuesday") wins over it.
    /// </summary>
    private static bool WeakDate(MeetingMention m) => m.Date is not null && m.DateRule == "date.title_block" && m.InHeadline;

    private static bool SameDate(string? a, string? b) => MeetingIdentity.SameDayInArticle(a, b);
}
