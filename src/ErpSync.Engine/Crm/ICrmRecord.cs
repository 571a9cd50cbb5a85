namespace ErpSync.Engine.Crm;

/// <summary>
/// A CRM record that takes part in sync. <see cref="ChangeSeq"/> is assigned from one database-wide
/// counter on every insert and update (see ErpSyncDb.SaveChangesAsync), so "what changed since N" is an
/// index range scan.
/// </summary>
public interface ICrmRecord
{
    int Id { get; }

    long ChangeSeq { get; set; }

    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}
