namespace Dossier.Cli;

public static class Usage
{
    public const string Text = """
        usage: dossier <command> [options]

        Offline (no services needed):
          extract --in DIR --out DIR          extract facts from every *.txt in DIR into DIR/<stem>.json

        """;
}
