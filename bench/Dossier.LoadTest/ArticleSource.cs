using System.Globalization;
using Dossier.Contracts.V1;
using Dossier.QueryBench;

namespace Dossier.LoadTest;

/// <summary>
/// The articles of one run: the query benchmark's deterministic corpus (seed, index) with a closing line naming the run,
/// so every run's texts (and content hashes) are new while the same seed gives the same news. Thread-safe.
/// </summary>
public sealed class ArticleSource(int seed, string runId)
{
    private readonly CorpusGenerator _generator = new();
    private long _next = -1;

    /// <summary>Articles handed out so far.</summary>
    public long Issued => Interlocked.Read(ref _next) + 1;

    public IngestRequest Next()
    {
        var index = (int)Interlocked.Increment(ref _next);
        var (_, published, text) = _generator.Article(seed, index);
        var dash = text.IndexOf('—', StringComparison.Ordinal);
        var title = dash > 0 ? $"{text[..dash].Trim()}: {Headline(text, dash)}" : $"Article {index}";
        return new IngestRequest
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"load-{runId}-{seed}-{index:D7}"),
            Text = string.Create(CultureInfo.InvariantCulture, $"{text}\n\n(Load test run {runId}, seed {seed}, article {index}.)"),
            Title = title,
            Source = "dossier-loadtest",
            Url = string.Create(CultureInfo.InvariantCulture, $"https://loadtest.example/{runId}/{seed}/{index}"),
            Published = published,
        };
    }

    private static string Headline(string text, int dash)
    {
        var start = dash + 1;
        var end = text.IndexOf('.', start);
        var sentence = (end > start ? text[start..end] : text[start..]).Trim();
        return sentence.Length <= 90 ? sentence : sentence[..90].TrimEnd() + "…";
    }
}
