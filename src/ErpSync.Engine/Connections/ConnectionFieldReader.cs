using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Connections;

/// <summary>
/// Reads a connection's actor types and fields from its connector and merges them into the cached
/// mapping rows: new fields are added (auto-mapped, no direction), known fields keep their mapping,
/// fields the connector no longer reports are flagged "missing in ERP".
/// </summary>
public static class ConnectionFieldReader
{
    public static async Task RefreshAsync(ISyncConnector connector, ConnectorContext context, Connection connection, CancellationToken cancellationToken)
    {
        // Names are read once per UI language, so every administrator sees them in their own.
        var english = context with { Culture = "en" };
        var dutch = context with { Culture = "nl" };
        var types = (await connector.GetActorTypesAsync(english, cancellationToken)).GetValueOrThrow();
        var dutchTypes = (await connector.GetActorTypesAsync(dutch, cancellationToken)).GetValueOrThrow();
        var searchable = connector as ISearchableConnector;
        foreach (var mapping in connection.ActorTypes)
        {
            mapping.MissingInErp = types.All(t => t.Type != mapping.ActorType);
        }

        foreach (var type in types)
        {
            if (CrmEntities.For(type.Type) is not { } entity)
            {
                continue;
            }

            var mapping = connection.ActorTypes.FirstOrDefault(m => m.ActorType == type.Type);
            if (mapping is null)
            {
                mapping = new ActorTypeMapping { ActorType = type.Type, DisplayName = type.DisplayName, CrmEntity = entity };
                connection.ActorTypes.Add(mapping);
            }

            mapping.DisplayName = type.DisplayName;
            mapping.DutchDisplayName = dutchTypes.FirstOrDefault(t => t.Type == type.Type)?.DisplayName;
            mapping.CanCreate = type.CanCreate;
            mapping.CanWrite = type.CanWrite;
            var fields = (await connector.GetFieldsAsync(english, type.Type, cancellationToken)).GetValueOrThrow();
            var dutchFields = (await connector.GetFieldsAsync(dutch, type.Type, cancellationToken)).GetValueOrThrow();
            var searchableKeys = searchable is null ? [] : (await searchable.GetSearchableFieldsAsync(english, type.Type, cancellationToken))
                .GetValueOrThrow().Select(f => f.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Merge(mapping, fields, searchableKeys);
            foreach (var row in mapping.Fields)
            {
                var translated = dutchFields.FirstOrDefault(f => string.Equals(f.Key, row.FieldKey, StringComparison.OrdinalIgnoreCase));
                row.DutchName = translated?.DisplayName;
                row.DutchTooltip = translated?.Tooltip;
            }
        }
    }

    internal static void Merge(ActorTypeMapping mapping, IReadOnlyList<FieldInfo> fields, IReadOnlySet<string> searchableKeys)
    {
        foreach (var row in mapping.Fields)
        {
            row.MissingInErp = fields.All(f => !string.Equals(f.Key, row.FieldKey, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var field in fields.Where(f => f.Type != FieldType.Label))
        {
            var row = mapping.Fields.FirstOrDefault(r => string.Equals(r.FieldKey, field.Key, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                row = new FieldMapping
                {
                    FieldKey = field.Key,
                    MetadataJson = "",
                    CrmField = AutoMapper.CrmFieldFor(mapping.CrmEntity, field.Key),
                    Rank = field.Rank,
                };
                mapping.Fields.Add(row);
            }

            row.MetadataJson = JsonSerializer.Serialize(field, ConnectorJsonContext.Default.FieldInfo);
            row.IsSearchable = searchableKeys.Contains(field.Key);
        }
    }
}
