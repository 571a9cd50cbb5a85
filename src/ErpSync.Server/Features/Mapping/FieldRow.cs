using ErpSync.Engine.Mapping;

namespace ErpSync.Server.Features.Mapping;

/// <summary>The editable state of one row of the Mappings grid, with the dialog's exclusivity rules.</summary>
public sealed class FieldRow(FieldMappingView view)
{
    public FieldMappingView View { get; } = view;
    public string? CrmField { get; private set; } = view.CrmField;
    public FieldDirection Direction { get; private set; } = view.Direction;
    public bool ShowInSearch { get; set; } = view.ShowInSearch;
    public bool ShowInErpTab { get; private set; } = view.ShowInErpTab;
    public ConflictPolicy Policy { get; set; } = view.ConflictPolicy;

    public CrmFieldOption? Option => View.CrmFieldOptions.FirstOrDefault(o => o.Key == CrmField);

    public IReadOnlyList<FieldDirection> AllowedDirections => Option?.Directions ?? [];

    public bool IsChanged => CrmField != View.CrmField || Direction != View.Direction || ShowInSearch != View.ShowInSearch
        || ShowInErpTab != View.ShowInErpTab || (Direction == FieldDirection.Both && Policy != View.ConflictPolicy);

    /// <summary>Choosing another CRM field keeps the direction only if the new pair allows it.</summary>
    public void SetCrmField(string? key)
    {
        CrmField = string.IsNullOrEmpty(key) ? null : key;
        if (!AllowedDirections.Contains(Direction))
        {
            Direction = FieldDirection.None;
        }
    }

    /// <summary>A synced field is not also shown on the ERP tab (functional-spec B27).</summary>
    public void SetDirection(FieldDirection direction)
    {
        Direction = AllowedDirections.Contains(direction) ? direction : FieldDirection.None;
        if (Direction != FieldDirection.None)
        {
            ShowInErpTab = false;
        }
    }

    public void SetShowInErpTab(bool show)
    {
        ShowInErpTab = show;
        if (show)
        {
            Direction = FieldDirection.None;
        }
    }

    public FieldMappingInput ToInput() =>
        new(View.FieldKey, CrmField, Direction, ShowInSearch, ShowInErpTab, Direction == FieldDirection.Both ? Policy : null);
}
