using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Links;

/// <summary>
/// The ERP tab of a CRM record (functional spec §4.1–4.8), shared by the API and the pages: live ERP fields,
/// search, connect with per-field choice, create in the ERP through an outbox intent, disconnect and sync now.
/// Every operation checks the user's scope and rights first.
/// </summary>
public sealed partial class LinkAdmin(
    IDbContextFactory<ErpSyncDb> dbFactory,
    ConnectionAdmin connections,
    ConnectorResolver resolver,
    ConnectionConfigStore configStore,
    SyncEngine engine,
    TimeProvider time)
{
    public const int MaxTake = 100;

    public async Task<ErpTabView> GetTabAsync(int userId, CrmEntity entity, int recordId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await LoadRecordAsync(db, entity, recordId, cancellationToken);
        var sections = new List<ErpTabSection>();
        foreach (var usable in await connections.UsableByAsync(userId, cancellationToken))
        {
            var connection = await ConnectionLoader.LoadAsync(db, usable.Id, cancellationToken);
            sections.Add(await BuildSectionAsync(db, connection, usable, entity, recordId, cancellationToken));
        }

        return new ErpTabView(entity, recordId, RecordName(record), sections);
    }

    /// <summary>
    /// "Connect to ERP" search: free text, or with <paramref name="criteria"/> the connector's structured search (all must hold).
    /// </summary>
    public async Task<ErpSearchResult> SearchAsync(int userId, CrmEntity entity, int recordId, int connectionId, ActorType actorType, string? text, int skip, int take,
        CancellationToken cancellationToken, IReadOnlyList<SearchCriterion>? criteria = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, _) = await AuthorizeAsync(db, userId, connectionId, link: true, create: false, cancellationToken);
        _ = await LoadRecordAsync(db, entity, recordId, cancellationToken);
        var type = LinkableType(connection, entity, actorType);
        var session = await OpenAsync(connection, cancellationToken);
        if (session.Connector is not ISearchableConnector searchable)
        {
            throw new UserErrorException(T("This ERP connector cannot search.", "Deze ERP-connector kan niet zoeken."));
        }

        var parentKey = entity == CrmEntity.Person ? await ParentKeyAsync(db, connectionId, recordId, cancellationToken) : null;
        var columns = type.Fields.Where(f => f.ShowInSearch && !f.MissingInErp).OrderBy(f => f.Rank).Select(f => f.Info()).ToList();
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxTake);
        var columnKeys = columns.Select(c => c.Key).ToList();
        SearchPage page;
        if (criteria is { Count: > 0 })
        {
            var restrictions = Restrictions(type.Fields, criteria);
            if (parentKey is not null)
            {
                restrictions.Add(new SearchRestriction(SearchRestriction.ParentKeyField, SearchOperator.Equal, [FieldValue.Text(parentKey)]));
            }

            page = Check(await searchable.SearchAdvancedAsync(session.Context, new AdvancedSearchRequest(actorType, restrictions, columnKeys, new PageRequest(skip, take)), cancellationToken));
        }
        else
        {
            page = Check(await searchable.SearchAsync(session.Context, new SearchRequest(actorType, text?.Trim(), columnKeys, new PageRequest(skip, take), parentKey), cancellationToken));
        }
        var keys = page.Actors.Select(a => a.Key).ToList();
        var linked = await db.Links.Where(l => l.ConnectionId == connectionId && l.ActorType == actorType && keys.Contains(l.ErpKey)).Select(l => l.ErpKey).ToListAsync(cancellationToken);
        var texts = await ListTextsAsync(session, columns, page.Actors, cancellationToken);
        return new ErpSearchResult(
            columns.Select(c => new ErpSearchColumn(c.Key, c.DisplayName)).ToList(),
            page.Actors.Select(a => new ErpSearchRow(a.Key, a.DisplayName, columns.Select(c => Display(c, a.Fields.GetValueOrDefault(c.Key), texts)).ToList(), linked.Contains(a.Key))).ToList(),
            page.Total, page.HasMore, skip, take, parentKey);
    }

    /// <summary>Every mapped field whose CRM and ERP values differ, compared in ERP terms.</summary>
    public async Task<ConnectPreview> PreviewAsync(int userId, CrmEntity entity, int recordId, int connectionId, ActorType actorType, string erpKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, _) = await AuthorizeAsync(db, userId, connectionId, link: true, create: false, cancellationToken);
        var record = await LoadRecordAsync(db, entity, recordId, cancellationToken);
        var type = LinkableType(connection, entity, actorType);
        await EnsureLinkableAsync(db, connectionId, entity, recordId, actorType, erpKey, cancellationToken);
        var session = await OpenAsync(connection, cancellationToken);
        var fields = SyncSetup.Fields(type);
        var actor = await ReadActorAsync(session, actorType, erpKey, fields.Select(f => f.Erp.Key).ToList(), cancellationToken);
        var comparisons = Compare(fields, entity, record, actor);
        var texts = await ListTextsAsync(session, fields.Select(f => f.Erp).ToList(), [actor, new Actor { Type = actorType, Key = "", Fields = comparisons.ToDictionary(c => c.Field.Erp.Key, c => c.Crm) }], cancellationToken);
        return new ConnectPreview(actorType, erpKey, actor.DisplayName, comparisons.Where(c => !SyncValues.Same(c.Crm, c.Erp))
            .Select(c => new ConnectDifference(c.Field.Erp.Key, c.Field.Erp.DisplayName, Display(c.Field.Erp, c.Crm, texts), Display(c.Field.Erp, c.Erp, texts),
                CrmAllowed(c.Field), ErpAllowed(c.Field), DefaultSource(c.Field)))
            .ToList());
    }

    /// <summary>Writes the chosen values to both sides and stores the link with its base snapshot.</summary>
    public async Task<ErpTabSection> ConnectAsync(int userId, CrmEntity entity, int recordId, int connectionId, ConnectInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, usable) = await AuthorizeAsync(db, userId, connectionId, link: true, create: false, cancellationToken);
        var record = await LoadRecordAsync(db, entity, recordId, cancellationToken);
        var type = LinkableType(connection, entity, input.ActorType);
        var session = await OpenAsync(connection, cancellationToken);
        var fields = SyncSetup.Fields(type);
        var actor = await ReadActorAsync(session, input.ActorType, input.ErpKey, fields.Select(f => f.Erp.Key).ToList(), cancellationToken);

        // The key as the ERP spells it ("42", not a typed "0042"): links, uniqueness and the deletion sweep compare keys exactly.
        await EnsureLinkableAsync(db, connectionId, entity, recordId, input.ActorType, actor.Key, cancellationToken);

        var erpWrites = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        var crmWrites = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var baseValues = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, crm, erp) in Compare(fields, entity, record, actor))
        {
            if (SyncValues.Same(crm, erp) || !CrmAllowed(field) && !ErpAllowed(field))
            {
                baseValues[field.Erp.Key] = SyncValues.Normalize(erp);
                continue;
            }

            var source = input.Choices is not null && input.Choices.TryGetValue(field.Erp.Key, out var chosen) ? chosen : DefaultSource(field);
            if (source == ValueSource.Crm && !CrmAllowed(field) || source == ValueSource.Erp && !ErpAllowed(field))
            {
                throw UserErrorException.Field(field.Erp.Key, T($"The value of {field.Erp.DisplayName} cannot be taken from that side.", $"De waarde van {field.Erp.DisplayName} kan niet van die kant worden genomen."));
            }

            if (source == ValueSource.Crm)
            {
                erpWrites[field.Erp.Key] = SyncValues.Normalize(crm);
                baseValues[field.Erp.Key] = SyncValues.Normalize(crm);
            }
            else
            {
                if (!SyncValueConverter.TryToCrm(field.Crm, erp, field.Lists, out var raw))
                {
                    throw UserErrorException.Field(field.Erp.Key, UnmappedErp(field, erp));
                }

                crmWrites[field.Crm.Key] = raw;
                baseValues[field.Erp.Key] = SyncValues.Normalize(erp);
            }
        }

        var version = actor.Version;
        if (erpWrites.Count > 0)
        {
            version = await SaveErpAsync(session, actor, erpWrites, cancellationToken);
        }

        foreach (var (crmField, value) in crmWrites)
        {
            CrmFieldAccess.Set(entity, record, crmField, value);
        }

        var link = LinkBase.NewLink(connectionId, entity, recordId, input.ActorType, actor.Key, version, baseValues, time.GetUtcNow());
        await SaveLinkAsync(db, link, record, null, cancellationToken);
        return await BuildSectionAsync(db, connection, usable, entity, recordId, cancellationToken);
    }

    /// <summary>Removes the link only; nothing is called in the ERP.</summary>
    public async Task DisconnectAsync(int userId, CrmEntity entity, int recordId, int connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _ = await AuthorizeAsync(db, userId, connectionId, link: true, create: false, cancellationToken);
        var link = await db.Links.FirstOrDefaultAsync(l => l.ConnectionId == connectionId && l.CrmEntity == entity && l.CrmRecordId == recordId, cancellationToken)
            ?? throw UserErrorException.NotFound(T("This record is not linked in this connection.", "Dit record is niet gekoppeld in deze verbinding."));
        db.Links.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Syncs the record's link right away, both directions.</summary>
    public async Task<SyncRunSummary> SyncNowAsync(int userId, CrmEntity entity, int recordId, int connectionId, CancellationToken cancellationToken)
    {
        int linkId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            _ = await AuthorizeAsync(db, userId, connectionId, link: false, create: false, cancellationToken);
            linkId = await db.Links.Where(l => l.ConnectionId == connectionId && l.CrmEntity == entity && l.CrmRecordId == recordId).Select(l => l.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return linkId == 0
            ? throw UserErrorException.NotFound(T("This record is not linked in this connection.", "Dit record is niet gekoppeld in deze verbinding."))
            : await engine.SyncLinkAsync(linkId, cancellationToken);
    }
}
