namespace Dossier.Cli;

/// <summary>Minimal option parsing: <c>--name value</c>, <c>--flag</c> and positional arguments.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public Args(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var name = a[2..];
                if (flags.Contains(name))
                {
                    _options[name] = null;
                }
                else if (e.MoveNext())
                {
                    _options[name] = e.Current;
                }
                else
                {
                    throw new UsageException($"option --{name} needs a value");
                }
            }
            else
            {
                _positional.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public string Require(string name) => Get(name) ?? throw new UsageException($"option --{name} is required");
}

public sealed class UsageException(string message) : Exception(message);
