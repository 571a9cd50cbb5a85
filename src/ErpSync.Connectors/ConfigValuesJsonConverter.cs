using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ErpSync.Connectors;

/// <summary>Reads and writes <see cref="ConfigValues"/> as a JSON object of field key to typed value.</summary>
public sealed class ConfigValuesJsonConverter : JsonConverter<ConfigValues>
{
    /// <inheritdoc/>
    public override ConfigValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<Dictionary<string, FieldValue?>>)options.GetTypeInfo(typeof(Dictionary<string, FieldValue?>));
        return new ConfigValues(JsonSerializer.Deserialize(ref reader, info) ?? []);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ConfigValues value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<Dictionary<string, FieldValue?>>)options.GetTypeInfo(typeof(Dictionary<string, FieldValue?>));
        JsonSerializer.Serialize(writer, value.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase), info);
    }
}
