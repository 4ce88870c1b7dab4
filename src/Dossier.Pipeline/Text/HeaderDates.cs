using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Text;

/// <summary>A date the page's header gives as the page's own, and how strongly.</summary>
/// <param name="Strength">Higher wins; <see cref="HeaderDates"/> lists the forms and their strengths.</param>
public readonly record struct HeaderDate(string Value, int Paragraph, int Strength);

/// <summary>
/// The page's own date written in its header: the lines before the body (the first paragraph of at least
/// <see cref="BodyTokens"/> tokens with a sentence in it, at most <see cref="MaxHeaderParagraphs"/> lines). A line
/// qualifies only in a header form, never as a date inside a sentence or a photo caption:
/// <list type="bullet">
/// <item>5: after a "published" cue: "Published: 3rd June 2023 9:17 pm IST", "Posted on May 12, 2022";</item>
/// <item>4: after or before an office cue ("Press Release | March 22, 2017", "05.03.2019 - Press release"), or a date
/// with a month name, or an ISO date, alone on its line (with a weekday, a time, a time zone, or a short tail after a
/// separator: "June 2, 2017 / 6:15 AM", "Tuesday, October 14, 2014", "2021-06-25T12:26:37+00:00");</item>
/// <item>4 (3 when all-digit): a place and the date alone on the line ("LISBON, 17 May 2023", "Paris, 14/06/2022");</item>
/// <item>3: an all-digit date alone on its line ("17-08-2025", a PDF print header "8/8/2024"; 4 within three lines after
/// an office line), or a date after a byline or a short site name and a separator ("Rudaw | 17 August 2025");</item>
/// <item>2: a lead ("May 4th, 2016 - Defense ministers met …"), also in the first body paragraph;</item>
/// <item>1: after an "updated" cue.</item>
/// </list>
/// Only full dates count (a year-less "March 22:" or a month "05.2016" does not). Cue words are in Data/date_cues.tsv.
/// </summary>
public static class HeaderDates
{
    public const int MaxHeaderParagraphs = 25;

    /// <summary>A paragraph this long with a sentence end in it is body text.</summary>
    public const int BodyTokens = 30;

    /// <summary>The header ends at the third paragraph that is a sentence (a banner or two may come before the date).</summary>
    public const int MaxHeaderSentences = 3;

    /// <summary>A paragraph this long that ends a sentence is a sentence, not a header line.</summary>
    private const int SentenceTokens = 8;

    public const int Published = 5;
    public const int Office = 4;
    public const int Line = 4;
    public const int NumericLine = 3;
    public const int Byline = 3;
    public const int Lead = 2;
    public const int Updated = 1;

    private static readonly string[] PrefixCues = ["published", "updated", "office"];
    private static readonly string[] TailCues = ["office", "published"];
    private static readonly string[] OfficeCues = ["office"];
    private static readonly string[] UpdatedCues = ["updated"];
    private static readonly string[] PublishedCues = ["published"];

    /// <summary>
    /// Tokens that may stand before the date on a header line (a byline, a site name, a cue): room for two authors, their
    /// role and a cue ("By Jane Roe and Omar Said, Staff Writers | Published March 14, 2021").
    /// </summary>
    private const int MaxPrefix = 16;

    /// <summary>Words of a site name or a byline before a separator.</summary>
    private const int MaxSiteWords = 4;

    private const int MaxBylineWords = 8;

    /// <summary>Tokens after the date and a separator on a header line ("/ Updated 5 years ago").</summary>
    private const int MaxTail = 8;

    /// <summary>The strongest header date (the first of equal strength), or null.</summary>
    public static HeaderDate? Find(AnnotatedDocument doc)
    {
        HeaderDate? best = null;
        var officeLine = -MaxHeaderParagraphs;
        var bodyStart = BodyStart(doc);
        foreach (var p in doc.Paragraphs.Take(bodyStart + 1))
        {
            if (p.BoilerplateKind == "cookie")
            {
                continue; // a consent banner or newsletter box dates its own notice
            }

            if (Evaluate(doc, p, p.Index == bodyStart, p.Index - officeLine <= 3) is { } found && (best is null || found.Strength > best.Value.Strength))
            {
                best = found;
            }

            if (IsOfficeLine(doc, p))
            {
                officeLine = p.Index;
            }
        }

        return best;
    }

    /// <summary>
    /// A "published" line below the header, most often a footer ("Published on 04/04/2022", "Posted: 3 June 2023"): a
    /// paragraph that opens with a published cue and holds nothing but it, the date and a short tail. Null if none.
    /// </summary>
    public static string? PublishedLine(AnnotatedDocument doc)
    {
        var cues = doc.Knowledge.DateCues;
        var tokens = doc.Tokens;
        foreach (var p in doc.Paragraphs.Skip(BodyStart(doc)))
        {
            if (p.TokenEnd - p.TokenStart > MaxPrefix + MaxTail || cues.Longest(tokens, p.TokenStart, p.TokenEnd, PublishedCues) is not { Kind: "published" }
                || Evaluate(doc, p, false, false) is not { Strength: Published } found)
            {
                continue;
            }

            return found.Value;
        }

        return null;
    }

    /// <summary>
    /// Index of the first body paragraph, where the header ends: a paragraph of at least <see cref="BodyTokens"/> tokens
    /// with a sentence end, or the third paragraph that is a sentence (short paragraphs of a wire story), or the
    /// paragraph after the first <see cref="MaxHeaderParagraphs"/>.
    /// </summary>
    public static int BodyStart(AnnotatedDocument doc)
    {
        var sentences = 0;
        foreach (var p in doc.Paragraphs.Take(MaxHeaderParagraphs))
        {
            if (IsBody(doc, p) || (IsSentence(doc, p) && ++sentences == MaxHeaderSentences))
            {
                return p.Index;
            }
        }

        return Math.Min(doc.Paragraphs.Count, MaxHeaderParagraphs);
    }

    /// <summary>
    /// A speech page's stated delivery date: a header line with a delivery cue (speech, remarks, address) that ends
    /// with "on" and a full date ("Foreign Secretary X's speech at the ministerial meeting in Rome on 28 June 2021.").
    /// </summary>
    public static string? DeliveryDate(AnnotatedDocument doc)
    {
        var tokens = doc.Tokens;
        var cues = doc.Knowledge.DateCues;
        foreach (var p in doc.Paragraphs.Take(BodyStart(doc)))
        {
            var cue = -1;
            for (var k = p.TokenStart; k < Math.Min(p.TokenEnd, p.TokenStart + 12) && cue < 0; k++)
            {
                cue = cues.Is(tokens[k].Norm, "delivery") ? k : -1;
            }

            for (var k = Math.Max(cue + 1, p.TokenStart + 1); cue >= 0 && k < p.TokenEnd; k++)
            {
                if (tokens[k - 1].Norm == "on" && DateGrammar.TryMatch(doc, k, p.TokenEnd, null, out var m) && m.Absolute && m.Value is { Length: 10 }
                    && (m.End == p.TokenEnd || (m.End + 1 == p.TokenEnd && tokens[m.End].Norm == ".")))
                {
                    return m.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The strongest header form among the full dates of a line ("Last Updated: 10 Nov 2022 | Published: 8 Nov 2022").</summary>
    private static HeaderDate? Evaluate(AnnotatedDocument doc, Segment p, bool body, bool afterOffice)
    {
        var s = p.TokenStart;
        var e = p.TokenEnd;
        var scanEnd = body ? Math.Min(e, s + 2) : Math.Min(e, s + MaxPrefix + 1);
        HeaderDate? best = null;
        for (var k = s; k < scanEnd; k++)
        {
            if (!DateGrammar.TryMatch(doc, k, e, null, out var m) || !m.Absolute || m.Value is not { Length: 10 } value)
            {
                continue;
            }

            if (Strength(doc, p, m, body, afterOffice) is { } strength && (best is null || strength > best.Value.Strength))
            {
                best = new HeaderDate(value, p.Index, strength);
            }

            k = m.End - 1;
        }

        return best;
    }

    /// <summary>The header form of one date of a line, by what stands before and after it; null when it is none.</summary>
    private static int? Strength(AnnotatedDocument doc, Segment p, DateMatch m, bool body, bool afterOffice)
    {
        var s = p.TokenStart;
        var e = p.TokenEnd;
        var prefix = Prefix(doc, s, m.Start);
        if (prefix is null || (body && prefix != "none"))
        {
            return null;
        }

        var tailStart = SkipTime(doc, m.End, e);
        var tail = Tail(doc, tailStart, e, prefix == "none");
        if (tail is null || (body && tail != "lead") || (prefix == "place" && tail is not ("" or "line")))
        {
            return null;
        }

        return (prefix, tail) switch
        {
            ("published", _) => Published,
            ("updated", _) => Updated,
            ("office", _) or (_, "office") => Office,
            ("site", _) => Byline,
            (_, "lead") => Lead,
            _ when m.Numeric && !IsYearFirst(doc, m) => afterOffice ? Office : NumericLine,
            _ => Line,
        };
    }

    /// <summary>
    /// What stands before the date: "none" (nothing, a weekday the grammar took, or a Hijri date), a cue kind (published, updated,
    /// office) with its connectors, "site" (a byline or a short name and a separator), or null (anything else).
    /// </summary>
    private static string? Prefix(AnnotatedDocument doc, int s, int dateStart)
    {
        var tokens = doc.Tokens;
        var end = dateStart;
        while (end > s && tokens[end - 1].Norm is ":" or "," or "on" or "at" or "-" or "|" or "/" or "•" or "·")
        {
            end--;
        }

        var cues = doc.Knowledge.DateCues;
        if (end == s)
        {
            return dateStart == s ? "none" : null;
        }

        // A weekday or a time of day between a cue and the date: "First published on Mon 13 Feb 2023",
        // "Updated 5:36 PM GMT+1, February 14, 2023".
        var beforeDetails = end;
        end = BeforeWeekdayOrTime(doc, s, end);
        if (end == s)
        {
            end = beforeDetails;
        }

        if (end - s <= 2 && cues.Is(tokens[s].Norm, "weekday_abbr") && tokens[s].IsCapitalized(doc.Text) && (end - s == 1 || tokens[s + 1].Norm == "."))
        {
            // Tue 12 May 2022, Thu., 4 June 2020
            return "none";
        }

        // A Hijri date (after a weekday) before the Gregorian one: "Tuesday, Rabi al-Awwal 8, 1445 AH, 23 September 2023".
        var h = s;
        if (cues.Is(tokens[h].Norm, "weekday_abbr") || (doc.Knowledge.Calendar.TryGetValue(tokens[h].Norm, out var day) && day.Kind == "weekday"))
        {
            h++;
            while (h < end && tokens[h].Norm is "," or ".")
            {
                h++;
            }
        }

        if (h < end && HijriDates.End(doc, h, end) == end)
        {
            return "none";
        }

        for (var q = s; q < end; q++)
        {
            if ((q == s || IsSeparator(tokens[q - 1].Norm)) && cues.Longest(tokens, q, end, PrefixCues) is { End: var cueEnd, Kind: { } kind }
                && (cueEnd == end || (kind == "published" && ByName(doc, cueEnd, end))))
            {
                return kind;
            }
        }

        end = beforeDetails;

        if (IsPlace(doc, s, end) && tokens[dateStart - 1].Norm == ",")
        {
            // "LISBON, 17 May 2023", "Paris, France, 14/06/2022": a place line, not a dateline (nothing follows)
            return "place";
        }

        var separated = IsSeparator(tokens[dateStart - 1].Norm);
        var words = 0;
        for (var q = s; q < end; q++)
        {
            if (tokens[q].Norm is "(" or ")" or "." or "!" or "?" || cues.Is(tokens[q].Norm, "caption"))
            {
                return null;
            }

            words += tokens[q].IsWord ? 1 : 0;
        }

        var byline = tokens[s].Norm == "by" && tokens[s].IsCapitalized(doc.Text);
        return (separated && words <= MaxSiteWords) || (byline && words <= MaxBylineWords) ? "site" : null;
    }

    /// <summary>
    /// What follows the date and its time: "" (nothing), "office" (a separator and an office cue), "line" (a separator
    /// and a short tail that is no sentence, or a byline), "lead" (a dash and the body text, when nothing stands before the date),
    /// or null.
    /// </summary>
    private static string? Tail(AnnotatedDocument doc, int k, int e, bool bare)
    {
        var tokens = doc.Tokens;
        if (k >= e)
        {
            return "";
        }

        if (tokens[k].Norm == "by" && e - k <= MaxTail)
        {
            // "Posted on May 12, 2022 by admin"
            return "line";
        }

        if (!IsSeparator(tokens[k].Norm) && tokens[k].Norm != ",")
        {
            return null;
        }

        var restStart = k + 1;
        while (restStart < e && (IsSeparator(tokens[restStart].Norm) || tokens[restStart].Norm == ","))
        {
            restStart++;
        }

        if (restStart < e && doc.Knowledge.DateCues.Longest(tokens, restStart, e, TailCues) is { End: var cueEnd } && cueEnd == e)
        {
            return "office";
        }

        if (e - restStart <= MaxTail && !(tokens[e - 1].Norm is "." or "!" or "?"))
        {
            return "line";
        }

        if (restStart < e && doc.Knowledge.DateCues.Longest(tokens, restStart, e, UpdatedCues).End > restStart
            && !(tokens[e - 1].Norm is "." or "!" or "?"))
        {
            // "Published 2 June 2022 - 08:30 GMT / Updated 4 June 2022 - 10:00 GMT": a revision after the date
            return "line";
        }

        return bare && tokens[k].Norm == "-" ? "lead" : null;
    }

    /// <summary>The token after a time of day written after a date ("6:15 AM", "9:17 pm IST", "05:27 PM EDT", "T12:26:37+00:00").</summary>
    private static int SkipTime(AnnotatedDocument doc, int k, int e)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        if (k < e && k > 0 && tokens[k].Start == tokens[k - 1].End && tokens[k].Norm is ['t', >= '0' and <= '9', ..])
        {
            // ISO time stamp: everything up to the next space.
            var j = k;
            while (j + 1 < e && tokens[j + 1].Start == tokens[j].End)
            {
                j++;
            }

            return j + 1;
        }

        var q = k;
        while (q < e && (tokens[q].Norm is "," or "at" or "@" || IsSeparator(tokens[q].Norm)))
        {
            q++;
        }

        if (q >= e || !tokens[q].IsNumber || tokens[q].Length > 5)
        {
            return k;
        }

        var r = q + 1;
        var clock = tokens[q].Norm.Contains('.', StringComparison.Ordinal);
        while (r + 1 < e && tokens[r].Norm == ":" && tokens[r + 1].IsNumber)
        {
            r += 2;
            clock = true;
        }

        var cues = doc.Knowledge.DateCues;
        if (r < e && cues.Is(tokens[r].Norm, "meridiem"))
        {
            r++;
            clock = true;
        }

        if (!clock)
        {
            return k;
        }

        if (r < e && tokens[r].IsWord && tokens[r].IsAllCaps(text) && tokens[r].Length <= 5)
        {
            r++;
            if (r + 1 < e && tokens[r].Norm is "+" or "-" && tokens[r + 1].IsNumber && tokens[r].Start == tokens[r - 1].End)
            {
                r += 2;
            }
        }

        return r;
    }

    /// <summary>"by Admin on", "by Jane Roe": a cue's author before the date ("Posted by Admin on February 14, 2023").</summary>
    private static bool ByName(AnnotatedDocument doc, int k, int end)
    {
        var tokens = doc.Tokens;
        if (k >= end || tokens[k].Norm != "by" || end - k - 1 is < 1 or > 3)
        {
            return false;
        }

        for (var q = k + 1; q < end; q++)
        {
            if (!tokens[q].IsWord)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The end of the prefix before a weekday and/or a time of day that stand right before the date, with their commas.</summary>
    private static int BeforeWeekdayOrTime(AnnotatedDocument doc, int s, int end)
    {
        var tokens = doc.Tokens;
        var cues = doc.Knowledge.DateCues;
        var e = end;
        if (e > s && (cues.Is(tokens[e - 1].Norm, "weekday_abbr") || (doc.Knowledge.Calendar.TryGetValue(tokens[e - 1].Norm, out var c) && c.Kind == "weekday")))
        {
            e--;
        }
        else
        {
            // [at] H[:MM] [am|pm] [ZONE[+N]] [,]
            var q = e;
            if (q > s + 1 && tokens[q - 1].IsNumber && tokens[q - 2].Norm is "+" or "-" && q - 3 >= s && tokens[q - 3].IsWord && tokens[q - 3].IsAllCaps(doc.Text))
            {
                q -= 2; // GMT+1
            }

            if (q > s && tokens[q - 1].IsWord && tokens[q - 1].IsAllCaps(doc.Text) && tokens[q - 1].Length <= 5 && !cues.Is(tokens[q - 1].Norm, "meridiem"))
            {
                q--;
            }

            if (q > s && cues.Is(tokens[q - 1].Norm, "meridiem"))
            {
                q--;
            }

            var clock = false;
            while (q > s + 1 && tokens[q - 1].IsNumber && tokens[q - 2].Norm == ":")
            {
                q -= 2;
                clock = true;
            }

            if (q > s && tokens[q - 1].IsNumber && tokens[q - 1].Length <= 2 && (clock || q < e))
            {
                e = q - 1;
            }
        }

        while (e > s && tokens[e - 1].Norm is "," or "on" or "at")
        {
            e--;
        }

        return e;
    }

    /// <summary>The tokens are a place of the gazetteer, or a city and its country or state ("Paris, France", "Austin, Texas").</summary>
    private static bool IsPlace(AnnotatedDocument doc, int s, int end)
    {
        var gazetteer = doc.Knowledge.Gazetteer;
        var (first, entry) = gazetteer.Longest(doc.Tokens, s, end, (x, _, _) => x.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision or EntityKind.Country);
        if (entry is null || first < 0)
        {
            return false;
        }

        if (first == end)
        {
            return true;
        }

        var (second, region) = first + 1 < end && doc.Tokens[first].Norm == ","
            ? gazetteer.Longest(doc.Tokens, first + 1, end, (x, _, _) => x.Kind is EntityKind.Subdivision or EntityKind.Country)
            : (-1, null);
        return region is not null && second == end;
    }

    private static bool IsYearFirst(AnnotatedDocument doc, DateMatch m)
    {
        var t = doc.Tokens[m.Start];
        return t.IsNumber && t.Length == 4;
    }

    private static bool IsSeparator(string norm) => norm is "|" or "/" or "-" or "•" or "·";

    /// <summary>A line that is an office cue ("Media Note", "Office of the Spokesperson", "For Immediate Release").</summary>
    private static bool IsOfficeLine(AnnotatedDocument doc, Segment p) =>
        doc.Knowledge.DateCues.Longest(doc.Tokens, p.TokenStart, p.TokenEnd, OfficeCues).End == p.TokenEnd;

    private static bool IsSentence(AnnotatedDocument doc, Segment p) =>
        !p.IsBoilerplate && p.TokenEnd - p.TokenStart >= SentenceTokens && doc.Tokens[p.TokenEnd - 1].Norm is "." or "!" or "?";

    private static bool IsBody(AnnotatedDocument doc, Segment p)
    {
        if (p.IsBoilerplate || p.TokenEnd - p.TokenStart < BodyTokens)
        {
            return false;
        }

        for (var k = p.TokenStart; k < p.TokenEnd; k++)
        {
            if (doc.Tokens[k].Norm is "." or "!" or "?")
            {
                return true;
            }
        }

        return false;
    }
}
