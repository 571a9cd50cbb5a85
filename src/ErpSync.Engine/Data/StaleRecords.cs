using ErpSync.Engine.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ErpSync.Engine.Data;

/// <summary>
/// Saving over concurrent edits of CRM records (ChangeSeq is their concurrency token). Background writers — a sync
/// cycle, a resync, an import page, a connect that already wrote the ERP — must not fail whole because one record was
/// saved by someone else after they read it. Each such record is reloaded and handed to the caller, who decides what
/// its own write becomes (dropped, applied again, reported), and the save is tried again. Inside a transaction EF
/// saves to a savepoint and rolls back to it on failure, so every attempt starts clean.
/// </summary>
internal static class StaleRecords
{
    /// <param name="resolve">Called per stale record after it was reloaded (detached when it was deleted meanwhile).</param>
    /// <param name="maxAttempts">Conflicts tolerated; EF reports one conflicting row per attempt.</param>
    public static async Task SaveAsync(ErpSyncDb db, Func<EntityEntry, Task> resolve, int maxAttempts, CancellationToken cancellationToken)
    {
        var handled = db.HandlesConcurrency;
        db.HandlesConcurrency = true;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateConcurrencyException ex) when (attempt < maxAttempts && ex.Entries.All(e => e.Entity is ICrmRecord))
                {
                    foreach (var entry in ex.Entries)
                    {
                        await entry.ReloadAsync(cancellationToken);
                        await resolve(entry);
                    }
                }
            }
        }
        finally
        {
            db.HandlesConcurrency = handled;
        }
    }
}
