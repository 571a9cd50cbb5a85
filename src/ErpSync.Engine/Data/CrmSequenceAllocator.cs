using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Data;

internal static class CrmSequenceAllocator
{
    /// <summary>Reserves <paramref name="count"/> numbers and returns the last one. Both SQLite (3.35+) and PostgreSQL support RETURNING.</summary>
    public static async Task<long> AllocateAsync(ErpSyncDb db, int count, CancellationToken cancellationToken)
    {
        var values = await db.Database
            .SqlQuery<long>($"""UPDATE "CrmSequences" SET "Value" = "Value" + {count} WHERE "Id" = 1 RETURNING "Value" AS "Value" """)
            .ToListAsync(cancellationToken);
        return values.Count == 1 ? values[0] : throw new InvalidOperationException("The CRM sequence row is missing; the database was not migrated.");
    }
}
