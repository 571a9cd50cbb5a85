using System.Globalization;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Links;

public sealed partial class LinkAdmin
{
    private sealed record Session(ISyncConnector Connector, ConnectorContext Context);

    private sealed record Comparison(SyncField Field, FieldValue? Crm, FieldValue? Erp);

    private async Task<(Connection Connection, UsableConnection Usable)> AuthorizeAsync(ErpSyncDb db, int userId, int connectionId, bool link, bool create, CancellationToken cancellationToken)
    {
        var usable = (await connections.UsableByAsync(userId, cancellationToken)).FirstOrDefault(c => c.Id == connectionId)
            ?? throw new UserErrorException(T("You may not use this ERP connection.", "U mag deze ERP-verbinding niet gebruiken."), status: 403);
        if (link && !usable.CanLink)
        {
            throw new UserErrorException(T("You may not link records in this ERP connection.", "U mag geen records koppelen in deze ERP-verbinding."), status: 403);
        }

        if (create && !usable.CanCreate)
        {
            throw new UserErrorException(T("You may not create records in this ERP.", "U mag geen records aanmaken in dit ERP."), status: 403);
        }

        return (await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken), usable);
    }

    private static async Task<ICrmRecord> LoadRecordAsync(ErpSyncDb db, CrmEntity entity, int id, CancellationToken cancellationToken) => entity switch
    {
        CrmEntity.Company => (ICrmRecord?)await db.Companies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken),
        CrmEntity.Person => await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken),
        CrmEntity.Project => await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken),
        _ => null,
    } ?? throw UserErrorException.NotFound(T($"{entity} {id} does not exist.", $"{entity} {id} bestaat niet."));

    private static string RecordName(ICrmRecord record) => record switch
    {
        Company c => c.Name,
        Person p => p.FullName,
        Project p => p.Name,
        _ => "",
    };

    private static IEnumerable<ActorTypeMapping> LinkableTypes(Connection connection, CrmEntity entity) =>
        connection.ActorTypes.Where(a => a.CrmEntity == entity && a.IsActive && !a.MissingInErp).OrderBy(a => a.ActorType);

    private static ActorTypeMapping LinkableType(Connection connection, CrmEntity entity, ActorType actorType) =>
        LinkableTypes(connection, entity).FirstOrDefault(a => a.ActorType == actorType)
        ?? throw UserErrorException.Field("actorType", T($"Records of this kind cannot be linked to {actorType} in this connection.", $"Records van deze soort kunnen in deze verbinding niet aan {actorType} worden gekoppeld."));

    private static async Task EnsureLinkableAsync(ErpSyncDb db, int connectionId, CrmEntity entity, int recordId, ActorType actorType, string? erpKey, CancellationToken cancellationToken)
    {
        if (await db.Links.AnyAsync(l => l.ConnectionId == connectionId && l.CrmEntity == entity && l.CrmRecordId == recordId, cancellationToken))
        {
            throw new UserErrorException(T("This record is already linked in this connection; disconnect it first.", "Dit record is al gekoppeld in deze verbinding; ontkoppel het eerst."), status: 409);
        }

        if (erpKey is not null && await db.Links.AnyAsync(l => l.ConnectionId == connectionId && l.ActorType == actorType && l.ErpKey == erpKey, cancellationToken))
        {
            throw new UserErrorException(T($"ERP record {erpKey} is already linked to another CRM record in this connection.", $"ERP-record {erpKey} is in deze verbinding al aan een ander CRM-record gekoppeld."), status: 409);
        }
    }

    private async Task<Session> OpenAsync(Connection connection, CancellationToken cancellationToken)
    {
        var resolved = await resolver.TryResolveAsync(connection.Connector!, cancellationToken);
        return resolved.Connector is null
            ? throw new UserErrorException(resolved.Reason, status: 502)
            : new Session(resolved.Connector, new ConnectorContext(connection.PublicId, configStore.Read(connection), CultureName));
    }

    /// <summary>The ERP key of the person's company in this connection, or null when the company is not linked.</summary>
    private static async Task<string?> ParentKeyAsync(ErpSyncDb db, int connectionId, int personId, CancellationToken cancellationToken)
    {
        var companyId = await db.Persons.Where(p => p.Id == personId).Select(p => p.CompanyId).FirstAsync(cancellationToken);
        return await db.Links.Where(l => l.ConnectionId == connectionId && l.CrmEntity == CrmEntity.Company && l.CrmRecordId == companyId)
            .Select(l => l.ErpKey).FirstOrDefaultAsync(cancellationToken);
    }

    private static T Check<T>(ConnectorResult<T> result) =>
        result.IsOk ? result.Value : throw new UserErrorException(result.Error.Message, status: 502);

    private static async Task<Actor> ReadActorAsync(Session session, ActorType actorType, string key, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
        Check(await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(actorType, [key], fields), cancellationToken)) is { Count: > 0 } actors
            ? actors[0]
            : throw UserErrorException.NotFound(T($"ERP record {key} does not exist (any more).", $"ERP-record {key} bestaat niet (meer)."));

    private static List<Comparison> Compare(IReadOnlyList<SyncField> fields, CrmEntity entity, ICrmRecord record, Actor actor)
    {
        var result = new List<Comparison>();
        foreach (var field in fields)
        {
            if (!SyncValueConverter.TryToErp(field.Erp, field.Crm, CrmFieldAccess.Get(entity, record, field.Crm.Key), field.Lists, out var crm))
            {
                throw UserErrorException.Field(field.Erp.Key, T($"The CRM value of {field.Crm.DisplayName} has no matching ERP list item; ask an administrator to map it in List mapping.",
                    $"De CRM-waarde van {field.Crm.DisplayName} heeft geen overeenkomend ERP-lijstitem; vraag een beheerder het toe te wijzen in Lijsttoewijzing."));
            }

            result.Add(new Comparison(field, crm, actor.Fields.GetValueOrDefault(field.Erp.Key)));
        }

        return result;
    }

    private static bool CrmAllowed(SyncField field) => field.Direction.ToErp() && !field.Erp.IsReadOnly && !field.Erp.IsKey;

    private static bool ErpAllowed(SyncField field) => field.Direction.ToCrm();

    private static ValueSource DefaultSource(SyncField field) => ErpAllowed(field) ? ValueSource.Erp : ValueSource.Crm;

    private static string UnmappedErp(SyncField field, FieldValue? value) =>
        T($"The ERP value \"{value?.ToInvariantString()}\" of {field.Erp.DisplayName} has no CRM list item; ask an administrator to map it in List mapping.",
          $"De ERP-waarde \"{value?.ToInvariantString()}\" van {field.Erp.DisplayName} heeft geen CRM-lijstitem; vraag een beheerder het toe te wijzen in Lijsttoewijzing.");

    /// <summary>Writes values to an existing ERP actor with its version as the expected version; returns the new version.</summary>
    private static async Task<string?> SaveErpAsync(Session session, Actor actor, IReadOnlyDictionary<string, FieldValue?> writes, CancellationToken cancellationToken)
    {
        var results = Check(await session.Connector.SaveActorsAsync(session.Context,
            new SaveActorsRequest(actor.Type, [new ActorUpdate(actor.Key, actor.Version, writes)]), cancellationToken));
        var result = results.Count > 0 ? results[0] : new SaveResult(actor.Key, SaveStatus.Failed);
        return result.Status switch
        {
            SaveStatus.Ok => result.Actor?.Version ?? actor.Version,
            SaveStatus.Conflict => throw new UserErrorException(T("The ERP record was changed meanwhile; try again.", "Het ERP-record is intussen gewijzigd; probeer het opnieuw."), status: 409),
            _ => throw new UserErrorException(result.Error?.Message ?? T("The ERP refused the values.", "Het ERP weigerde de waarden."),
                result.Error?.FieldErrors?.ToDictionary(p => p.Key, p => new[] { p.Value })),
        };
    }

    /// <summary>CRM writes, the link (and the completed intent) in one transaction; the link remembers the record's sequence after the save.</summary>
    private static async Task SaveLinkAsync(ErpSyncDb db, Link link, ICrmRecord record, OutboxIntent? intent, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Links.Add(link);
            await SaveOverConcurrentEditAsync(db, record, cancellationToken);
            link.CrmChangeSeq = record.ChangeSeq;
            if (intent is not null)
            {
                intent.State = OutboxState.Completed;
                intent.CompletedAt = link.CreatedAt;
                intent.ErpKey = link.ErpKey;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new UserErrorException(T("This record or this ERP record is already linked in this connection.", "Dit record of dit ERP-record is al gekoppeld in deze verbinding."), status: 409);
        }
    }

    /// <summary>
    /// Saves the CRM writes of a connect or create. The ERP side is already written by then, so a save refused because
    /// another writer (a sync cycle of another connection, a user) changed the record meanwhile must not send the user
    /// back to start again (a second "Create in ERP" would make a second ERP record): the chosen values are applied to
    /// the record as it is now and saved again. Only the fields this operation sets are written; other edits stay.
    /// </summary>
    private static async Task SaveOverConcurrentEditAsync(ErpSyncDb db, ICrmRecord record, CancellationToken cancellationToken)
    {
        var entry = db.Entry(record);
        var chosen = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(ICrmRecord.ChangeSeq)).Select(p => (p.Metadata.Name, p.CurrentValue)).ToList();
        await StaleRecords.SaveAsync(db, stale =>
        {
            if (stale.State == EntityState.Detached)
            {
                throw UserErrorException.NotFound(T("The CRM record was deleted meanwhile.", "Het CRM-record is intussen verwijderd."));
            }

            foreach (var (name, value) in chosen)
            {
                stale.Property(name).CurrentValue = value;
            }

            return Task.CompletedTask;
        }, 3, cancellationToken);
    }

    /// <summary>Texts of the list keys among the values of <paramref name="actors"/>, keyed by list name and item key.</summary>
    private static async Task<Dictionary<(string List, string Key), string>> ListTextsAsync(Session session, IReadOnlyList<FieldInfo> fields, IReadOnlyList<Actor> actors,
        CancellationToken cancellationToken)
    {
        var texts = new Dictionary<(string, string), string>();
        if (session.Connector is not IListProvider lists)
        {
            return texts;
        }

        foreach (var group in fields.Where(f => f.Type == FieldType.List && f.ListName is not null).GroupBy(f => f.ListName!))
        {
            var keys = actors.SelectMany(a => group.Select(f => a.Fields.GetValueOrDefault(f.Key))).OfType<ListValue>().Select(v => v.Key).Distinct().ToList();
            if (keys.Count == 0)
            {
                continue;
            }

            var items = await lists.GetListItemsAsync(session.Context, group.Key, keys, cancellationToken);
            foreach (var item in items.IsOk ? items.Value : [])
            {
                texts[(group.Key, item.Key)] = item.Text;
            }
        }

        return texts;
    }

    private static string? Display(FieldInfo field, FieldValue? value, Dictionary<(string List, string Key), string> texts) => SyncValues.Normalize(value) switch
    {
        null => null,
        ListValue list => field.ListName is { } name && texts.TryGetValue((name, list.Key), out var text) ? text : list.Key,
        BooleanValue b => b.Value ? T("Yes", "Ja") : T("No", "Nee"),
        DecimalValue d => d.Value.ToString("0.##", CultureInfo.CurrentCulture),
        var other => FieldValues.Format(other),
    };

    private async Task<ErpTabSection> BuildSectionAsync(ErpSyncDb db, Connection connection, UsableConnection usable, CrmEntity entity, int recordId, CancellationToken cancellationToken)
    {
        var link = await db.Links.AsNoTracking().FirstOrDefaultAsync(l => l.ConnectionId == connection.Id && l.CrmEntity == entity && l.CrmRecordId == recordId, cancellationToken);
        if (link is null)
        {
            return new ErpTabSection(connection.Id, connection.Name, usable.CanLink, usable.CanCreate, null, null, null, null, [], null, null, null,
                LinkableTypes(connection, entity).Select(a => new ErpActorTypeOption(a.ActorType, a.LocalizedName, a.CanCreate && usable.CanCreate)).ToList());
        }

        var type = connection.ActorTypes.FirstOrDefault(a => a.ActorType == link.ActorType);
        var issue = await db.SyncIssues.Where(i => i.LinkId == link.Id && i.ResolvedAt == null).OrderByDescending(i => i.Id).Select(i => i.Message).FirstOrDefaultAsync(cancellationToken);
        var fields = new List<ErpTabField>();
        string? error = null;
        var shown = type?.Fields.Where(f => f.ShowInErpTab && !f.MissingInErp).OrderBy(f => f.Rank).ThenBy(f => f.FieldKey, StringComparer.OrdinalIgnoreCase).Select(f => f.Info()).ToList() ?? [];
        try
        {
            var session = await OpenAsync(connection, cancellationToken);
            var actor = await ReadActorAsync(session, link.ActorType, link.ErpKey, shown.Select(f => f.Key).ToList(), cancellationToken);
            var texts = await ListTextsAsync(session, shown, [actor], cancellationToken);
            fields.AddRange(shown.Select(f => new ErpTabField(f.Key, f.DisplayName, Display(f, actor.Fields.GetValueOrDefault(f.Key), texts))));
        }
        catch (UserErrorException e)
        {
            error = e.Message;
        }

        return new ErpTabSection(connection.Id, connection.Name, usable.CanLink, usable.CanCreate, link.Id, link.ActorType, type?.LocalizedName ?? link.ActorType.ToString(), link.ErpKey,
            fields, link.LastSyncedAt, issue, error, []);
    }
}
