using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Mapping;

/// <summary>A CRM field an ERP field may map to, with the directions the pair allows.</summary>
public sealed record CrmFieldOption(string Key, string DisplayName, IReadOnlyList<FieldDirection> Directions, string? Reason);

/// <summary>A field's default for new ERP records.</summary>
/// <param name="HasValue">"Set default value" is checked.</param>
/// <param name="Value">The value as invariant text (list fields: the ERP item key).</param>
/// <param name="ValueText">For list fields: the ERP item's text, when known.</param>
/// <param name="AskUser">"Ask user for value".</param>
/// <param name="Mandatory">"Mandatory – user must fill in value".</param>
public sealed record DefaultView(bool HasValue, string? Value, string? ValueText, bool AskUser, bool Mandatory);

/// <summary>One row of the Mappings grid.</summary>
public sealed record FieldMappingView(
    string FieldKey,
    string DisplayName,
    string? Tooltip,
    FieldType Type,
    string? ListName,
    bool IsMandatory,
    bool IsReadOnly,
    bool IsKey,
    bool IsSearchable,
    bool MissingInErp,
    int Rank,
    string? CrmField,
    FieldDirection Direction,
    bool ShowInSearch,
    bool ShowInErpTab,
    ConflictPolicy ConflictPolicy,
    IReadOnlyList<CrmFieldOption> CrmFieldOptions,
    string? CannotMapReason,
    DefaultView? Default);

/// <summary>One tab of the Mappings dialog.</summary>
public sealed record ActorTypeMappingView(
    ActorType ActorType,
    string DisplayName,
    CrmEntity CrmEntity,
    bool IsActive,
    bool CanCreate,
    bool MissingInErp,
    IReadOnlyList<FieldMappingView> Fields);

/// <summary>Everything the Mappings, Defaults and Rank fields dialogs show.</summary>
/// <param name="IsLocked">True while the connection is active: the dialogs open read-only.</param>
public sealed record MappingsView(int ConnectionId, string ConnectionName, bool IsLocked, IReadOnlyList<ActorTypeMappingView> ActorTypes);

/// <summary>What the admin sets for one ERP field in the Mappings grid.</summary>
public sealed record FieldMappingInput(string FieldKey, string? CrmField, FieldDirection Direction, bool ShowInSearch, bool ShowInErpTab, ConflictPolicy? ConflictPolicy = null);

/// <summary>One tab of the Mappings dialog as saved.</summary>
/// <param name="IsActive">"Sync ERP &lt;actor type&gt; to CRM &lt;entity&gt;".</param>
/// <param name="Fields">The fields to change; fields not listed keep their mapping.</param>
public sealed record ActorTypeMappingInput(bool IsActive, IReadOnlyList<FieldMappingInput> Fields);

/// <summary>"Add sync default value" as saved.</summary>
public sealed record DefaultInput(bool HasValue, string? Value, bool AskUser, bool Mandatory);
