using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dossier.Domain;

/// <summary>
/// Reads and writes <see cref="DocumentFacts"/> as the facts JSON of <c>shared/eval/FORMAT.md</c>:
/// snake_case names, spans as <c>[start, end]</c> pairs, nulls written out.
/// </summary>
public static class FactsJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: true);

    public static JsonSerializerOptions CompactOptions { get; } = CreateOptions(indented: false);

    public static string Serialize(DocumentFacts facts, bool indented = true) =>
        JsonSerializer.Serialize(facts, indented ? Options : CompactOptions);

    public static DocumentFacts Deserialize(string json) =>
        JsonSerializer.Deserialize<DocumentFacts>(json, Options)
        ?? throw new JsonException("The facts JSON is empty.");

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new TextSpanConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes a <see cref="TextSpan"/> as the pair <c>[start, end]</c>.</summary>
    private sealed class TextSpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A span must be an array [start, end].");
            }

            reader.Read();
            var start = reader.GetInt32();
            reader.Read();
            var end = reader.GetInt32();
            reader.Read();
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("A span must have exactly two numbers.");
            }

            return new TextSpan(start, end);
        }

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }
}
