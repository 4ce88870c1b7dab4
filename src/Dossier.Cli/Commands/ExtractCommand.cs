using System.Diagnostics;
using System.Text;
using Dossier.Domain;
using Dossier.Pipeline;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>extract --in DIR --out DIR</c>: runs the extraction pipeline in-process over every <c>*.txt</c> in a folder
/// and writes one <c>&lt;stem&gt;.json</c> per article in the facts JSON of FORMAT.md.
/// </summary>
public static class ExtractCommand
{
    public static int Run(Args args, TextWriter stdout, TextWriter stderr)
    {
        var input = args.Require("in");
        var output = args.Require("out");
        if (!Directory.Exists(input))
        {
            throw new UsageException($"input folder not found: {input}");
        }

        Directory.CreateDirectory(output);
        var started = Stopwatch.StartNew();
        var pipeline = ExtractionPipeline.CreateDefault();
        var files = Directory.GetFiles(input, "*.txt").Order(StringComparer.Ordinal).ToList();
        long chars = 0;
        foreach (var file in files)
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var text = ReadOriginalText(file);
            chars += text.Length;
            var result = pipeline.Extract(new ExtractionRequest(stem, text));
            File.WriteAllText(Path.Combine(output, stem + ".json"), FactsJson.Serialize(result.Facts), Utf8NoBom);
            stdout.WriteLine($"{stem}: {result.Facts.Count} facts");
        }

        stderr.WriteLine($"extracted {files.Count} articles ({chars:N0} characters) in {started.Elapsed.TotalSeconds:F2} s with extractor {pipeline.Version}");
        return 0;
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file's bytes decoded as UTF-8 with a leading byte-order mark dropped, nothing else changed.</summary>
    public static string ReadOriginalText(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
