namespace ErpSync.Connectors;

/// <summary>Describes one configuration field or one field of an actor type.</summary>
public sealed record FieldInfo
{
    /// <summary>Stable key of the field; values are keyed by it. Must not change when the field is renamed.</summary>
    public required string Key { get; init; }

    /// <summary>The label shown to users.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The field type.</summary>
    public required FieldType Type { get; init; }

    /// <summary>A tooltip explaining the field, or null.</summary>
    public string? Tooltip { get; init; }

    /// <summary>For <see cref="FieldType.List"/> fields: the name passed to <see cref="IListProvider.GetListAsync"/>.</summary>
    public string? ListName { get; init; }

    /// <summary>The value a new configuration starts with (for lists: an item key), or null.</summary>
    public FieldValue? DefaultValue { get; init; }

    /// <summary>The maximum length of text values; 0 means unlimited.</summary>
    public int MaxLength { get; init; }

    /// <summary>Mandatory, read-only or normal.</summary>
    public FieldAccess Access { get; init; } = FieldAccess.Normal;

    /// <summary>Display order: lower ranks come first.</summary>
    public int Rank { get; init; }

    /// <summary>True for fields that identify the actor (its ERP key or number); they are never synced into the ERP.</summary>
    public bool IsKey { get; init; }

    /// <summary>True when <see cref="Access"/> is <see cref="FieldAccess.Mandatory"/>.</summary>
    public bool IsMandatory => Access == FieldAccess.Mandatory;

    /// <summary>True when <see cref="Access"/> is <see cref="FieldAccess.ReadOnly"/>.</summary>
    public bool IsReadOnly => Access == FieldAccess.ReadOnly;
}
