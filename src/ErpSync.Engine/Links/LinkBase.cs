using System.Text.Json;
using ErpSync.Connectors;

namespace ErpSync.Engine.Links;

/// <summary>Reads and writes a link's base snapshot (field key → last synced value in ERP terms).</summary>
public static class LinkBase
{
    public static Dictionary<string, FieldValue?> Read(Link link) =>
        new(JsonSerializer.Deserialize(link.BaseJson, ConnectorJsonContext.Default.DictionaryStringFieldValue) ?? [], StringComparer.OrdinalIgnoreCase);

    public static void Write(Link link, IReadOnlyDictionary<string, FieldValue?> values) =>
        link.BaseJson = JsonSerializer.Serialize(values.ToDictionary(p => p.Key, p => p.Value), ConnectorJsonContext.Default.DictionaryStringFieldValue);
}
