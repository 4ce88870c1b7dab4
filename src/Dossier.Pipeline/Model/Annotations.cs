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
    public const string People = "people";
    public const string Dates = "dates";
    public const string Numbers = "numbers";
    public const string Money = "money";
    public const string Meetings = "meetings";
    public const string MemberCounts = "member_counts";
    public const string NewMembers = "new_members";

    /// <summary>Member counts and new members, both (provided once both are found).</summary>
    public const string Membership = "membership";
    public const string Quotes = "quotes";
    public const string Attacks = "attacks";
    public const string Relevance = "relevance";
    public const string Facts = "facts";
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

    /// <summary>For a weak organization alias: whether context confirmed it.</summary>
    public bool Confirmed { get; set; } = true;

    public TextSpan Span => new(Start, End);
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
    public int TokenStart { get; } = tokenStart;
    public int TokenEnd { get; } = tokenEnd;
    public int Start { get; } = start;
    public int End { get; } = end;
    public PersonEntity Person { get; } = person;
    public int Sentence { get; } = sentence;
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
