using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Components;

/// <summary>
/// Date expressions, resolved against the reference date of their place in the text: the date of the
/// item's dateline when the paragraph has one, else the publication date.
/// </summary>
public sealed class DateComponent : IPipelineComponent
{
    public string Name => "dates";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Published, Layers.Datelines];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Dates];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        var published = DateGrammar.ParseIso(document.Published);
        foreach (var p in document.Paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reference = ReferenceFor(document, p.Index) ?? published;
            for (var i = p.TokenStart; i < p.TokenEnd; i++)
            {
                if (DateGrammar.TryMatch(document, i, p.TokenEnd, reference, out var m))
                {
                    var tokens = document.Tokens;
                    document.Dates.Add(new DateMention(m.Start, m.End, tokens[m.Start].Start, tokens[m.End - 1].End, m.Value, document.TokenSentence[m.Start])
                    {
                        Future = m.Future,
                        YearOnly = m.YearOnly,
                    });
                    i = m.End - 1;
                }
            }
        }
    }

    /// <summary>The dateline date of the paragraph's item, if it has a dateline.</summary>
    public static DateOnly? ReferenceFor(AnnotatedDocument document, int paragraph)
    {
        foreach (var d in document.Datelines)
        {
            if (d.Paragraph == paragraph && d.Date is not null)
            {
                return DateGrammar.ParseIso(d.Date);
            }
        }

        return null;
    }
}
