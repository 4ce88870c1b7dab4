using Dossier.Domain;
using Dossier.Pipeline.Matching;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// Who said each quotation: the sieves of <c>pipeline.json</c> "quote_sieves" run in that order, most precise first,
/// each giving a speaker only to the quotations earlier sieves left open (<see cref="QuoteSieves"/>). Before they run
/// the <c>named</c> layer is set: each person's mention with the rank and title before it (President Barack Obama, Ms.
/// Nauert), for the patterns. A quotation of one or two words is a quote only when a sieve of its own sentence
/// attributed it (There are no “quick fixes,” Obama said — not the “solid will” operation). The quote's text is the
/// first 60 characters of the quotation, as written; its rule names the sieve ("unattributed" when none did).
/// </summary>
public sealed class QuoteAttributionComponent(IReadOnlyList<string>? sieves = null) : IPipelineComponent
{
    public const int TextLength = 60;

    public string Name => "quotes";

    public IReadOnlyCollection<string> Requires { get; } =
        [Layers.QuoteSpans, Layers.Paragraphs, Layers.Sentences, Layers.Entities, Layers.People, Layers.Titles];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Quotes];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        if (document.QuoteSpans.Count == 0)
        {
            return;
        }

        document.Layers.Set("named", document.PersonMentions.Select(Named));
        var context = new QuoteSieveContext(document);
        foreach (var name in sieves ?? document.Knowledge.QuoteSieves)
        {
            cancellationToken.ThrowIfCancellationRequested();
            QuoteSieves.Create(name).Apply(context);
        }

        for (var i = 0; i < context.Quotes.Count; i++)
        {
            var q = context.Quotes[i];
            var a = context.Attributions[i];
            if (q.Short && a is not { Local: true })
            {
                continue;
            }

            var text = document.Slice(q.Start, Math.Min(q.End, q.Start + TextLength));
            document.Quotes.Add(new QuoteFact(a?.Speaker, a?.Description, text, q.Span) { Rule = a?.Rule ?? "unattributed" });
        }
    }

    /// <summary>
    /// A person's mention with the rank and the title phrase right before it (a plural title or one set off by a comma —
    /// "Speaking to reporters, Kerry" — is not part of it).
    /// </summary>
    private static TokenRange Named(PersonMention m)
    {
        var start = m.RankStart >= 0 && m.RankStart < m.TokenStart ? m.RankStart : m.TokenStart;
        if (m.TitleBefore is { Plural: false } title && title.TokenEnd == start)
        {
            start = title.TokenStart;
        }

        return new TokenRange(start, m.TokenEnd);
    }
}
