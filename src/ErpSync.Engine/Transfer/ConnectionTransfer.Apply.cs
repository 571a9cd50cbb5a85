using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Transfer;

public sealed partial class ConnectionTransfer
{
    /// <summary>Applies the document's mappings to a connection whose fields were just read; throws with every problem before anything is saved.</summary>
    private static async Task ApplyMappingsAsync(ErpSyncDb db, Connection connection, ConnectionExport document, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var crmItems = await db.ListItems.Include(i => i.List).ToListAsync(cancellationToken);
        foreach (var exported in document.ActorTypes)
        {
            var type = connection.ActorTypes.FirstOrDefault(a => a.ActorType == exported.ActorType);
            if (type is null)
            {
                errors[exported.ActorType.ToString()] = [T($"This ERP does not offer the actor type {exported.ActorType}.", $"Dit ERP biedt het actortype {exported.ActorType} niet aan.")];
                continue;
            }

            type.IsActive = exported.IsActive;
            foreach (var field in exported.Fields)
            {
                var key = $"{exported.ActorType}.{field.FieldKey}";
                var row = type.Fields.FirstOrDefault(f => string.Equals(f.FieldKey, field.FieldKey, StringComparison.OrdinalIgnoreCase));
                if (row is null)
                {
                    if (field.CrmField is not null || field.Default is not null)
                    {
                        errors[key] = [T($"The ERP has no field {field.FieldKey} any more.", $"Het ERP heeft geen veld {field.FieldKey} meer.")];
                    }

                    continue;
                }

                if (Apply(type, row, field, crmItems) is { } problem)
                {
                    errors[key] = [problem];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("The mappings in the file do not fit this ERP connection:", "De toewijzingen in het bestand passen niet bij deze ERP-verbinding:"), errors);
        }
    }

    private static string? Apply(ActorTypeMapping type, FieldMapping row, ExportedField field, IReadOnlyList<Crm.CrmListItem> crmItems)
    {
        var info = row.Info();
        var input = new FieldMappingInput(field.FieldKey, field.CrmField, field.Direction, field.ShowInSearch, field.ShowInErpTab, field.ConflictPolicy);
        if (MappingRules.Check(type.CrmEntity, info, input) is { } mappingProblem)
        {
            return mappingProblem;
        }

        row.CrmField = field.CrmField is null ? null : CrmFieldCatalog.Find(type.CrmEntity, field.CrmField)!.Key;
        row.ToCrm = field.Direction.ToCrm();
        row.ToErp = field.Direction.ToErp();
        row.ShowInSearch = field.ShowInSearch;
        row.ShowInErpTab = field.ShowInErpTab;
        row.ConflictPolicy = field.ConflictPolicy;
        row.Rank = field.Rank;
        if (field.Default is { } defaults)
        {
            var parsed = FieldValues.TryParse(info.Type, defaults.Value, out var value);
            if (MappingRules.CheckDefault(info, defaults, value, parsed, null) is { } defaultProblem)
            {
                return defaultProblem;
            }

            row.HasDefault = defaults.HasValue;
            row.DefaultValueJson = defaults.HasValue && value is not null ? JsonSerializer.Serialize(value, ConnectorJsonContext.Default.FieldValue) : null;
            row.AskUser = defaults.AskUser;
            row.DefaultMandatory = defaults.Mandatory;
        }

        if ((field.ListItems ?? []).Where(i => !i.NoSelection).GroupBy(i => i.CrmItemCode ?? i.CrmItemName ?? "", StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            return T("The list mapping in the file maps one CRM item to several ERP items; list mapping is one-to-one.", "De lijsttoewijzing in het bestand wijst één CRM-item aan meerdere ERP-items toe; lijsttoewijzing is één-op-één.");
        }

        var listKey = CrmFieldCatalog.Find(type.CrmEntity, row.CrmField)?.ListKey;
        foreach (var item in field.ListItems ?? [])
        {
            var candidates = crmItems.Where(i => i.List!.Key == listKey).ToList();
            var crm = item.NoSelection ? null
                : candidates.FirstOrDefault(i => item.CrmItemCode is not null && string.Equals(i.Code, item.CrmItemCode, StringComparison.OrdinalIgnoreCase))
                  ?? candidates.FirstOrDefault(i => string.Equals(i.Name, item.CrmItemName, StringComparison.OrdinalIgnoreCase));
            if (!item.NoSelection && crm is null)
            {
                return T($"The CRM list has no item \"{item.CrmItemName ?? item.CrmItemCode}\" for the ERP item {item.ErpKey}.", $"De CRM-lijst heeft geen item \"{item.CrmItemName ?? item.CrmItemCode}\" voor het ERP-item {item.ErpKey}.");
            }

            row.ListItems.Add(new ListItemMapping { ErpItemKey = item.ErpKey, CrmListItemId = crm?.Id });
        }

        return null;
    }
}
