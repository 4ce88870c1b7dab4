using Dossier.Domain;
using Dossier.Pipeline.Html;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Components;

/// <summary>
/// For <c>text/html</c> input: reads the page as a reader view does (<see cref="HtmlReader"/>: the article found by
/// Readability, one block per line under its title) and makes that the text of record; the metadata the page states
/// (title, byline, site, canonical address, publication date) fills what the caller did not give. Plain text passes
/// unchanged. Every later span points into the text this component sets. An article whose text is over
/// <see cref="ArticleRules.MaxTextLength"/> is refused (<see cref="ArticleRefusedException"/>).
/// </summary>
public sealed class HtmlComponent : IPipelineComponent
{
    public string Name => "html";

    public IReadOnlyCollection<string> Requires { get; } = [];

    public IReadOnlyCollection<string> Provides { get; } = [Layers.Text];

    public void Process(AnnotatedDocument document, CancellationToken cancellationToken)
    {
        if (!ContentTypes.IsHtml(document.Request.ContentType))
        {
            return;
        }

        var reading = HtmlReader.Read(document.Request.Text, document.Request.Url, cancellationToken);
        if (ArticleRules.CheckExtracted(reading.Text) is { } problem)
        {
            throw new ArticleRefusedException(problem);
        }

        document.Text = reading.Text;
        document.UsePage(reading.Metadata);
    }

}
