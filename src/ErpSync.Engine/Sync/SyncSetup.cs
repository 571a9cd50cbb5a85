using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Sync;

/// <summary>The synced fields of each active actor type of a connection, ready for the planner.</summary>
internal static class SyncSetup
{
    public static IReadOnlyList<SyncField> Fields(ActorTypeMapping type) =>
        type.Fields
            .Where(f => f.CrmField is not null && f.Direction != FieldDirection.None && !f.MissingInErp)
            .Select(f => (Row: f, Crm: CrmFieldCatalog.Find(type.CrmEntity, f.CrmField)))
            .Where(p => p.Crm is not null)
            .Select(p => new SyncField(p.Row.Info(), p.Crm!, p.Row.Direction, p.Row.ConflictPolicy ?? ConflictPolicy.NewestWins,
                p.Crm!.Type == CrmFieldType.List ? new ListTranslator(p.Row.ListItems.Select(i => (i.ErpItemKey, i.CrmListItemId))) : null))
            .ToList();

    public static Dictionary<string, string> Cursors(Connection connection) =>
        connection.ErpCursorsJson is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : [];

    public static void SaveCursors(Connection connection, Dictionary<string, string> cursors) =>
        connection.ErpCursorsJson = JsonSerializer.Serialize(cursors);

    /// <summary>True when the CRM ranks above the connection in the sync priority.</summary>
    public static bool CrmFirst(string priorityOrder, int connectionId)
    {
        var order = SyncPriority.Order(priorityOrder, [(connectionId, "")]);
        return order.ToList().IndexOf(SyncPriority.Crm) < order.ToList().IndexOf(connectionId);
    }

    public static IReadOnlyList<string> FieldKeys(IReadOnlyList<SyncField> fields) => fields.Select(f => f.Erp.Key).ToList();

    public static ActorType[] ActiveTypes(Connection connection) =>
        connection.ActorTypes.Where(a => a.IsActive && !a.MissingInErp).Select(a => a.ActorType).Order().ToArray();
}
