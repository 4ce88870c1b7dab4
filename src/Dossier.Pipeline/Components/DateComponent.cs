using System.Globalization;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Date expressions, resolved against the reference date of their place in the text: the date of the
/// item's dateline when the paragraph has one (a year-less dateline takes its year from the publication
/// date), else the publication date. Each mention keeps both readings of a year-less date (held and
/// announced) for the components that know which one a sentence means.
/// </summary>
public sealed class DateComponent : IPipelineComponent
{
    public string Name => "dates";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Published, Layers.Datelines];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Dates];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var published = DateGrammar.ParseIso(document.Published);
        var tokens = document.Tokens;
        // The store's " date YYYY-MM-DD " prefix shares a line with the text: it is the page's date, not a date in the text.
        var textStart = PublishedDateComponent.StorePrefixDate(document) is { } prefix ? prefix.End : 0;
        foreach (var p in document.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reference = ReferenceFor(document, p.Index, published) ?? published;
            for (var i = Math.Max(p.TokenStart, textStart); i < p.TokenEnd; i++)
            {
                if (DateGrammar.TryMatch(document, i, p.TokenEnd, reference, out var m))
                {
                    document.Dates.Add(new DateMention(m.Start, m.End, tokens[m.Start].Start, tokens[m.End - 1].End, m.Value, document.TokenSentence[m.Start])
                    {
                        Future = m.Future,
                        YearOnly = m.YearOnly,
                        Absolute = m.Absolute,
                        Month = m.Month,
                        Day = m.Day,
                        YearInferred = m.YearInferred,
                        IsRange = m.IsRange,
                        PastValue = m.PastValue,
                        FutureValue = m.FutureValue,
                    });
                    i = m.End - 1;
                }
            }
        }
    }

    /// <summary>The dateline date of the paragraph's item, if it has a dateline with a full date.</summary>
    public static DateOnly? ReferenceFor(AnnotatedDocument document, int paragraph) => ReferenceFor(document, paragraph, null);

    /// <summary>
    /// The dateline date of the paragraph's item; a year-less dateline ("KUWAIT, May 24 (KUNA) --") is dated by the
    /// most recent such day on or before <paramref name="published"/> (or up to a month after it).
    /// </summary>
    public static DateOnly? ReferenceFor(AnnotatedDocument document, int paragraph, DateOnly? published)
    {
        foreach (var d in document.Datelines)
        {
            if (d.Paragraph != paragraph || d.Date is null)
            {
                continue;
            }

            if (DateGrammar.ParseIso(d.Date) is { } full)
            {
                return full;
            }

            if (published is not null && d.Date is ['-', '-', _, _, '-', _, _]
                && int.TryParse(d.Date.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
                && int.TryParse(d.Date.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            {
                return DateGrammar.ParseIso(DateGrammar.ResolvePartial(month, day, published, future: false).Value);
            }
        }

        return null;
    }
}
