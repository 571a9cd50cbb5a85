using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Links;

public sealed partial class LinkAdmin
{
    /// <summary>The "Create in ERP" form: the defaults marked "ask user", prefilled, and a fresh idempotency key.</summary>
    public async Task<CreateForm> GetCreateFormAsync(int userId, CrmEntity entity, int recordId, int connectionId, ActorType actorType, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, _) = await AuthorizeAsync(db, userId, connectionId, link: true, create: true, cancellationToken);
        _ = await LoadRecordAsync(db, entity, recordId, cancellationToken);
        var type = CreatableType(connection, entity, actorType);
        var parentKey = await RequiredParentAsync(db, entity, connectionId, recordId, cancellationToken);
        var session = await OpenAsync(connection, cancellationToken);
        var fields = new List<CreateFormField>();
        foreach (var row in AskedRows(type))
        {
            var info = row.Info();
            IReadOnlyList<ListItem>? items = null;
            if (info.Type == FieldType.List && info.ListName is { } listName && session.Connector is IListProvider lists)
            {
                var result = await lists.GetListAsync(session.Context, listName, cancellationToken);
                items = result.IsOk ? result.Value : [];
            }

            fields.Add(new CreateFormField(row.FieldKey, info.DisplayName, info.Type, row.DefaultValue() is { } value ? FieldValues.Format(value) : null, row.DefaultMandatory, items));
        }

        // An earlier create of this record that never finished keeps its key: the ERP may already hold the record,
        // and only the same key makes the connector return it instead of creating a second one.
        var pending = await db.OutboxIntents
            .Where(o => o.ConnectionId == connectionId && o.CrmEntity == entity && o.CrmRecordId == recordId && o.ActorType == actorType && o.State == OutboxState.Pending)
            .Select(o => o.IdempotencyKey).FirstOrDefaultAsync(cancellationToken);
        return new CreateForm(actorType, pending ?? Guid.NewGuid().ToString("N"), parentKey, fields);
    }

    /// <summary>
    /// Creates the ERP actor from the mapped CRM values, the silent defaults and the user's input, then links it. The
    /// idempotency key is committed in an outbox intent before the connector is called; the same key again reuses it.
    /// </summary>
    public async Task<ErpTabSection> CreateAsync(int userId, CrmEntity entity, int recordId, int connectionId, CreateInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.IdempotencyKey) || input.IdempotencyKey.Length > 100)
        {
            throw UserErrorException.Field("idempotencyKey", T("Send the idempotency key of the create form.", "Stuur de idempotentiesleutel van het aanmaakformulier mee."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, usable) = await AuthorizeAsync(db, userId, connectionId, link: true, create: true, cancellationToken);
        var record = await LoadRecordAsync(db, entity, recordId, cancellationToken);
        var type = CreatableType(connection, entity, input.ActorType);
        var intent = await db.OutboxIntents.FirstOrDefaultAsync(o => o.IdempotencyKey == input.IdempotencyKey, cancellationToken);
        if (intent is not null && (intent.ConnectionId != connectionId || intent.CrmEntity != entity || intent.CrmRecordId != recordId || intent.ActorType != input.ActorType))
        {
            throw new UserErrorException(T("This idempotency key belongs to another create.", "Deze idempotentiesleutel hoort bij een andere aanmaakactie."), status: 409);
        }

        if (intent is { State: OutboxState.Completed } done
            && await db.Links.AnyAsync(l => l.ConnectionId == connectionId && l.CrmEntity == entity && l.CrmRecordId == recordId && l.ErpKey == done.ErpKey, cancellationToken))
        {
            // A repeated create of a finished intent: the record is linked already, nothing is sent again.
            return await BuildSectionAsync(db, connection, usable, entity, recordId, cancellationToken);
        }

        await EnsureLinkableAsync(db, connectionId, entity, recordId, input.ActorType, null, cancellationToken);
        var parentKey = await RequiredParentAsync(db, entity, connectionId, recordId, cancellationToken);
        var fields = SyncSetup.Fields(type);
        var session = await OpenAsync(connection, cancellationToken);
        Actor created;
        if (intent is { State: OutboxState.Completed, ErpKey: { } erpKey })
        {
            created = await ReadActorAsync(session, input.ActorType, erpKey, fields.Select(f => f.Erp.Key).ToList(), cancellationToken);
        }
        else
        {
            var payload = Payload(type, fields, entity, record, input.Values ?? new Dictionary<string, string?>());
            var payloadJson = JsonSerializer.Serialize(payload, ConnectorJsonContext.Default.DictionaryStringFieldValue);
            if (intent is null)
            {
                intent = new OutboxIntent
                {
                    ConnectionId = connectionId,
                    CrmEntity = entity,
                    CrmRecordId = recordId,
                    ActorType = input.ActorType,
                    IdempotencyKey = input.IdempotencyKey,
                    PayloadJson = payloadJson,
                    CreatedAt = time.GetUtcNow(),
                };
                db.OutboxIntents.Add(intent);
            }

            intent.PayloadJson = payloadJson;
            intent.ParentKey = parentKey;
            intent.State = OutboxState.Pending;
            intent.Error = null;

            // Committed before the call: after a crash the same key goes to the connector again.
            await db.SaveChangesAsync(cancellationToken);
            var result = await session.Connector.CreateActorAsync(session.Context, new CreateActorRequest(input.ActorType, intent.IdempotencyKey, payload, parentKey), cancellationToken);
            if (!result.IsOk)
            {
                intent.Error = result.Error.Message;
                intent.State = result.Error.IsRetryable ? OutboxState.Pending : OutboxState.Failed;
                await db.SaveChangesAsync(cancellationToken);
                throw new UserErrorException(result.Error.Message, result.Error.FieldErrors?.ToDictionary(p => p.Key, p => new[] { p.Value }),
                    result.Error.IsRetryable ? 502 : 400);
            }

            // Read back the synced fields as stored (the ERP may have filled some, such as its account number).
            created = await ReadActorAsync(session, input.ActorType, result.Value.Key, fields.Select(f => f.Erp.Key).ToList(), cancellationToken);
        }

        var baseValues = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, crm, erp) in Compare(fields, entity, record, created))
        {
            baseValues[field.Erp.Key] = SyncValues.Normalize(erp);
            if (!SyncValues.Same(crm, erp) && field.Direction.ToCrm() && SyncValueConverter.TryToCrm(field.Crm, erp, field.Lists, out var raw))
            {
                CrmFieldAccess.Set(entity, record, field.Crm.Key, raw);
            }
        }

        var now = time.GetUtcNow();
        var link = LinkBase.NewLink(connectionId, entity, recordId, input.ActorType, created.Key, created.Version, baseValues, now);
        await SaveLinkAsync(db, link, record, intent, cancellationToken);
        return await BuildSectionAsync(db, connection, usable, entity, recordId, cancellationToken);
    }

    private static ActorTypeMapping CreatableType(Connection connection, CrmEntity entity, ActorType actorType)
    {
        var type = LinkableType(connection, entity, actorType);
        return type.CanCreate ? type
            : throw new UserErrorException(T($"This ERP does not allow creating {type.LocalizedName} records.", $"Dit ERP staat het aanmaken van {type.LocalizedName}-records niet toe."), status: 403);
    }

    private static async Task<string?> RequiredParentAsync(Data.ErpSyncDb db, CrmEntity entity, int connectionId, int recordId, CancellationToken cancellationToken)
    {
        if (entity != CrmEntity.Person)
        {
            return null;
        }

        return await ParentKeyAsync(db, connectionId, recordId, cancellationToken)
            ?? throw new UserErrorException(T("Link the person's company to the ERP first; a person is created under its company.",
                "Koppel eerst het bedrijf van de persoon aan het ERP; een persoon wordt onder zijn bedrijf aangemaakt."));
    }

    private static IEnumerable<FieldMapping> AskedRows(ActorTypeMapping type) =>
        type.Fields.Where(f => f.AskUser && !f.MissingInErp).OrderBy(f => f.Rank).ThenBy(f => f.FieldKey, StringComparer.OrdinalIgnoreCase);

    /// <summary>Silent defaults, then the mapped CRM values (CRM→ERP), then the user's input for the "ask user" fields.</summary>
    private static Dictionary<string, FieldValue?> Payload(ActorTypeMapping type, IReadOnlyList<SyncField> fields, CrmEntity entity, Crm.ICrmRecord record,
        IReadOnlyDictionary<string, string?> values)
    {
        var payload = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in type.Fields.Where(f => f.HasDefault && !f.AskUser && !f.MissingInErp))
        {
            payload[row.FieldKey] = row.DefaultValue();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields.Where(f => f.Direction.ToErp() && !f.Erp.IsReadOnly && !f.Erp.IsKey))
        {
            if (!SyncValueConverter.TryToErp(field.Erp, field.Crm, CrmFieldAccess.Get(entity, record, field.Crm.Key), field.Lists, out var value))
            {
                errors[field.Erp.Key] = [T($"The CRM value of {field.Crm.DisplayName} has no matching ERP list item.", $"De CRM-waarde van {field.Crm.DisplayName} heeft geen overeenkomend ERP-lijstitem.")];
            }
            else if (SyncValues.Normalize(value) is { } present)
            {
                payload[field.Erp.Key] = present;
            }
        }

        foreach (var row in AskedRows(type))
        {
            var info = row.Info();
            var text = values.TryGetValue(row.FieldKey, out var given) ? given : row.DefaultValue() is { } d ? FieldValues.Format(d) : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                if (row.DefaultMandatory)
                {
                    errors[row.FieldKey] = [T($"{info.DisplayName} is required.", $"{info.DisplayName} is verplicht.")];
                }

                continue;
            }

            if (!FieldValues.TryParse(info.Type, text, out var parsed))
            {
                errors[row.FieldKey] = [T($"\"{text}\" is not a valid value for {info.DisplayName}.", $"\"{text}\" is geen geldige waarde voor {info.DisplayName}.")];
                continue;
            }

            payload[row.FieldKey] = parsed;
        }

        return errors.Count > 0
            ? throw new UserErrorException(T("Check the highlighted fields.", "Controleer de gemarkeerde velden."), errors)
            : payload;
    }
}
