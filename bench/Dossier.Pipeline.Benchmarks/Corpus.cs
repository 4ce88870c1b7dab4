using System.Text;

namespace Dossier.Pipeline.Benchmarks;

/// <summary>
/// The benchmark corpus: the repository's seed articles and the test articles, replicated until the corpus
/// holds at least <see cref="TargetBytes"/> bytes of UTF-8 text.
/// </summary>
public static class Corpus
{
    public const int TargetBytes = 5 * 1024 * 1024;

    public static IReadOnlyList<string> Load(out long bytes)
    {
        var root = RepoRoot();
        var files = Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(root, "tests", "Dossier.Pipeline.Tests", "Articles"), "*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        var docs = new List<string>();
        bytes = 0;
        while (bytes < TargetBytes)
        {
            foreach (var text in files)
            {
                docs.Add(text);
                bytes += Encoding.UTF8.GetByteCount(text);
            }
        }

        return docs;
    }

    private static string RepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Services.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is not null)
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository (Services.sln not found)");
    }
}
