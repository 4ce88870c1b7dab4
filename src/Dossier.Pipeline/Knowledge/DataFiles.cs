using System.Reflection;

namespace Dossier.Pipeline.Knowledge;

/// <summary>Reads the data files embedded in this assembly (Data/*.tsv, *.txt, *.json).</summary>
public static class DataFiles
{
    private static readonly Assembly Assembly = typeof(DataFiles).Assembly;

    private const string Prefix = "Dossier.Pipeline.Data.";

    private static Stream Open(string name) =>
        Assembly.GetManifestResourceStream(Prefix + name.Replace('/', '.'))
        ?? throw new InvalidOperationException($"data file '{name}' is not embedded in Dossier.Pipeline");

    public static string ReadAll(string name)
    {
        using var stream = Open(name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The non-empty, non-comment lines of a data file, split on tabs.</summary>
    public static IEnumerable<string[]> ReadRows(string name)
    {
        foreach (var raw in ReadAll(name).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return line.Split('\t');
        }
    }

    /// <summary>
    /// The names (without folder and extension) of the embedded data files in a folder of <c>Data/</c>
    /// (<paramref name="folder"/> like "sets/") with the given extension, sorted.
    /// </summary>
    public static IEnumerable<string> Names(string folder, string extension)
    {
        var prefix = Prefix + folder.Replace('/', '.');
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^extension.Length])
            .Where(n => !n.Contains('.', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every embedded data file name (as under <c>Data/</c>, folders with '/'), sorted.</summary>
    public static IEnumerable<string> All() => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The raw bytes of an embedded data file.</summary>
    public static byte[] ReadBytes(string name)
    {
        using var stream = Open(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static IEnumerable<string> ReadLines(string name) => ReadRows(name).Select(r => r[0].Trim()).Where(s => s.Length > 0);
}
