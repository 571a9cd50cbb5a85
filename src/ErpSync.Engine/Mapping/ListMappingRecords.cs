using ErpSync.Connectors;

namespace ErpSync.Engine.Mapping;

public sealed record CrmListItemOption(int Id, string Name, string? Code);

/// <summary>One ERP item of a mapped list. <see cref="Reviewed"/> is false until the admin saved a choice ("(No selection)" counts).</summary>
public sealed record ListItemRow(string ErpKey, string ErpText, int? CrmListItemId, bool Reviewed);

/// <summary>A list that can be mapped: an ERP list field mapped to a CRM list field.</summary>
public sealed record ListMappingView(
    ActorType ActorType,
    string ActorTypeName,
    string FieldKey,
    string FieldName,
    string ErpListName,
    string CrmListKey,
    string CrmListName,
    bool IsSynced,
    IReadOnlyList<CrmListItemOption> CrmItems,
    IReadOnlyList<ListItemRow> Items,
    string? Error);

public sealed record ListMappingsView(int ConnectionId, bool IsLocked, IReadOnlyList<ListMappingView> Lists);

/// <summary>The admin's choice for one ERP item; a null <see cref="CrmListItemId"/> is "(No selection)".</summary>
public sealed record ListItemInput(string ErpKey, int? CrmListItemId);
