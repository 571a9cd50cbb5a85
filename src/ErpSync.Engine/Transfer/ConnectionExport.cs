using ErpSync.Connectors;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Transfer;

/// <summary>
/// A connection's complete configuration as a portable document (format <see cref="FormatName"/>): everything
/// but secrets, with users, groups and CRM list items named instead of numbered, so it can be imported into
/// another installation.
/// </summary>
public sealed record ConnectionExport(
    string Format,
    string Name,
    string? Description,
    ExportedConnector Connector,
    bool AllAccess,
    IReadOnlyList<ExportedAccess> Access,
    IReadOnlyDictionary<string, string?> Configuration,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<ExportedActorType> ActorTypes)
{
    public const string FormatName = "erpsync.connection.v1";
}

public sealed record ExportedConnector(string Name, string? BuiltInName, string? Url);

/// <summary>A user (by user name) or group (by name) in the scope.</summary>
public sealed record ExportedAccess(string? User, string? Group, bool CanLink, bool CanCreate);

public sealed record ExportedActorType(ActorType ActorType, bool IsActive, IReadOnlyList<ExportedField> Fields);

public sealed record ExportedField(
    string FieldKey,
    string? CrmField,
    FieldDirection Direction,
    bool ShowInSearch,
    bool ShowInErpTab,
    ConflictPolicy? ConflictPolicy,
    int Rank,
    DefaultInput? Default,
    IReadOnlyList<ExportedListItem>? ListItems);

/// <summary>An ERP item and the CRM item it maps to (by code, else by name), or null for "(No selection)".</summary>
public sealed record ExportedListItem(string ErpKey, string? CrmItemCode, string? CrmItemName, bool NoSelection);

/// <summary>What the import dialog sends: the document, an optional new name, and the secrets it does not contain.</summary>
public sealed record ConnectionImportRequest(ConnectionExport Document, string? Name, IReadOnlyDictionary<string, string?> Secrets);
