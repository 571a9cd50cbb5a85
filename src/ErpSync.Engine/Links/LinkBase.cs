using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Links;

/// <summary>New links, and reading and writing a link's base snapshot (field key → last synced value in ERP terms).</summary>
public static class LinkBase
{
    public static Dictionary<string, FieldValue?> Read(Link link) =>
        new(JsonSerializer.Deserialize(link.BaseJson, ConnectorJsonContext.Default.DictionaryStringFieldValue) ?? [], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A new link of a CRM record to an ERP actor, synced as of <paramref name="now"/> with <paramref name="values"/> as
    /// its base. The record's change sequence is set by the caller once the record is saved.
    /// </summary>
    public static Link NewLink(int connectionId, CrmEntity entity, int crmRecordId, ActorType actorType, string erpKey, string? erpVersion,
        IReadOnlyDictionary<string, FieldValue?> values, DateTimeOffset now)
    {
        var link = new Link
        {
            ConnectionId = connectionId,
            CrmEntity = entity,
            CrmRecordId = crmRecordId,
            ActorType = actorType,
            ErpKey = erpKey,
            ErpVersion = erpVersion,
            CreatedAt = now,
            LastSyncedAt = now,
        };
        Write(link, values);
        return link;
    }

    public static void Write(Link link, IReadOnlyDictionary<string, FieldValue?> values) =>
        link.BaseJson = JsonSerializer.Serialize(values.ToDictionary(p => p.Key, p => p.Value), ConnectorJsonContext.Default.DictionaryStringFieldValue);
}
