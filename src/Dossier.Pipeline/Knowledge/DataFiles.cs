using System.Reflection;

namespace Dossier.Pipeline.Knowledge;

/// <summary>Reads the data files embedded in this assembly (Data/*.tsv, *.txt, *.json).</summary>
public static class DataFiles
{
    private static readonly Assembly Assembly = typeof(DataFiles).Assembly;

    public static string ReadAll(string name)
    {
        using var stream = Assembly.GetManifestResourceStream("Dossier.Pipeline.Data." + name)
            ?? throw new InvalidOperationException($"data file '{name}' is not embedded in Dossier.Pipeline");
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

    public static IEnumerable<string> ReadLines(string name) => ReadRows(name).Select(r => r[0].Trim()).Where(s => s.Length > 0);
}
