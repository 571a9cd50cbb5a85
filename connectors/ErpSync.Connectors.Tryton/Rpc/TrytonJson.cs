using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>Tryton's JSON value encoding: <c>{"__class__":"datetime",…}</c> objects, naive UTC, booleans as 1/0 on SQLite (pure).</summary>
internal static class TrytonJson
{
    public static JsonObject DateTime(DateTime utc) => new()
    {
        ["__class__"] = "datetime",
        ["year"] = utc.Year, ["month"] = utc.Month, ["day"] = utc.Day,
        ["hour"] = utc.Hour, ["minute"] = utc.Minute, ["second"] = utc.Second,
        ["microsecond"] = (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10),
    };

    /// <summary>Reads a datetime object (naive, UTC); null for JSON null or a missing value.</summary>
    public static DateTime? ReadDateTime(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("year", out var year))
        {
            return null;
        }

        int Part(string name) => value.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;
        return new DateTime(year.GetInt32(), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"), DateTimeKind.Utc)
            .AddTicks(Part("microsecond") * 10L);
    }

    /// <summary>Booleans come back as <c>true</c>/<c>false</c> on PostgreSQL and <c>1</c>/<c>0</c> on SQLite.</summary>
    public static bool ReadBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => value.GetDecimal() != 0,
        _ => false,
    };

    public static long? ReadId(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public static string? ReadText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    public static IReadOnlyList<long> ReadIds(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt64()).ToArray() : [];

    public static JsonElement Get(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) ? value : default;

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static long? ParseKey(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public static JsonArray Leaf(string field, string op, JsonNode? value) => [field, op, value];
}
