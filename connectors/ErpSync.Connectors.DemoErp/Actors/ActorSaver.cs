using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// Writes batches of updates. Each item runs in its own transaction, so one refused item never leaves
/// another half-written, and the version check and the write see the same row.
/// </summary>
internal static class ActorSaver
{
    public static async Task<ConnectorResult<IReadOnlyList<SaveResult>>> SaveAsync(DemoErpSession session, SaveActorsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await session.Database.ConnectAsync(cancellationToken);
        var reader = new ActorReader(request.ActorType, []);
        var results = new List<SaveResult>(request.Items.Count);
        foreach (var item in request.Items)
        {
            try
            {
                results.Add(await SaveOneAsync(connection, reader, session, request.ActorType, item, cancellationToken));
            }
            catch (SqliteException e)
            {
                results.Add(new SaveResult(item.Key, SaveStatus.Failed, Error: new ConnectorError(
                    e.SqliteErrorCode is 5 or 6 ? ErrorCode.Transient : ErrorCode.Unknown,
                    Texts.T(session.Dutch, "The demo ERP database could not save this actor.", "De demo-ERP-database kon deze actor niet opslaan."),
                    e.Message)));
            }
        }

        return results;
    }

    private static async Task<SaveResult> SaveOneAsync(SqliteConnection connection, ActorReader reader, DemoErpSession session, ActorType type, ActorUpdate item, CancellationToken cancellationToken)
    {
        var dutch = session.Dutch;
        await using var transaction = connection.BeginTransaction();
        var row = await ActorWriter.ReadRowAsync(connection, transaction, session.Administration, item.Key, cancellationToken);
        if (row is null || row.Status != ActorStatus.Active || row.Type != type)
        {
            return new SaveResult(item.Key, SaveStatus.NotFound, Error: new ConnectorError(ErrorCode.NotFound,
                Texts.T(dutch, $"The demo ERP has no {type} '{item.Key}'.", $"Het demo-ERP heeft geen {type} '{item.Key}'.")));
        }

        var current = row.Version.ToString(CultureInfo.InvariantCulture);
        if (item.ExpectedVersion is not null && item.ExpectedVersion != current)
        {
            return new SaveResult(item.Key, SaveStatus.Conflict, Error: new ConnectorError(ErrorCode.Conflict, Texts.T(dutch,
                $"{item.Key} changed in the ERP (version {current}, expected {item.ExpectedVersion}).",
                $"{item.Key} is in het ERP gewijzigd (versie {current}, verwacht {item.ExpectedVersion}).")));
        }

        if (item.ParentKey is not null)
        {
            var parent = type == ActorType.Person ? await ActorWriter.ReadRowAsync(connection, transaction, session.Administration, item.ParentKey, cancellationToken) : null;
            if (parent is not { Status: ActorStatus.Active } || parent.Type is not (ActorType.Customer or ActorType.Supplier or ActorType.Partner))
            {
                var message = Texts.T(dutch, $"'{item.ParentKey}' is not a customer, supplier or partner a contact person can move to.", $"'{item.ParentKey}' is geen klant, leverancier of partner waar een contactpersoon naartoe kan.");
                return new SaveResult(item.Key, SaveStatus.Invalid, Error: new ConnectorError(ErrorCode.Validation, message));
            }

            row = row with { ParentKey = parent.Key, ParentType = parent.Type };
        }

        var errors = await ActorValidator.ApplyAsync(connection, transaction, type, item.Fields, row.Values, isCreate: false, dutch, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveResult(item.Key, SaveStatus.Invalid, Error: new ConnectorError(ErrorCode.Validation, ActorValidator.Summary(errors, dutch), FieldErrors: errors));
        }

        var version = await ActorWriter.NextVersionsAsync(connection, transaction, 1, cancellationToken);
        await ActorWriter.UpdateAsync(connection, transaction, session.Administration, row, version, session.Database.TimeProvider.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var saved = await reader.ReadByKeysAsync(connection, session.Administration, [item.Key], cancellationToken);
        return new SaveResult(item.Key, SaveStatus.Ok, saved[0]);
    }
}
