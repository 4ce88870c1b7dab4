using Dossier.Domain;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Tests;

/// <summary>One pipeline for all tests (knowledge loads once), and helpers to run parts of it.</summary>
internal static class TestSupport
{
    public static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    public static DocumentFacts Extract(string text, string? published = null, string docId = "t") =>
        Pipeline.Extract(new ExtractionRequest(docId, text, published)).Facts;

    /// <summary>Runs the default components up to and including <paramref name="lastComponent"/>.</summary>
    public static AnnotatedDocument Annotate(string text, string lastComponent, string? published = null, string contentType = ContentTypes.PlainText)
    {
        var document = new AnnotatedDocument(new ExtractionRequest("t", text, published, contentType), KnowledgeBase.Default);
        foreach (var name in KnowledgeBase.Default.DefaultComponents)
        {
            ExtractionPipeline.CreateComponent(name).Process(document, CancellationToken.None);
            if (name == lastComponent)
            {
                break;
            }
        }

        return document;
    }

    public static string Slice(string text, TextSpan span) => text[span.Start..span.End];

    /// <summary>The repository root: the folder holding Services.sln, found by walking up.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Services.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Services.sln not found above " + AppContext.BaseDirectory);
    }

    public static string ArticlesDir() => Path.Combine(AppContext.BaseDirectory, "Articles");

    public static string ReadArticle(string name) => File.ReadAllText(Path.Combine(ArticlesDir(), name));
}
