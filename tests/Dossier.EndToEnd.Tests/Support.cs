using System.Text.Json;

namespace Dossier.EndToEnd.Tests;

internal static class TraceJson
{
    /// <summary>Every <c>service.name</c> resource attribute found anywhere in an OTLP-JSON-like document.</summary>
    public static HashSet<string> ServiceNames(string json)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(json);
        Walk(doc.RootElement, names);
        return names;
    }

    private static void Walk(JsonElement e, HashSet<string> names)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (e.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == "service.name"
                    && e.TryGetProperty("value", out var value))
                {
                    var s = value.ValueKind == JsonValueKind.String ? value.GetString()
                        : value.TryGetProperty("stringValue", out var sv) ? sv.GetString() : null;
                    if (s is not null)
                    {
                        names.Add(s);
                    }
                }

                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, names);
                }

                break;
        }
    }
}
