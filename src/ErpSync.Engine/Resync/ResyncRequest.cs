using System.Text.Json;
using System.Text.Json.Serialization;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Resync;

/// <summary>Which side's values are forced onto the other side.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResyncSource>))]
public enum ResyncSource
{
    /// <summary>CRM → ERP for the fields mapped that way (functional-spec §3.13).</summary>
    Crm = 0,

    /// <summary>ERP → CRM for the fields mapped that way.</summary>
    Erp = 1,
}

/// <summary>
/// A forced one-way resync of one connection: versions and timestamps are ignored. With <see cref="NoBlankOverwrite"/>
/// a blank source value never overwrites the target. <see cref="Entity"/> and <see cref="RecordIds"/> limit it to
/// certain CRM records; without them every linked record of every active actor type is resynced.
/// </summary>
public sealed record ResyncRequest(ResyncSource From, bool NoBlankOverwrite = false, CrmEntity? Entity = null, IReadOnlyList<int>? RecordIds = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ResyncRequest FromJson(string json) => JsonSerializer.Deserialize<ResyncRequest>(json, Json) ?? throw new JsonException("Empty resync request.");
}
