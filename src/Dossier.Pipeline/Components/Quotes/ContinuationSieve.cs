namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// A quotation that carries on the one before it takes its speaker: a paragraph opening with a quotation mark after a
/// quotation left open (one quotation over several paragraphs); a quotation after another in the same paragraph with
/// no other person named between them (“…,” the official said. “…”); a paragraph that is only a quotation, right after
/// a paragraph that quoted someone. Within a multi-paragraph quotation the speaker also runs backwards, to the
/// paragraphs before the one a sieve attributed (a pull quote whose name follows its last paragraph).
/// </summary>
public sealed class ContinuationSieve : IQuoteSieve
{
    public string Name => "continuation";

    public void Apply(QuoteSieveContext context)
    {
        var n = context.Quotes.Count;
        for (var i = 1; i < n; i++)
        {
            if (context.Attributions[i] is null && context.Attributions[i - 1] is { } previous && Continues(context, i - 1, i))
            {
                context.Attributions[i] = previous with { Rule = Name, Local = false };
            }
        }

        for (var i = n - 2; i >= 0; i--)
        {
            if (context.Attributions[i] is null && context.Attributions[i + 1] is { } next && context.Quotes[i + 1].Continues)
            {
                context.Attributions[i] = next with { Rule = Name, Local = false };
            }
        }
    }

    private static bool Continues(QuoteSieveContext context, int before, int after)
    {
        var a = context.Quotes[before];
        var b = context.Quotes[after];
        if (b.Continues)
        {
            return true;
        }

        if (a.Paragraph == b.Paragraph)
        {
            var speaker = context.Attributions[before]?.Speaker;
            return context.Document.PersonMentions.All(m => m.TokenStart < a.TokenEnd || m.TokenEnd > b.TokenStart || m.Person.Name == speaker);
        }

        var document = context.Document;
        var paragraph = document.Paragraphs[b.Paragraph];
        return context.PreviousParagraph(b.Paragraph)?.Index == a.Paragraph
            && b.TokenStart == paragraph.TokenStart && context.OnlyPunctuation(b.TokenEnd, paragraph.TokenEnd);
    }
}
