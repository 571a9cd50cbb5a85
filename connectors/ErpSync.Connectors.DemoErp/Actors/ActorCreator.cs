using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// Creates actors. The idempotency key is stored in the same transaction as the actor, so a repeated call
/// (even a concurrent one: writes are serialized by BEGIN IMMEDIATE) returns the first actor.
/// </summary>
internal static class ActorCreator
{
    public static async Task<ConnectorResult<Actor>> CreateAsync(DemoErpSession session, CreateActorRequest request, CancellationToken cancellationToken)
    {
        var dutch = session.Dutch;
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            return ConnectorResults.Fail<Actor>(ErrorCode.Validation, Texts.T(dutch, "An idempotency key is required.", "Een idempotentiesleutel is verplicht."));
        }

        await using var connection = await session.Database.ConnectAsync(cancellationToken);
        string key;
        await using (var transaction = connection.BeginTransaction())
        {
            var existing = await FindAsync(connection, transaction, session.Administration, request.IdempotencyKey, cancellationToken);
            if (existing is not null)
            {
                if (existing.Value.Type != request.ActorType)
                {
                    return ConnectorResults.Fail<Actor>(ErrorCode.Validation, Texts.T(dutch,
                        $"Idempotency key '{request.IdempotencyKey}' was used for a {existing.Value.Type}.",
                        $"Idempotentiesleutel '{request.IdempotencyKey}' is al gebruikt voor een {existing.Value.Type}."));
                }

                key = existing.Value.Key;
            }
            else
            {
                var values = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
                var errors = await ActorValidator.ApplyAsync(connection, transaction, request.ActorType, request.Fields, values, isCreate: true, dutch, cancellationToken);
                var parentType = await ParentTypeAsync(connection, transaction, session.Administration, request, cancellationToken);
                if (request.ActorType == ActorType.Person && parentType is null)
                {
                    errors[SearchRestriction.ParentKeyField] = Texts.T(dutch,
                        $"A contact person needs an existing customer, supplier or partner as parent, not '{request.ParentKey}'.",
                        $"Een contactpersoon hoort bij een bestaande debiteur, crediteur of partner, niet bij '{request.ParentKey}'.");
                }

                if (errors.Count > 0)
                {
                    return new ConnectorError(ErrorCode.Validation, ActorValidator.Summary(errors, dutch), FieldErrors: errors);
                }

                var isPerson = request.ActorType == ActorType.Person;
                key = await ActorWriter.InsertAsync(connection, transaction, session.Administration, request.ActorType, values,
                    isPerson ? request.ParentKey : null, isPerson ? parentType : null, session.Database.TimeProvider.GetUtcNow(), cancellationToken);
                await using var remember = ActorWriter.Command(connection, transaction,
                    "INSERT INTO idempotency (admin, idem_key, actor_type, actor_key) VALUES (@admin, @idem, @type, @key)");
                remember.Parameters.AddWithValue("@admin", session.Administration);
                remember.Parameters.AddWithValue("@idem", request.IdempotencyKey);
                remember.Parameters.AddWithValue("@type", (int)request.ActorType);
                remember.Parameters.AddWithValue("@key", key);
                await remember.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        var actors = await new ActorReader(request.ActorType, []).ReadByKeysAsync(connection, session.Administration, [key], cancellationToken);
        return actors.Count == 1
            ? actors[0]
            : ConnectorResults.Fail<Actor>(ErrorCode.NotFound, Texts.T(dutch,
                $"The actor created for this idempotency key ({key}) has since been archived or merged.",
                $"De actor die voor deze idempotentiesleutel is aangemaakt ({key}) is inmiddels gearchiveerd of samengevoegd."));
    }

    private static async Task<(ActorType Type, string Key)?> FindAsync(SqliteConnection connection, SqliteTransaction transaction, string admin, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var command = ActorWriter.Command(connection, transaction, "SELECT actor_type, actor_key FROM idempotency WHERE admin = @admin AND idem_key = @idem");
        command.Parameters.AddWithValue("@admin", admin);
        command.Parameters.AddWithValue("@idem", idempotencyKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ((ActorType)reader.GetInt32(0), reader.GetString(1)) : null;
    }

    /// <summary>The type of the person's parent when it is an active company, else null.</summary>
    private static async Task<ActorType?> ParentTypeAsync(SqliteConnection connection, SqliteTransaction transaction, string admin, CreateActorRequest request, CancellationToken cancellationToken)
    {
        if (request.ActorType != ActorType.Person || string.IsNullOrWhiteSpace(request.ParentKey))
        {
            return null;
        }

        var parent = await ActorWriter.ReadRowAsync(connection, transaction, admin, request.ParentKey, cancellationToken);
        return parent is { Status: ActorStatus.Active } && ActorSchema.IsCompany(parent.Type) ? parent.Type : null;
    }
}
