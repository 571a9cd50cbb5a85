using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Mapping;

public sealed partial class MappingAdmin
{
    /// <summary>The List mapping dialog: every ERP list field mapped to a CRM list field, with both sides' items.</summary>
    public async Task<ListMappingsView> GetListMappingsAsync(int connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        var lists = new List<ListMappingView>();
        foreach (var (type, row, info, crm) in MappedListFields(connection))
        {
            var crmList = await db.Lists.Include(l => l.Items).FirstAsync(l => l.Key == crm.ListKey, cancellationToken);
            var crmItems = crmList.Items.Where(i => !i.IsDeleted || row.ListItems.Any(m => m.CrmListItemId == i.Id))
                .OrderBy(i => i.Rank).Select(i => new CrmListItemOption(i.Id, i.Name, i.Code)).ToList();
            IReadOnlyList<ListItem> erpItems = [];
            string? error = null;
            try
            {
                erpItems = await ErpListAsync(connection, info.ListName!, cancellationToken);
            }
            catch (UserErrorException ex)
            {
                error = ex.Message;
            }

            var stored = row.ListItems.ToDictionary(i => i.ErpItemKey, StringComparer.Ordinal);
            var items = erpItems.Select(e => new ListItemRow(e.Key, e.Text, stored.GetValueOrDefault(e.Key)?.CrmListItemId, stored.ContainsKey(e.Key))).ToList();
            lists.Add(new ListMappingView(type.ActorType, type.LocalizedName, row.FieldKey, info.DisplayName, info.ListName!, crmList.Key, crmList.Name,
                row.Direction != FieldDirection.None, crmItems, items, error));
        }

        return new ListMappingsView(connection.Id, connection.IsActive || connection.IsDeleted, lists);
    }

    /// <summary>Saves the item pairs of one list. One-to-one: a CRM item chosen twice refuses the save and names the rows.</summary>
    public async Task SaveListMappingAsync(int connectionId, ActorType actorType, string fieldKey, IReadOnlyList<ListItemInput> items, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadForEditAsync(db, connectionId, cancellationToken);
        var (_, row, info, crm) = MappedListFields(connection).FirstOrDefault(f => f.Type.ActorType == actorType && string.Equals(f.Row.FieldKey, fieldKey, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            throw UserErrorException.NotFound(T("This field is not an ERP list field mapped to a CRM list; map it in Mappings first.", "Dit veld is geen ERP-lijstveld dat aan een CRM-lijst is toegewezen; wijs het eerst toe in Toewijzingen."));
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in ListSuggester.Duplicates(items))
        {
            errors[key] = [T("This CRM item is chosen for more than one ERP item.", "Dit CRM-item is voor meer dan één ERP-item gekozen.")];
        }

        var crmIds = await db.ListItems.Where(i => i.List!.Key == crm.ListKey).Select(i => i.Id).ToListAsync(cancellationToken);
        var erpKeys = (await ErpListAsync(connection, info.ListName!, cancellationToken)).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!erpKeys.Contains(item.ErpKey))
            {
                errors[item.ErpKey] = [T($"\"{item.ErpKey}\" is not an item of the ERP list.", $"\"{item.ErpKey}\" is geen item van de ERP-lijst.")];
            }
            else if (item.CrmListItemId is { } id && !crmIds.Contains(id))
            {
                errors[item.ErpKey] = [T("The chosen CRM item is not in the CRM list.", "Het gekozen CRM-item staat niet in de CRM-lijst.")];
            }
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("List mapping is one-to-one: correct the red rows before saving.", "Lijsttoewijzing is één-op-één: corrigeer de rode rijen voordat u opslaat."), errors);
        }

        row.ListItems.Clear();
        row.ListItems.AddRange(items.Select(i => new ListItemMapping { ErpItemKey = i.ErpKey, CrmListItemId = i.CrmListItemId }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<(ActorTypeMapping Type, FieldMapping Row, FieldInfo Info, CrmField Crm)> MappedListFields(Connection connection) =>
        from type in connection.ActorTypes.OrderBy(a => a.ActorType)
        from row in type.Fields.OrderBy(f => f.Rank)
        let info = row.Info()
        let crm = CrmFieldCatalog.Find(type.CrmEntity, row.CrmField)
        where info.Type == FieldType.List && info.ListName is not null && crm is { Type: CrmFieldType.List, ListKey: not null } && !row.MissingInErp
        select (type, row, info, crm);
}
