using ErpSync.Engine.Data;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Crm;

/// <summary>Optimistic concurrency for edits: the version (ChangeSeq) a form or API client read is the one the save expects.</summary>
internal static class CrmVersion
{
    /// <summary>
    /// Refuses at once when the record moved on since <paramref name="expected"/>, and otherwise makes the UPDATE itself
    /// check it (ChangeSeq is a concurrency token), so a write between this check and the save is caught as well.
    /// </summary>
    public static void Expect(ErpSyncDb db, ICrmRecord record, long? expected)
    {
        if (expected is not { } version)
        {
            return;
        }

        if (version != record.ChangeSeq)
        {
            throw Conflict();
        }

        db.Entry(record).Property(nameof(ICrmRecord.ChangeSeq)).OriginalValue = version;
    }

    /// <summary>The 409 a user gets for a save based on an older read, whether caught before the save or by it.</summary>
    public static UserErrorException Conflict(Exception? inner = null)
    {
        var message = T("This record was changed by someone else (or by the sync) since you opened it. Reload it and try again.",
            "Dit record is door iemand anders (of door de synchronisatie) gewijzigd sinds u het opende. Laad het opnieuw en probeer het nog eens.");
        return inner is null ? new UserErrorException(message, status: 409) : new UserErrorException(message, 409, inner);
    }
}
