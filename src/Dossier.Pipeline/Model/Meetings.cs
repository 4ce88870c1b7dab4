namespace Dossier.Pipeline.Model;

/// <summary>
/// One mention of a meeting: a noun phrase ("the December 3 Coalition Ministerial in Brussels", "a meeting of the
/// coalition's political directors") or a clause with a meeting verb ("Ministers of the Global Coalition met in Rome").
/// The meeting components fill it step by step; the last one merges mentions into meetings.
/// </summary>
public sealed class MeetingMention(int trigger, int start, int end, int sentence)
{
    /// <summary>The head noun or the verb.</summary>
    public int Trigger { get; } = trigger;

    /// <summary>The noun phrase, or for a verb its subject and the verb: the range format cues are read from.</summary>
    public int Start { get; set; } = start;

    public int End { get; set; } = end;

    public int Sentence { get; } = sentence;

    /// <summary>The end of the trigger's clause: slots (date, place) are looked for up to here.</summary>
    public int ClauseEnd { get; set; }

    public bool Verbal { get; init; }

    /// <summary>"meetings": a plural mention (a list of cities gives one meeting each).</summary>
    public bool Plural { get; init; }

    /// <summary>"the meeting", "this meeting": no cue of its own; it refers to a meeting already mentioned.</summary>
    public bool Generic { get; set; }

    /// <summary>The mention is tied to the Global Coalition or one of its bodies.</summary>
    public bool Linked { get; set; }

    /// <summary>Not a coalition meeting: another body's, bilateral talks, a press conference, habitual meetings.</summary>
    public string? Excluded { get; set; }

    public string? Format { get; set; }

    /// <summary>How much the format cue says: body (a named body) 3, level 2, weak 1, none 0.</summary>
    public int FormatStrength { get; set; }

    public int FormatPriority { get; set; }

    public string? FormatRule { get; set; }

    /// <summary>Other formats the format cue accepts ("political directors": other, or the Small Group's).</summary>
    public IReadOnlyList<string> FormatOk { get; set; } = [];

    /// <summary>
    /// A meeting held before the one reported ("since we last met in Oslo", "the first since Kuwait last year"): it is a
    /// meeting of its own, and "the meeting" later never refers to it.
    /// </summary>
    public bool Previous { get; set; }

    public bool Planned { get; set; }

    /// <summary>In a title-case headline: no tense, so neither held nor announced until another mention says.</summary>
    public bool InHeadline { get; set; }

    public bool Virtual { get; set; }

    /// <summary>Placed only by a building ("at the State Department", "at NATO headquarters"): no city or country.</summary>
    public bool AtBuilding { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    /// <summary>For a plural mention: every place listed ("meetings, which took place in Abuja and Niamey").</summary>
    public List<(string? City, string? Country)> Places { get; } = [];

    public string? Date { get; set; }

    /// <summary>Which rule gave the date (for the meeting's confidence and error analysis).</summary>
    public string? DateRule { get; set; }

    public List<string> Hosts { get; } = [];

    public List<string> Participants { get; } = [];

    /// <summary>The pattern or step that made this a mention.</summary>
    public string Rule { get; set; } = "";
}
