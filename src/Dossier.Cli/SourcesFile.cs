namespace Dossier.Cli;

/// <summary>
/// A corpus's <c>sources.tsv</c>: tab-separated, a header row naming the columns, one row per article. Only the
/// <c>file</c> column (a path such as <c>docs/d001.txt</c>, matched to an article by its file stem) and the
/// <c>url</c> column are read; every other column (<c>published</c>, <c>title</c>, ...) is an annotation and is
/// ignored. An empty url is no url.
/// </summary>
public sealed class SourcesFile
{
    private readonly Dictionary<string, string> _urls;

    private SourcesFile(Dictionary<string, string> urls) => _urls = urls;

    /// <summary>The number of articles with a url.</summary>
    public int Count => _urls.Count;

    /// <summary>The url of the article with this file stem, or null.</summary>
    public string? UrlOf(string stem) => _urls.GetValueOrDefault(stem);

    public static SourcesFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"sources file not found: {path}");
        }

        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.TrimEnd('\r').Split('\t')
            ?? throw new UsageException($"sources file is empty: {path}");
        var fileColumn = Array.IndexOf(header, "file");
        var urlColumn = Array.IndexOf(header, "url");
        if (fileColumn < 0 || urlColumn < 0)
        {
            throw new UsageException($"sources file needs a header row with 'file' and 'url' columns: {path}");
        }

        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var row = 1;
        while (reader.ReadLine() is { } line)
        {
            row++;
            line = line.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length <= Math.Max(fileColumn, urlColumn))
            {
                throw new UsageException($"{path}:{row}: expected at least {Math.Max(fileColumn, urlColumn) + 1} tab-separated columns");
            }

            var stem = Path.GetFileNameWithoutExtension(cells[fileColumn].Trim());
            var url = cells[urlColumn].Trim();
            if (stem.Length == 0 || url.Length == 0)
            {
                continue;
            }

            if (!urls.TryAdd(stem, url) && urls[stem] != url)
            {
                throw new UsageException($"{path}:{row}: a second url for '{stem}'");
            }
        }

        return new SourcesFile(urls);
    }
}
