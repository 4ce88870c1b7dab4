using System.Globalization;
using System.Text.Json;

namespace Dossier.Evaluation;

/// <summary>What to look for in a text to find a country given by its ISO 3166-1 alpha-2 code: its English name
/// (from .NET's region data); a value that is no country code (NATO as a new member) is looked for as written.</summary>
internal static class CountryNames
{
    public static IReadOnlyList<string> Needles(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.String } s || s.GetString() is not { Length: > 0 } code)
        {
            return [];
        }

        if (code.Length == 2 && code.All(char.IsAsciiLetter))
        {
            try
            {
                var region = new RegionInfo(code);
                return [region.EnglishName];
            }
            catch (ArgumentException)
            {
                // Not a region .NET knows: look for the code itself.
            }
        }

        return [code];
    }
}
