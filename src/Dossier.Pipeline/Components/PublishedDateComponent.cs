using System.Globalization;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// The publication date: from metadata first; else from the head of the text — a " date YYYY-MM-DD " prefix,
/// a "Published:/Posted on" line, or a leading dateline ("Washington, 9 February 2026 —",
/// "ABU DHABI, 24th November, 2022 (WAM) --"). Datelines anywhere are recorded too: one in the middle of a
/// scraped page dates its own item (and the events in it), not the page.
/// </summary>
public sealed class PublishedDateComponent : IPipelineComponent
{
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

        document.Published = NormalizeMetadata(document.Request.Published) ?? FromText(document);
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
        var tokens = document.Tokens;
        if (document.Paragraphs.Count == 0)
        {
            return null;
        }

        // " date 2022-05-14 ..." or "Published: 9 February 2026" / "Posted on May 12, 2022" at the head.
        for (var pi = 0; pi < Math.Min(3, document.Paragraphs.Count); pi++)
        {
            var p = document.Paragraphs[pi];
            var i = p.TokenStart;
            if (tokens[i].Norm is "date" or "published" or "posted" or "updated" or "dated")
            {
                var j = i + 1;
                while (j < p.TokenEnd && tokens[j].Norm is "on" or ":" or "-")
                {
                    j++;
                }

                if (j < p.TokenEnd && DateGrammar.TryMatch(document, j, p.TokenEnd, null, out var m) && m.Absolute && m.Value is { Length: 10 })
                {
                    return m.Value;
                }
            }
        }

        // A date alone on its line at the head ("June 8, 2023" under a press release's headline).
        for (var pi = 0; pi < Math.Min(4, document.Paragraphs.Count); pi++)
        {
            var p = document.Paragraphs[pi];
            var first = p.TokenStart;
            if (document.Knowledge.Calendar.TryGetValue(document.Tokens[first].Norm, out var cal) && cal.Kind == "weekday")
            {
                first++;
                if (first < p.TokenEnd && document.Tokens[first].Norm == ",")
                {
                    first++;
                }
            }

            if (first < p.TokenEnd && DateGrammar.TryMatch(document, first, p.TokenEnd, null, out var m) && m.Absolute && m.Value is { Length: 10 } && p.TokenEnd - p.TokenStart <= 10)
            {
                return m.Value;
            }

            if (!IsHeadline(document, p))
            {
                break;
            }
        }

        // A leading dateline: in the first paragraph, or after short headlines.
        foreach (var d in document.Datelines)
        {
            if (d.Paragraph <= 3 && document.Paragraphs.Take(d.Paragraph).All(p => IsHeadline(document, p)))
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

    /// <summary>PLACE[, PLACE] , DATE [(AGENCY)] (-- | — | – | :) at the start of a paragraph.</summary>
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

        if (j >= limit || !DateGrammar.TryMatch(document, j, limit, null, out var m) || m.YearOnly || (!m.Absolute && m.Value is null))
        {
            return null;
        }

        var k = m.End;
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
