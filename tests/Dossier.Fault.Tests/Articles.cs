using System.Globalization;
using Dossier.Contracts.V1;

namespace Dossier.Fault.Tests;

/// <summary>
/// Distinct, realistic coalition-news articles, always the same for the same index: short paragraphs from a few
/// templates with varying countries, cities, dates and numbers (small, so that extraction is quick).
/// </summary>
internal static class Articles
{
    private static readonly (string Country, string City, string Minister)[] Places =
    [
        ("Morocco", "Rabat", "Nasser Bourita"), ("Italy", "Rome", "Luigi Di Maio"), ("Iraq", "Baghdad", "Fuad Hussein"),
        ("Jordan", "Amman", "Ayman Safadi"), ("Kuwait", "Kuwait City", "Ahmad Nasser Al-Mohammad Al-Sabah"),
        ("Niger", "Niamey", "Hassoumi Massoudou"), ("Belgium", "Brussels", "Sophie Wilmes"), ("Saudi Arabia", "Riyadh", "Faisal bin Farhan"),
        ("France", "Paris", "Catherine Colonna"), ("Germany", "Berlin", "Annalena Baerbock"), ("Nigeria", "Abuja", "Geoffrey Onyeama"),
        ("Spain", "Madrid", "Jose Manuel Albares"), ("Turkey", "Ankara", "Mevlut Cavusoglu"), ("Egypt", "Cairo", "Sameh Shoukry"),
        ("Canada", "Ottawa", "Melanie Joly"), ("Japan", "Tokyo", "Yoshimasa Hayashi"), ("Kenya", "Nairobi", "Raychelle Omamo"),
        ("Norway", "Oslo", "Anniken Huitfeldt"), ("Qatar", "Doha", "Mohammed bin Abdulrahman Al Thani"), ("Poland", "Warsaw", "Zbigniew Rau"),
    ];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Regions = ["West Africa", "the Sahel", "northeast Syria", "Iraq", "the Lake Chad Basin", "East Africa"];

    public static IEnumerable<IngestRequest> Generate(int count, string prefix = "fault") => Enumerable.Range(0, count).Select(i => Create(i, prefix));

    public static string Id(int index, string prefix = "fault") => $"{prefix}-{index:D5}";

    public static IngestRequest Create(int i, string prefix = "fault")
    {
        var (country, city, minister) = Places[i % Places.Length];
        var (other, _, _) = Places[(i / Places.Length + i + 7) % Places.Length];
        var year = 2015 + i % 9;
        var month = (i / 3) % 12;
        var day = 1 + (i * 7) % 28;
        var date = new DateOnly(year, month + 1, day);
        var members = 60 + (i % 27);
        var millions = 5 + (i * 13) % 400;
        var region = Regions[i % Regions.Length];
        var n = i.ToString(CultureInfo.InvariantCulture);
        var text = (i % 4) switch
        {
            0 => $"{city}, {day} {Months[month]} {year} — Ministers of the Global Coalition to Defeat ISIS met in {city} to review the campaign in {region}. "
                + $"Foreign Minister {minister} of {country} said the coalition of {members} members remains united. Statement {n}.",
            1 => $"{country} pledged ${millions} million for stabilization in {region}, Foreign Minister {minister} announced in {city} on {day} {Months[month]} {year}. "
                + $"{other} welcomed the pledge. Release {n}.",
            2 => $"The Global Coalition to Defeat ISIS welcomed {other} as its {members}th member at a meeting of the Africa Focus Group in {city} "
                + $"on {day} {Months[month]} {year}. Communique {n}.",
            _ => $"On {day} {Months[month]} {year}, Daesh fighters killed {3 + i % 40} civilians in {region}, officials in {city} said. "
                + $"{country} and {other} condemned the attack. Bulletin {n}.",
        };
        return new IngestRequest
        {
            Id = Id(i, prefix),
            Text = text,
            Title = $"{country}: coalition update {n}",
            Source = "fault-tests",
            Url = $"https://example.org/{prefix}/{n}",
            Published = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
