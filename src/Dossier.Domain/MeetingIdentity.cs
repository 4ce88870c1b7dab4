namespace Dossier.Domain;

/// <summary>
/// When two reports speak of the same meeting: the rules the pipeline (mentions inside one article) and the knowledge
/// store (meetings across articles) share, so that both agree on the same city and the same day.
/// </summary>
public static class MeetingIdentity
{
    /// <summary>
    /// The key a city is compared on: the gazetteer's name when the pipeline knew the city (every spelling of it has
    /// the same one: Marrakech, Marrakesh), else the spelling with case, diacritics and punctuation folded.
    /// </summary>
    public static string CityKey(string city, string? gazetteerName) => TextKeys.Fold(gazetteerName ?? city);

    /// <summary>The key of a meeting's city, or null when it names none.</summary>
    public static string? CityKey(MeetingFact meeting) => meeting.City is null ? null : CityKey(meeting.City, meeting.CityKey);

    /// <summary>Two city keys (of <see cref="CityKey(string, string?)"/>) name the same city.</summary>
    public static bool SameCity(string keyA, string keyB) => string.Equals(keyA, keyB, StringComparison.Ordinal);

    /// <summary>The formats agree: the same one, or one side only says "other".</summary>
    public static bool FormatsAgree(string a, string b) => a == b || a == MeetingFormats.Other || b == MeetingFormats.Other;

    /// <summary>Two dates of one article's mentions fit one meeting: either is unknown, or they can denote the same day.</summary>
    public static bool SameDayInArticle(string? a, string? b) => a is null || b is null || PartialDates.Compatible(a, b);
}
