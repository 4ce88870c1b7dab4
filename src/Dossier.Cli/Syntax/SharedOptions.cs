using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli.Syntax;

/// <summary>
/// The options several commands take. A new instance per command (a symbol belongs to the command it is declared on);
/// <see cref="Servers"/> says what each falls back to.
/// </summary>
public static class SharedOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the API's JSON instead of a table" };

    /// <summary>Adds a validator: the option's whole number must be at least 1 (a non-number is the parser's own error).</summary>
    public static Option<int> AtLeastOne(this Option<int> option, string message)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                result.AddError(message.Replace("{value}", result.Tokens[0].Value, StringComparison.Ordinal));
            }
        });
        return option;
    }

    /// <summary><c>--server URL</c> and <c>--api-key KEY</c>, added to <paramref name="command"/>.</summary>
    public static Func<ParseResult, ServerOptions> AddServer(Command command, string fallback)
    {
        var server = new Option<string>("--server")
        {
            Description = $"The service to call [default: {fallback}]",
            HelpName = "URL",
        };
        server.Validators.Add(result =>
        {
            var url = result.GetValueOrDefault<string>();
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                result.AddError($"--server must be an http:// or https:// URL, not '{url}'");
            }
        });
        var apiKey = new Option<string>("--api-key")
        {
            Description = "The API key writes send [default: DOSSIER_API_KEY, else the app host's key file in the data folder]",
            HelpName = "KEY",
        };
        command.Options.Add(server);
        command.Options.Add(apiKey);
        return result => new ServerOptions(result.GetValue(server), result.GetValue(apiKey));
    }
}
