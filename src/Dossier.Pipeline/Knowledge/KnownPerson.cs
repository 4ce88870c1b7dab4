namespace Dossier.Pipeline.Knowledge;

/// <summary>One office a well-known person held (<c>people.tsv</c>): as written, its role keys and its years.</summary>
/// <param name="Text">"Secretary of State (2018–2021)".</param>
/// <param name="Keys">The office's keys (<see cref="RoleWords"/>).</param>
/// <param name="From">First year, if given.</param>
/// <param name="To">Last year, or null while the office is held ("(2025–)").</param>
public sealed record KnownRole(string Text, IReadOnlySet<string> Keys, int? From, int? To)
{
    /// <summary>Was the office held in that year (a role without years: always)?</summary>
    public bool HeldIn(int year) => (From ?? int.MinValue) <= year && year <= (To ?? int.MaxValue);
}

/// <summary>
/// A well-known official of <c>people.tsv</c>: the usual full spelling, other spellings, the country represented
/// (null for an international official), the offices held, and whether the surname alone may name them.
/// </summary>
public sealed record KnownPerson(string Name, IReadOnlyList<string> Aliases, string? Country, IReadOnlyList<KnownRole> Roles, bool Distinctive);
