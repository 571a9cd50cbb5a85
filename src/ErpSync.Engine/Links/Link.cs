using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Links;

/// <summary>
/// One CRM record paired with one ERP actor in one connection. Unique per (connection, CRM record) and per
/// (connection, actor type, ERP key). <see cref="BaseJson"/> holds the last synced value of every mapped field
/// (in ERP terms), which the three-way merge compares both sides against.
/// </summary>
public sealed class Link
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public CrmEntity CrmEntity { get; set; }
    public int CrmRecordId { get; set; }
    public ActorType ActorType { get; set; }
    public required string ErpKey { get; set; }

    /// <summary>The ERP actor's version when last synced; sent as the expected version of the next write.</summary>
    public string? ErpVersion { get; set; }

    /// <summary>The CRM record's change sequence when last synced; a higher one means the CRM changed since.</summary>
    public long CrmChangeSeq { get; set; }

    /// <summary>Field key → last synced value, as JSON of <c>Dictionary&lt;string, FieldValue?&gt;</c>.</summary>
    public string BaseJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSyncedAt { get; set; }
}
