using System.Globalization;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// The publication date, from the first source that gives one:
/// <list type="number">
/// <item>the request's metadata (<see cref="ExtractionRequest.Published"/>);</item>
/// <item>the store's <c> date YYYY-MM-DD </c> prefix at the very start of the text;</item>
/// <item>a date in the page's header written as the page's own (<see cref="HeaderDates"/>: after a "Published" cue,
/// by an office line, alone on its line, after a byline or site name, a lead "May 4th, 2016 - ...");</item>
/// <item>a leading dateline with a year ("DUBAI, Nov 6, 2025 (BSS/AFP) -"): in the header, after headline lines only;</item>
/// <item>a "Published on DATE" line below the header, a footer (<see cref="HeaderDates.PublishedLine"/>);</item>
/// <item>a header date after an "Updated" cue;</item>
/// <item>a speech page's stated delivery date ("...'s speech at ... in Rome on 28 June 2021.");</item>
/// <item>a full date in the path of the request's URL (<see cref="UrlDates"/>);</item>
/// <item>a full date in the path of the page's address written in its text: a "Source: URL" line, a bare URL line in
/// the header (<see cref="UrlLineDates"/>).</item>
/// </list>
/// Never a date of the events the body reports, a photo caption, or a year-less dateline. Datelines anywhere are
/// recorded too: one in the middle of a scraped page dates its own item (and the events in it), not the page.
/// </summary>
public sealed class PublishedDateComponent : IPipelineComponent
{
    /// <summary>How many paragraphs into the page a dateline still dates the page.</summary>
    private const int MaxDatelineParagraph = 8;

    public string Name => "published";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Paragraphs, Layers.Tokens];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Published, Layers.Datelines];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        foreach (var p in document.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryDateline(document, p) is { } dateline)
            {
                document.Datelines.Add(dateline);
            }
        }

        document.Published = NormalizeMetadata(document.Request.Published) ?? FromText(document) ?? UrlDates.Find(document.Request.Url)
            ?? UrlLineDates.Find(document);
    }

    private static string? NormalizeMetadata(string? published)
    {
        if (string.IsNullOrWhiteSpace(published))
        {
            return null;
        }

        return DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static string? FromText(AnnotatedDocument document)
    {
        if (document.Paragraphs.Count == 0)
        {
            return null;
        }

        if (StorePrefix(document) is { } stored)
        {
            return stored;
        }

        var header = HeaderDates.Find(document);
        if (header is { Strength: > HeaderDates.Updated } h)
        {
            return h.Value;
        }

        return LeadingDateline(document) ?? HeaderDates.PublishedLine(document) ?? header?.Value ?? HeaderDates.DeliveryDate(document);
    }

    /// <summary>The store's " date YYYY-MM-DD " prefix: the text's first tokens.</summary>
    private static string? StorePrefix(AnnotatedDocument document) => StorePrefixDate(document)?.Value;

    /// <summary>The store's prefix date, " date YYYY-MM-DD ", as a match, or null; it dates the page, never an event.</summary>
    internal static DateMatch? StorePrefixDate(AnnotatedDocument document)
    {
        if (document.Paragraphs.Count == 0)
        {
            return null;
        }

        var first = document.Paragraphs[0];
        var i = first.TokenStart;
        return document.Tokens[i].Norm == "date" && i + 1 < first.TokenEnd
            && DateGrammar.TryMatch(document, i + 1, first.TokenEnd, null, out var m) && m.Absolute && m.Numeric && m.Value is { Length: 10 }
            ? m
            : null;
    }

    /// <summary>A dateline with a full date near the top, after nothing but headline lines (and boilerplate).</summary>
    private static string? LeadingDateline(AnnotatedDocument document)
    {
        foreach (var d in document.Datelines)
        {
            if (d.Paragraph <= MaxDatelineParagraph && document.Paragraphs.Take(d.Paragraph).All(p => p.IsBoilerplate || IsHeadline(document, p)))
            {
                return d.Date is { Length: 10 } ? d.Date : null;
            }
        }

        return null;
    }

    private static bool IsHeadline(AnnotatedDocument document, Segment p)
    {
        var last = document.Tokens[p.TokenEnd - 1];
        return p.TokenEnd - p.TokenStart <= 20 && last.Norm is not ("." or "!" or "?");
    }

    /// <summary>PLACE[, PLACE] , [HIJRI DATE ,] DATE [(AGENCY) | , AGENCY] (-- | — | – | :) at the start of a paragraph.</summary>
    public static Dateline? TryDateline(AnnotatedDocument document, Segment p)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var kb = document.Knowledge;
        var i = p.TokenStart;
        var limit = Math.Min(p.TokenEnd, p.TokenStart + 25);
        string? city = null;
        string? country = null;

        // The place: capitalized words up to the first comma (at most 4).
        var j = i;
        while (j < limit && j - i < 5 && tokens[j].IsWord && tokens[j].IsCapitalized(text))
        {
            j++;
        }

        if (j == i || j >= limit || tokens[j].Norm != ",")
        {
            return null;
        }

        var (placeEnd, entry) = kb.Gazetteer.Longest(tokens, i, j, (e, _, _) => e.Kind is EntityKind.City or EntityKind.Capital or EntityKind.Subdivision or EntityKind.Country);
        if (placeEnd == j && entry is not null)
        {
            city = entry.Kind == EntityKind.Country ? null : document.TokenRangeText(i, j);
            country = entry.Country;
        }

        j++;

        // An optional second place part (WASHINGTON, D.C., ...).
        if (j < limit && tokens[j].IsWord && tokens[j].IsCapitalized(text) && j + 1 < limit && tokens[j + 1].Norm == "," && !kb.Calendar.ContainsKey(tokens[j].Norm))
        {
            j += 2;
        }

        // A Hijri date before the Gregorian one ("Riyadh, Dhu al-Qadah 22, 1444, June 11, 2023, SPA --").
        if (HijriDates.End(document, j, limit) is var hijri && hijri > j)
        {
            j = hijri;
            while (j < limit && tokens[j].Norm is "," or "/" or "-" or "\u2013")
            {
                j++;
            }
        }

        if (j >= limit || !DateGrammar.TryMatch(document, j, limit, null, out var m) || m.YearOnly || (!m.Absolute && m.Value is null))
        {
            return null;
        }

        var k = m.End;
        if (k + 2 < limit && tokens[k].Norm == "," && tokens[k + 1].IsWord && tokens[k + 1].IsAllCaps(text) && tokens[k + 1].Length <= 6
            && tokens[k + 2].Norm is "-" or "\u2014" or "\u2013")
        {
            k += 2; // "…, June 11, 2023, SPA --": the agency after a comma
        }

        if (k < limit && tokens[k].Norm == "(")
        {
            while (k < limit && tokens[k].Norm != ")")
            {
                k++;
            }

            k++;
        }

        if (k >= limit || !(tokens[k].Norm is "-" or ":" or "\u2014" or "\u2013"))
        {
            return null;
        }

        while (k < limit && tokens[k].Norm is "-" or ":")
        {
            k++;
        }

        if (city is null && country is null)
        {
            return null;
        }

        return new Dateline(p.Index, tokens[i].Start, tokens[k - 1].End, city, country, m.Value);
    }
}
