using System.Text;
using System.Text.Json;
using Dossier.Cli.Commands;

namespace Dossier.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dossier-cli-tests", Guid.NewGuid().ToString("N"));

    public ExtractCommandTests() => Directory.CreateDirectory(Path.Combine(_root, "in"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Run_FolderOfArticles_WritesOneFactsJsonPerTxtFile()
    {
        File.WriteAllText(Path.Combine(_root, "in", "a1.txt"), "Ministers of the Global Coalition met in Rome, Italy.");
        File.WriteAllText(Path.Combine(_root, "in", "a2.txt"), "Another article.");
        File.WriteAllText(Path.Combine(_root, "in", "notes.md"), "not an article");
        var stdout = new StringWriter();

        var code = ExtractCommand.Run(new Args(["--in", Path.Combine(_root, "in"), "--out", Path.Combine(_root, "out")], new HashSet<string>()), stdout, new StringWriter());

        Assert.Equal(0, code);
        Assert.Equal(["a1.json", "a2.json"], Directory.GetFiles(Path.Combine(_root, "out")).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "out", "a1.json")));
        Assert.Equal("a1", json.RootElement.GetProperty("doc").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("meetings").ValueKind);
    }

    [Fact]
    public void ReadOriginalText_LeadingByteOrderMark_IsDroppedAndNothingElseChanged()
    {
        var path = Path.Combine(_root, "in", "bom.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("  Text\r\nwith CRLF  ")]);

        Assert.Equal("  Text\r\nwith CRLF  ", ExtractCommand.ReadOriginalText(path));
    }

    [Fact]
    public void Run_MissingInputFolder_IsAUsageError()
    {
        var args = new Args(["--in", Path.Combine(_root, "nope"), "--out", Path.Combine(_root, "out")], new HashSet<string>());

        Assert.Throws<UsageException>(() => ExtractCommand.Run(args, new StringWriter(), new StringWriter()));
    }
}
