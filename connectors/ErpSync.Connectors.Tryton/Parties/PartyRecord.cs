using System.Text.Json;

namespace ErpSync.Connectors.Tryton;

/// <summary>A party as read from Tryton with the children the actor fields come from.</summary>
internal sealed class PartyRecord
{
    public required long Id { get; init; }

    public required JsonElement Row { get; init; }

    public JsonElement? Address { get; set; }

    public Dictionary<string, JsonElement> Mechanisms { get; } = new(StringComparer.Ordinal);

    public JsonElement? TaxIdentifier { get; set; }

    public long? ParentId { get; set; }

    /// <summary>The latest create or write time of the party and its children: the actor's version and change time.</summary>
    public DateTime ChangedAt { get; set; }

    public bool Active => TrytonJson.ReadBoolean(TrytonJson.Get(Row, "active"));

    public long? ReplacedBy => TrytonJson.ReadId(TrytonJson.Get(Row, "replaced_by"));

    public IReadOnlyList<long> Categories => TrytonJson.ReadIds(TrytonJson.Get(Row, "categories"));

    public string? Name => TrytonJson.ReadText(TrytonJson.Get(Row, "name"));

    /// <summary>Tryton's own optimistic-lock stamp, sent back in the context's <c>_timestamp</c> on write.</summary>
    public string? TrytonTimestamp => TrytonJson.ReadText(TrytonJson.Get(Row, "_timestamp"));

    public string Version => ChangedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Touch(JsonElement row)
    {
        var stamp = TrytonJson.ReadDateTime(TrytonJson.Get(row, "write_date")) ?? TrytonJson.ReadDateTime(TrytonJson.Get(row, "create_date"));
        if (stamp > ChangedAt)
        {
            ChangedAt = stamp.Value;
        }
    }
}
