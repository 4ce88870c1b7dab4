namespace Dossier.Pipeline.Knowledge;

/// <summary>Kinds of gazetteer entries.</summary>
public enum EntityKind
{
    Country,
    CountryAbbreviation,
    Demonym,
    Capital,
    City,
    Subdivision,
    Region,
    Organization,
}

/// <summary>How the text must be cased for a gazetteer phrase to match.</summary>
public enum CaseMode
{
    /// <summary>Exactly as written in the gazetteer (acronyms: US, ISIS, UN).</summary>
    Exact,

    /// <summary>Any case, as long as the first word is capitalized (Global Coalition against Daesh).</summary>
    Capitalized,

    /// <summary>Any case (anti-ISIS coalition, coalition).</summary>
    Any,
}

/// <summary>One surface form of a place or organization.</summary>
/// <param name="Id">Country code, subdivision code or organization id.</param>
/// <param name="Country">ISO alpha-2 of the country a place lies in (null for organizations and regions).</param>
/// <param name="Weak">A weak alias (a bare "coalition") that counts only in context.</param>
public sealed record GazetteerEntry(
    EntityKind Kind,
    string Id,
    string Canonical,
    string? Country,
    CaseMode Mode,
    string Surface,
    bool Weak = false,
    string? OrgKind = null);

/// <summary>A rank or honorific (Major-Gen. → Major-General) and whether it belongs in the title.</summary>
public sealed record RankEntry(string Normal, bool InTitle);

/// <summary>A currency marker ($, USD, euros) and where it stands relative to the amount.</summary>
public sealed record CurrencyEntry(string Code, string Position);
