using Dossier.Domain;
using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Model;

/// <summary>Names of the annotation layers components read and add.</summary>
public static class Layers
{
    public const string Text = "text";
    public const string Paragraphs = "paragraphs";
    public const string Sentences = "sentences";
    public const string Tokens = "tokens";
    public const string Boilerplate = "boilerplate";
    public const string Published = "published";
    public const string Datelines = "datelines";
    public const string Entities = "entities";
    public const string Organizations = "organizations";
    public const string CoalitionReferences = "coalition-references";
    public const string People = "people";
    public const string Titles = "titles";
    public const string PersonNames = "person-names";
    public const string KnownPeople = "known-people";
    public const string PersonAttributes = "person-attributes";
    public const string Dates = "dates";
    public const string Numbers = "numbers";
    public const string Money = "money";
    public const string Meetings = "meetings";
    public const string MeetingMentions = "meeting-mentions";
    public const string MeetingSlots = "meeting-slots";
    public const string MeetingRoles = "meeting-roles";
    public const string MemberCounts = "member_counts";
    public const string NewMembers = "new_members";

    /// <summary>Member counts and new members, both (provided once both are found).</summary>
    public const string Membership = "membership";
    public const string QuoteSpans = "quote-spans";
    public const string Quotes = "quotes";
    public const string Attacks = "attacks";
    public const string Relevance = "relevance";
    public const string Facts = "facts";
    public const string Confidence = "confidence";
}

/// <summary>A paragraph or a sentence: a character range and the tokens in it.</summary>
public sealed class Segment(int index, int start, int end, int tokenStart, int tokenEnd)
{
    public int Index { get; } = index;
    public int Start { get; } = start;
    public int End { get; } = end;
    public int TokenStart { get; } = tokenStart;
    public int TokenEnd { get; set; } = tokenEnd;

    /// <summary>For a sentence: the paragraph it is in.</summary>
    public int Paragraph { get; init; }

    /// <summary>Navigation, cookie notice, byline, or an off-topic item of a feed.</summary>
    public bool IsBoilerplate { get; set; }

    /// <summary>For a boilerplate paragraph: the kind of its cue (cookie, feed, nav, byline, menu, off-topic).</summary>
    public string? BoilerplateKind { get; set; }

    public TextSpan Span => new(Start, End);
}

/// <summary>A mention of a gazetteer entry (place, region, organization).</summary>
public sealed class EntityMention(int tokenStart, int tokenEnd, int start, int end, GazetteerEntry entry, int sentence)
{
    public int TokenStart { get; } = tokenStart;
    public int TokenEnd { get; } = tokenEnd;
    public int Start { get; } = start;
    public int End { get; } = end;
    public GazetteerEntry Entry { get; } = entry;
    public int Sentence { get; } = sentence;

    /// <summary>The ISO code of the country this mention refers to as a country (null: it does not).</summary>
    public string? CountryRef { get; set; }

    /// <summary>Named inside another organization's name (Daesh in "Global Coalition against Daesh").</summary>
    public bool Nested { get; init; }

    /// <summary>For a weak organization alias: whether context confirmed it.</summary>
    public bool Confirmed { get; set; } = true;

    public TextSpan Span => new(Start, End);
}

/// <summary>
/// A title or office phrase ("U.S. Secretary of State", "the acting US special envoy for the Global Coalition",
/// "Iraq's Foreign Minister", "Director of the Policy Planning Department (PPD)"), found around a head word.
/// </summary>
public sealed class TitleMention(int tokenStart, int tokenEnd, int head, int sentence)
{
    public int TokenStart { get; } = tokenStart;
    public int TokenEnd { get; } = tokenEnd;

    /// <summary>The head word's token (Minister, Envoy, spokesman).</summary>
    public int Head { get; } = head;

    public int Sentence { get; } = sentence;

    /// <summary>The head is a plural (Defence Ministers): it may stand before a list of names.</summary>
    public bool Plural { get; init; }

    /// <summary>The head is a relational word (counterpart, colleague): a cue for a name, not an office.</summary>
    public bool Relational { get; init; }

    /// <summary>The country the phrase names (U.S. Secretary of State, Iraq's Foreign Minister, Saudi …), if any.</summary>
    public string? Country { get; set; }
}

/// <summary>What makes a run of name words a person's name.</summary>
[Flags]
public enum NameCues
{
    None = 0,

    /// <summary>A title phrase right before it (Secretary of State Antony Blinken).</summary>
    TitleBefore = 1,

    /// <summary>A title phrase in apposition after it (Jassim Mohamed, Director of …).</summary>
    TitleAfter = 2,

    /// <summary>A rank or honorific before it (Ambassador, Maj.-Gen., Prince, Ms.).</summary>
    Rank = 4,

    /// <summary>Its first word is a known given name (Nadia, Kwame, Jean-Yves).</summary>
    GivenName = 8,

    /// <summary>It has the shape of an Arabic name: Abu/bin/ibn/al- between name words (Abu Bakr al-Baghdadi).</summary>
    ArabicShape = 16,

    /// <summary>A speech verb right after or before it (X said, said X), or ", who".</summary>
    Speech = 32,

    /// <summary>A relational word before it (his counterpart X).</summary>
    Relation = 64,
}

/// <summary>A run of name words the name finder kept, with the cues around it; the coreference step makes people of them.</summary>
public sealed class NameCandidate(int tokenStart, int tokenEnd, int sentence, int words)
{
    public int TokenStart { get; } = tokenStart;
    public int TokenEnd { get; } = tokenEnd;
    public int Sentence { get; } = sentence;

    /// <summary>Name words in the run (particles and initials included, punctuation not).</summary>
    public int Words { get; } = words;

    public NameCues Cues { get; set; }

    public TitleMention? TitleBefore { get; set; }
    public TitleMention? TitleAfter { get; set; }
    public RankEntry? Rank { get; set; }
    public int RankStart { get; set; } = -1;

    /// <summary>In a title-case headline: a person only if named so elsewhere.</summary>
    public bool InHeadline { get; init; }
}

/// <summary>A person: mentions merged, with the title and country found around them.</summary>
public sealed class PersonEntity(string name)
{
    public string Name { get; set; } = name;
    public List<string> Aliases { get; } = [];
    public string? Title { get; set; }
    public string? Country { get; set; }
    public List<PersonMention> Mentions { get; } = [];
    public List<string> NameKeys { get; } = [];
}

public sealed class PersonMention(int tokenStart, int tokenEnd, int start, int end, PersonEntity person, int sentence)
{
    /// <summary>The title phrase right before the name (with a rank or a comma between at most), if any.</summary>
    public TitleMention? TitleBefore { get; set; }

    /// <summary>The title phrase in apposition after the name (", Director of …", "– Head of …"), if any.</summary>
    public TitleMention? TitleAfter { get; set; }

    /// <summary>A rank or honorific right before the name (Ambassador, Maj.-Gen., Prince), if any.</summary>
    public RankEntry? Rank { get; set; }

    /// <summary>Token where the rank starts (for "Prince Faisal"-style aliases), or -1.</summary>
    public int RankStart { get; set; } = -1;

    public int TokenStart { get; } = tokenStart;
    public int TokenEnd { get; } = tokenEnd;
    public int Start { get; } = start;
    public int End { get; } = end;
    public PersonEntity Person { get; set; } = person;
    public int Sentence { get; } = sentence;
}

/// <summary>
/// A quotation in quotation marks: the quoted text (marks excluded, white space trimmed) and the tokens from the opening
/// mark to the closing one. A quotation left open at the end of its paragraph runs to that end; the next paragraph's
/// quotation then <see cref="Continues"/> it (a quotation over several paragraphs, each opening with a mark).
/// </summary>
public sealed class QuoteSpan(int start, int end, int tokenStart, int tokenEnd, int paragraph)
{
    /// <summary>Start of the quoted text (after the opening mark).</summary>
    public int Start { get; } = start;

    /// <summary>End of the quoted text (before the closing mark, or the paragraph's end).</summary>
    public int End { get; } = end;

    /// <summary>The opening mark's token.</summary>
    public int TokenStart { get; } = tokenStart;

    /// <summary>After the closing mark's token (or the paragraph's last token when the quotation is left open).</summary>
    public int TokenEnd { get; } = tokenEnd;

    public int Paragraph { get; } = paragraph;

    /// <summary>The quotation has a closing mark in its paragraph.</summary>
    public bool Closed { get; init; }

    /// <summary>It opens a paragraph and carries on a quotation the previous paragraph left open.</summary>
    public bool Continues { get; init; }

    /// <summary>Words (runs of letters or digits) in the quoted text.</summary>
    public int Words { get; init; }

    /// <summary>Fewer than three words (“quick fixes”): a quotation only when its own sentence attributes it.</summary>
    public bool Short => Words < 3;

    public TextSpan Span => new(Start, End);
}

/// <summary>A date expression, resolved as far as the text allows (FORMAT.md date forms) or null.</summary>
public sealed class DateMention(int tokenStart, int tokenEnd, int start, int end, string? value, int sentence)
{
    public int TokenStart { get; } = tokenStart;
    public int TokenEnd { get; } = tokenEnd;
    public int Start { get; } = start;
    public int End { get; } = end;
    public string? Value { get; set; } = value;
    public int Sentence { get; } = sentence;

    /// <summary>A relative expression pointing forward (next week, later this year).</summary>
    public bool Future { get; init; }

    /// <summary>Only a year (in 2014): weaker evidence for dating an event.</summary>
    public bool YearOnly { get; init; }

    /// <summary>The value does not depend on a reference date (9 February 2026, September 2014, 2014).</summary>
    public bool Absolute { get; init; }

    /// <summary>The month stated or resolved (null for a year, or a relative date with no reference).</summary>
    public int? Month { get; init; }

    /// <summary>The day of the month stated or resolved.</summary>
    public int? Day { get; init; }

    /// <summary>The year is not written (on May 7, on Wednesday, in March): it comes from the reference date.</summary>
    public bool YearInferred { get; init; }

    /// <summary>A range of days (12–13 May, from June 6 to June 8); the value is its first day.</summary>
    public bool IsRange { get; init; }

    /// <summary>The value read as a held date: the most recent such date on or before the reference.</summary>
    public string? PastValue { get; init; }

    /// <summary>The value read as an announced date: the next such date on or after the reference.</summary>
    public string? FutureValue { get; init; }

    /// <summary>
    /// The value for a held (<paramref name="future"/> false) or an announced meeting: the two readings differ only
    /// for a date whose year or day comes from the reference (a year-less date, a month, a weekday).
    /// </summary>
    public string? Resolve(bool future) => future ? FutureValue : PastValue;
}

/// <summary>A number (digits or words), with its qualifier and currency when it is an amount of money.</summary>
public sealed class NumberMention(int tokenStart, int tokenEnd, int start, int end, decimal value, int sentence)
{
    public int TokenStart { get; set; } = tokenStart;
    public int TokenEnd { get; set; } = tokenEnd;
    public int Start { get; set; } = start;
    public int End { get; set; } = end;
    public decimal Value { get; set; } = value;
    public int Sentence { get; } = sentence;
    public bool Ordinal { get; init; }
    public bool IsWord { get; init; }
    public string Qualifier { get; set; } = Dossier.Domain.Qualifiers.Exact;
    public string? Currency { get; set; }
    public bool Percent { get; set; }

    /// <summary>Followed by "-member" (an 83-member coalition).</summary>
    public bool MemberCompound { get; set; }

    public TextSpan Span => new(Start, End);
}

/// <summary>A dateline ("ABU DHABI, 24th November, 2022 (WAM) --") at the start of a paragraph.</summary>
public sealed record Dateline(int Paragraph, int Start, int End, string? City, string? Country, string? Date);
