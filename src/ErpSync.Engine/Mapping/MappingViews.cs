using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Mapping;

/// <summary>Builds the dialog views from the stored mapping (pure).</summary>
internal static class MappingViews
{
    public static MappingsView Build(Connection connection) => new(
        connection.Id,
        connection.Name,
        connection.IsActive || connection.IsDeleted,
        connection.ActorTypes.OrderBy(a => a.ActorType).Select(Build).ToList());

    private static ActorTypeMappingView Build(ActorTypeMapping type)
    {
        var crmFields = CrmFieldCatalog.For(type.CrmEntity);
        return new ActorTypeMappingView(type.ActorType, type.LocalizedName, type.CrmEntity, type.IsActive, type.CanCreate, type.MissingInErp,
            type.Fields.OrderBy(f => f.Rank).ThenBy(f => f.FieldKey, StringComparer.OrdinalIgnoreCase).Select(f => Build(f, crmFields)).ToList());
    }

    private static FieldMappingView Build(FieldMapping row, IReadOnlyList<CrmField> crmFields)
    {
        var info = row.Info();
        var options = crmFields
            .Select(c => (Field: c, Compatibility: FieldCompatibility.Check(info, c)))
            .Where(p => p.Compatibility.CanMap)
            .Select(p => new CrmFieldOption(p.Field.Key, p.Field.DisplayName, p.Compatibility.Directions.Order().ToList(), p.Compatibility.Reason))
            .ToList();
        var cannotMap = options.Count > 0 ? null
            : info.Type is FieldType.Password or FieldType.Label
                ? Localization.Text.T("This kind of field is never synced.", "Dit soort veld wordt nooit gesynchroniseerd.")
                : Localization.Text.T("No CRM field of this entity has a matching type.", "Geen CRM-veld van deze entiteit heeft een passend type.");
        var hasDefault = row.HasDefault || row.AskUser || row.DefaultMandatory;
        return new FieldMappingView(
            row.FieldKey, info.DisplayName, info.Tooltip, info.Type, info.ListName, info.IsMandatory, info.IsReadOnly, info.IsKey,
            row.IsSearchable, row.MissingInErp, row.Rank, row.CrmField, row.Direction, row.ShowInSearch, row.ShowInErpTab,
            row.ConflictPolicy ?? ConflictPolicy.NewestWins, options, cannotMap,
            hasDefault ? new DefaultView(row.HasDefault, FieldValues.Format(row.DefaultValue()), null, row.AskUser, row.DefaultMandatory) : null);
    }
}
