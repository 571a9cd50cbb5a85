using ErpSync.Connectors;

namespace ErpSync.Engine.Connections;

/// <summary>A user or group in a connection's scope.</summary>
public sealed record AccessEntry(int? UserId, int? GroupId, bool CanLink = true, bool CanCreate = true);

/// <summary>
/// What an administrator submits to define or edit a connection. Configuration values are invariant
/// text per field key (see <see cref="FieldValues.TryParse"/>). For password fields a missing key keeps
/// the stored secret; an empty value clears it.
/// </summary>
public sealed record ConnectionInput(
    string Name,
    int ConnectorId,
    string? Description,
    bool AllAccess,
    IReadOnlyList<AccessEntry> Access,
    IReadOnlyDictionary<string, string?> Values);

/// <summary>A candidate configuration to test: a connector, and optionally the connection whose stored secrets fill in missing password values.</summary>
public sealed record ConnectionTestInput(int ConnectorId, int? ConnectionId, IReadOnlyDictionary<string, string?> Values);

/// <summary>One row of the ERP connections list.</summary>
public sealed record ConnectionSummary(
    int Id,
    Guid PublicId,
    string Name,
    int ConnectorId,
    string ConnectorName,
    string? Description,
    bool AllAccess,
    int AccessCount,
    bool IsActive,
    bool IsDeleted,
    DateTimeOffset UpdatedAt);

/// <summary>A connection as the edit dialog and the API show it: secrets are never included, only whether they are set.</summary>
public sealed record ConnectionDetails(
    int Id,
    Guid PublicId,
    string Name,
    int ConnectorId,
    string ConnectorName,
    string? Description,
    bool AllAccess,
    IReadOnlyList<AccessEntry> Access,
    bool IsActive,
    bool IsDeleted,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<string> SecretsSet,
    IReadOnlyList<ActorTypeSummary> ActorTypes);

/// <summary>An actor type cached for a connection, with the fields it syncs.</summary>
public sealed record ActorTypeSummary(ActorType ActorType, string DisplayName, CrmEntity CrmEntity, bool IsActive, int FieldCount, int MappedFieldCount, IReadOnlyList<SyncedFieldSummary> SyncedFields);

/// <summary>A field synced in some direction, for the summary under the connections list.</summary>
public sealed record SyncedFieldSummary(string ErpField, string CrmField, Mapping.FieldDirection Direction);

/// <summary>The outcome of checking the Active box.</summary>
public sealed record ActivationResult(bool IsActive, IReadOnlyList<string> Problems);

/// <summary>A connection the current user may use, for the ERP tab.</summary>
public sealed record UsableConnection(int Id, string Name, string? Description, bool CanLink, bool CanCreate);
