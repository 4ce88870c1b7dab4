using Dossier.Domain;

namespace Dossier.Store;

/// <summary>One canonical entity as one article mentions it.</summary>
internal sealed class EntityUse(string id, string kind, string name, string? country, string? surname)
{
    public string Id { get; } = id;
    public string Kind { get; } = kind;
    public string Name { get; } = name;
    public string? Country { get; } = country;
    public string? Surname { get; } = surname;
    public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);
    public List<TextSpan> Spans { get; } = [];
}
