using System.Runtime.CompilerServices;
using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Import;

/// <summary>
/// Import from ERP (functional spec §3.14), shared by the API and the pages: sources, search, the dry-run preview,
/// queueing, progress, cancel and the result. <see cref="RunAsync"/> does the work page by page (never all actors in
/// memory), commits every page with its links, and is idempotent: actors already linked are left to the sync.
/// </summary>
public sealed partial class ImportAdmin(
    IDbContextFactory<ErpSyncDb> dbFactory,
    ConnectorResolver resolver,
    ConnectionConfigStore configStore,
    TimeProvider time)
{
    public const int PageSize = 500;

    /// <summary>How long a node holds a running job without renewing (every page renews); then another node may resume it.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(5);
    public const int MaxTake = 100;
    private const int MaxAmbiguous = 200;

    private sealed record Session(ISyncConnector Connector, ConnectorContext Context);

    /// <summary>Event raised when a job is queued, so the worker starts without waiting for its next poll.</summary>
    public event Action? Queued;

    public async Task<IReadOnlyList<ImportSource>> SourcesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Connections.Where(c => !c.IsDeleted).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(cancellationToken);
        var busy = await BusyConnectionsAsync(db, cancellationToken);
        var result = new List<ImportSource>();
        foreach (var id in ids)
        {
            var connection = await ConnectionLoader.LoadAsync(db, id, cancellationToken);
            var types = ImportableTypes(connection).Select(a => new ImportActorTypeOption(a.ActorType, a.LocalizedName, a.CrmEntity, true)).ToList();
            if (types.Count > 0)
            {
                result.Add(new ImportSource(id, connection.Name, types, busy.Contains(id)));
            }
        }

        return result;
    }

    /// <summary>True while an import of the connection is queued or running; the scheduled sync waits meanwhile.</summary>
    public async Task<bool> IsImportingAsync(int connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ImportJob>().AnyAsync(j => j.ConnectionId == connectionId && (j.State == ImportJobState.Queued || j.State == ImportJobState.Running), cancellationToken);
    }

    public async Task<ImportSearchResult> SearchAsync(int connectionId, ActorType actorType, string? text, int skip, int take, CancellationToken cancellationToken,
        IReadOnlyList<ImportCriterion>? criteria = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, type) = await LoadAsync(db, connectionId, actorType, cancellationToken);
        var session = await OpenAsync(connection, cancellationToken);
        var columns = type.Fields.Where(f => f.ShowInSearch && !f.MissingInErp).OrderBy(f => f.Rank).Select(f => f.Info()).ToList();
        if (columns.Count == 0)
        {
            columns = type.Fields.Where(f => !f.MissingInErp && f.CrmField is not null).OrderBy(f => f.Rank).Take(4).Select(f => f.Info()).ToList();
        }

        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxTake);
        SearchPage page;
        if (criteria is { Count: > 0 } && session.Connector is ISearchableConnector advanced)
        {
            page = Check(await advanced.SearchAdvancedAsync(session.Context, new AdvancedSearchRequest(actorType, await RestrictionsAsync(session, actorType, criteria, cancellationToken),
                columns.Select(c => c.Key).ToList(), new PageRequest(skip, take)), cancellationToken));
        }
        else if (session.Connector is ISearchableConnector searchable)
        {
            page = Check(await searchable.SearchAsync(session.Context, new SearchRequest(actorType, text?.Trim(), columns.Select(c => c.Key).ToList(), new PageRequest(skip, take)), cancellationToken));
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            page = await ChangeFeedPageAsync(session, actorType, columns.Select(c => c.Key).ToList(), skip, take, cancellationToken);
        }
        else
        {
            throw new UserErrorException(T("This ERP connector cannot search; import everything instead.", "Deze ERP-connector kan niet zoeken; importeer alles."));
        }

        var keys = page.Actors.Select(a => a.Key).ToList();
        var linked = await db.Links.Where(l => l.ConnectionId == connectionId && l.ActorType == actorType && keys.Contains(l.ErpKey)).Select(l => l.ErpKey).ToListAsync(cancellationToken);
        return new ImportSearchResult(columns.Select(c => new ImportSearchColumn(c.Key, c.DisplayName)).ToList(),
            page.Actors.Select(a => new ImportSearchRow(a.Key, a.DisplayName, columns.Select(c => SyncValues.Normalize(a.Fields.GetValueOrDefault(c.Key)) is { } v
                ? v is ListValue l ? l.Key : FieldValues.Format(v) : null).ToList(), linked.Contains(a.Key))).ToList(),
            page.Total, page.HasMore, skip, take);
    }

    /// <summary>The dry run over the whole selection: counts, one page of rows, and the ambiguous rows. Writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportRequest request, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, type) = await LoadAsync(db, request.ConnectionId, request.ActorType, cancellationToken);
        var session = await OpenAsync(connection, cancellationToken);
        var fields = SyncSetup.Fields(type);
        CheckMatchKey(type.CrmEntity, fields, request.Settings);
        var index = await CrmIndex.BuildAsync(db, type.CrmEntity, request.Settings, cancellationToken);
        var excluded = request.Excluded?.ToHashSet(StringComparer.Ordinal) ?? [];
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxTake);
        int created = 0, changed = 0, unchanged = 0, skipped = 0, ambiguousCount = 0, position = 0;
        var rows = new List<PreviewRow>();
        var ambiguous = new List<PreviewRow>();
        var claimed = new HashSet<int>();
        var runKeys = new RunKeys();
        await foreach (var page in PagesAsync(session, request.ActorType, request.Selection, SyncSetup.FieldKeys(fields), cancellationToken))
        {
            db.ChangeTracker.Clear();
            var context = await PageContextAsync(db, connection.Id, type, page, index, request.Settings, cancellationToken);
            foreach (var actor in page)
            {
                PreviewRow row;
                if (excluded.Contains(actor.Key))
                {
                    row = new PreviewRow(actor.Key, actor.DisplayName, PreviewOutcome.Skipped, null, T("Unchecked.", "Uitgevinkt."), [], []);
                }
                else
                {
                    var plan = ImportPlanner.Plan(type.CrmEntity, fields, actor, context.LinkedTo(actor.Key), context.Candidates(actor),
                        request.Picks?.TryGetValue(actor.Key, out var p) == true ? p : null, request.Settings, context.TakenMatch(actor));
                    row = new PreviewRow(actor.Key, actor.DisplayName, plan.Outcome, plan.Target?.Id ?? context.LinkedTo(actor.Key), plan.Reason, plan.Changes,
                        plan.Candidates.Select(c => new ImportCandidate(c.Id, RecordName(c))).ToList());

                    // The same checks the run makes across rows: one CRM record per ERP record, one new record per duplicate key.
                    if (plan.Target is { } target && plan.Outcome is PreviewOutcome.Changed or PreviewOutcome.Unchanged && !claimed.Add(target.Id))
                    {
                        row = row with { Outcome = PreviewOutcome.Skipped, Changes = [], Reason = AlsoMatchedReason(target.Id) };
                    }
                    else if (plan.Outcome == PreviewOutcome.New && request.Settings.OnMatch != DuplicateAction.AddAlways
                        && !runKeys.TryClaim(context.DuplicateKey(actor), actor.Key, out var duplicate))
                    {
                        row = row with { Outcome = PreviewOutcome.Skipped, Changes = [], Reason = duplicate };
                    }
                }

                switch (row.Outcome)
                {
                    case PreviewOutcome.New: created++; break;
                    case PreviewOutcome.Changed: changed++; break;
                    case PreviewOutcome.Unchanged: unchanged++; break;
                    case PreviewOutcome.Skipped: skipped++; break;
                    default:
                        ambiguousCount++;
                        if (ambiguous.Count < MaxAmbiguous)
                        {
                            ambiguous.Add(row);
                        }

                        break;
                }

                if (position >= skip && position < skip + take)
                {
                    rows.Add(row);
                }

                position++;
            }
        }

        return new ImportPreview(new PreviewCounts(created, changed, unchanged, skipped, ambiguousCount), rows, ambiguous, skip, take);
    }

    /// <summary>Queues the import; the background worker runs it. Only one import per connection at a time.</summary>
    public async Task<ImportJobView> StartAsync(ImportRequest request, int? userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, type) = await LoadAsync(db, request.ConnectionId, request.ActorType, cancellationToken);
        CheckMatchKey(type.CrmEntity, SyncSetup.Fields(type), request.Settings);
        if ((await BusyConnectionsAsync(db, cancellationToken)).Contains(connection.Id))
        {
            throw new UserErrorException(T("An import of this connection is already running.", "Er loopt al een import van deze verbinding."), status: 409);
        }

        var job = new ImportJob
        {
            ConnectionId = connection.Id,
            ActorType = request.ActorType,
            CrmEntity = type.CrmEntity,
            State = ImportJobState.Queued,
            SelectionJson = JsonSerializer.Serialize(request.Selection),
            SettingsJson = JsonSerializer.Serialize(request.Settings),
            PicksJson = JsonSerializer.Serialize(request.Picks ?? new Dictionary<string, int>()),
            ExcludedJson = JsonSerializer.Serialize(request.Excluded ?? []),
            Total = request.Selection.Keys?.Count,
            CreatedByUserId = userId,
            CreatedAt = time.GetUtcNow(),
        };
        db.Set<ImportJob>().Add(job);
        await db.SaveChangesAsync(cancellationToken);
        Queued?.Invoke();
        return View(job);
    }

    public async Task<ImportJobView> GetAsync(int jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return View(await FindAsync(db, jobId, cancellationToken));
    }

    public async Task<IReadOnlyList<ImportJobView>> ListAsync(int? connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jobs = await db.Set<ImportJob>().AsNoTracking().Where(j => connectionId == null || j.ConnectionId == connectionId).OrderByDescending(j => j.Id).Take(50).ToListAsync(cancellationToken);
        return jobs.Select(View).ToList();
    }

    /// <summary>Asks the job to stop after the current page; what was committed stays.</summary>
    public async Task<ImportJobView> CancelAsync(int jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await FindAsync(db, jobId, cancellationToken);
        if (job.State == ImportJobState.Queued)
        {
            job.State = ImportJobState.Cancelled;
            job.EndedAt = time.GetUtcNow();
        }
        else if (job.State == ImportJobState.Running)
        {
            job.CancelRequested = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return View(job);
    }

    public async Task<ImportResultPage> ResultAsync(int jobId, ImportRowOutcome? outcome, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _ = await FindAsync(db, jobId, cancellationToken);
        var query = db.Set<ImportJobRow>().AsNoTracking().Where(r => r.ImportJobId == jobId && (outcome == null || r.Outcome == outcome));
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxTake);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.Id).Skip(skip).Take(take)
            .Select(r => new ImportResultRow(r.ErpKey, r.DisplayName, r.Outcome, r.CrmRecordId, r.Reason)).ToListAsync(cancellationToken);
        return new ImportResultPage(rows, total, skip, take);
    }

    /// <summary>
    /// The oldest queued job, or a running one whose node stopped renewing its lease (resumed: linked rows are unchanged).
    /// Only a hint: <see cref="RunAsync"/> claims the job atomically, so two nodes never run the same one.
    /// </summary>
    public async Task<int?> NextJobAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.Set<ImportJob>().Where(j => j.State == ImportJobState.Queued || j.State == ImportJobState.Running && (j.LeaseUntil == null || j.LeaseUntil < now))
            .OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Takes the job for <paramref name="holder"/> when it is queued or its lease ran out; false when another holds it or it ended.</summary>
    private async Task<bool> ClaimAsync(ErpSyncDb db, int jobId, string holder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + LeaseLength;
        return await db.Set<ImportJob>()
            .Where(j => j.Id == jobId && (j.State == ImportJobState.Queued || j.State == ImportJobState.Running && (j.LeaseUntil == null || j.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Running).SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Node, holder),
                cancellationToken) == 1;
    }

    /// <summary>
    /// Extends the lease, only while <paramref name="holder"/> still has it (a fence: a run that stalled past its lease and
    /// was taken over learns it here, inside the page's transaction, and writes nothing more).
    /// </summary>
    private async Task<bool> RenewAsync(ErpSyncDb db, int jobId, string holder, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + LeaseLength;
        return await db.Set<ImportJob>().Where(j => j.Id == jobId && j.State == ImportJobState.Running && j.Node == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken) == 1;
    }

    /// <summary>This run lost its job to another holder; it stops without writing.</summary>
    private sealed class LeaseLostException : Exception;

    private static async Task<HashSet<int>> BusyConnectionsAsync(ErpSyncDb db, CancellationToken cancellationToken) =>
        (await db.Set<ImportJob>().Where(j => j.State == ImportJobState.Queued || j.State == ImportJobState.Running).Select(j => j.ConnectionId).ToListAsync(cancellationToken)).ToHashSet();

    private static async Task<ImportJob> FindAsync(ErpSyncDb db, int jobId, CancellationToken cancellationToken) =>
        await db.Set<ImportJob>().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken)
        ?? throw UserErrorException.NotFound(T($"Import {jobId} does not exist.", $"Import {jobId} bestaat niet."));

    private ImportJobView View(ImportJob job)
    {
        double? rate = null;
        TimeSpan? left = null;
        if (job.StartedAt is { } started && job.Done > 0)
        {
            var seconds = ((job.EndedAt ?? time.GetUtcNow()) - started).TotalSeconds;
            rate = seconds > 0 ? job.Done / seconds : null;
            if (rate is > 0 && job.Total is { } total && job.State == ImportJobState.Running)
            {
                left = TimeSpan.FromSeconds(Math.Max(0, total - job.Done) / rate.Value);
            }
        }

        return new ImportJobView(job.Id, job.ConnectionId, job.ActorType, job.State, job.Total, job.Done, job.Created, job.Updated, job.Unchanged, job.Skipped, job.Failed,
            rate, left, job.CancelRequested, job.Message, job.CreatedAt, job.StartedAt, job.EndedAt, job.ParentCompaniesCreated);
    }

    private static IEnumerable<ActorTypeMapping> ImportableTypes(Connection connection) =>
        connection.ActorTypes.Where(a => a.IsActive && !a.MissingInErp && a.CrmEntity is CrmEntity.Company or CrmEntity.Person).OrderBy(a => a.ActorType);

    private static async Task<(Connection, ActorTypeMapping)> LoadAsync(ErpSyncDb db, int connectionId, ActorType actorType, CancellationToken cancellationToken)
    {
        if (!await db.Connections.AnyAsync(c => c.Id == connectionId && !c.IsDeleted, cancellationToken))
        {
            throw UserErrorException.NotFound(T($"Connection {connectionId} does not exist.", $"Verbinding {connectionId} bestaat niet."));
        }

        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        var type = ImportableTypes(connection).FirstOrDefault(a => a.ActorType == actorType)
            ?? throw UserErrorException.Field("actorType", T($"{actorType} is not synced in this connection; switch its mapping on first.",
                $"{actorType} wordt in deze verbinding niet gesynchroniseerd; zet de toewijzing eerst aan."));
        return (connection, type);
    }

    private static void CheckMatchKey(CrmEntity entity, IReadOnlyList<SyncField> fields, ImportSettings settings)
    {
        if (settings.PrivacyBasis is { } basis && !Enum.IsDefined(basis))
        {
            throw UserErrorException.Field("settings", T("Choose a lawful basis from the list.", "Kies een rechtsgrond uit de lijst."));
        }

        if (settings.PrivacySource?.Trim() is { Length: > Privacy.SourceMaxLength })
        {
            throw UserErrorException.Field("settings", T($"The privacy source can be at most {Privacy.SourceMaxLength} characters.",
                $"De privacybron mag hoogstens {Privacy.SourceMaxLength} tekens lang zijn."));
        }

        if (entity == CrmEntity.Person && settings.MissingCompany == MissingCompanyAction.ImportWithout)
        {
            throw UserErrorException.Field("settings", T("Every person in this CRM belongs to a company, so persons cannot be imported without one; choose to create the company or to skip the person.",
                "Elke persoon in dit CRM hoort bij een bedrijf, dus personen kunnen niet zonder bedrijf worden geïmporteerd; kies om het bedrijf aan te maken of de persoon over te slaan."));
        }

        foreach (var crmField in DuplicateKeys.CrmFields(entity, settings).Where(f => f is not "department" and not "firstName"))
        {
            if (!fields.Any(f => f.Direction.ToCrm() && string.Equals(f.Crm.Key, crmField, StringComparison.OrdinalIgnoreCase)))
            {
                throw UserErrorException.Field("settings", T($"The duplicate match needs the CRM field {crmField}, which no ERP field fills in this mapping.",
                    $"De dubbelcontrole heeft het CRM-veld {crmField} nodig, dat in deze toewijzing door geen ERP-veld wordt gevuld."));
            }
        }
    }

    private async Task<Session> OpenAsync(Connection connection, CancellationToken cancellationToken)
    {
        var resolved = await resolver.TryResolveAsync(connection.Connector!, cancellationToken);
        return resolved.Connector is null
            ? throw new UserErrorException(resolved.Reason, status: 502)
            : new Session(resolved.Connector, new ConnectorContext(connection.PublicId, configStore.Read(connection), CultureName));
    }

    private static T Check<T>(ConnectorResult<T> result) =>
        result.IsOk ? result.Value : throw new UserErrorException(result.Error.Message, status: 502);

    private static async Task<SearchPage> ChangeFeedPageAsync(Session session, ActorType actorType, IReadOnlyList<string> fields, int skip, int take, CancellationToken cancellationToken)
    {
        var result = new List<Actor>();
        var position = 0;
        await foreach (var page in FeedAsync(session, actorType, fields, cancellationToken))
        {
            foreach (var actor in page)
            {
                if (position++ >= skip && result.Count < take)
                {
                    result.Add(actor);
                }
            }

            if (result.Count >= take)
            {
                return new SearchPage(result, null, true);
            }
        }

        return new SearchPage(result, position, false);
    }

    private static async IAsyncEnumerable<IReadOnlyList<Actor>> FeedAsync(Session session, ActorType actorType, IReadOnlyList<string> fields,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        while (true)
        {
            var page = Check(await session.Connector.ReadChangesAsync(session.Context, new ReadChangesRequest(actorType, cursor, fields, PageSize), cancellationToken));
            if (page.Actors.Count > 0)
            {
                yield return page.Actors;
            }

            if (!page.HasMore || page.NextCursor is null || page.NextCursor == cursor)
            {
                yield break;
            }

            cursor = page.NextCursor;
        }
    }

    /// <summary>The selected actors with the synced fields, one page at a time.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<Actor>> PagesAsync(Session session, ActorType actorType, ImportSelection selection, IReadOnlyList<string> fields,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (selection.Keys is null && selection.Criteria is { Count: > 0 } criteria && session.Connector is ISearchableConnector)
        {
            await foreach (var page in AdvancedPagesAsync(session, actorType, await RestrictionsAsync(session, actorType, criteria, cancellationToken), fields, cancellationToken))
            {
                yield return page;
            }
        }
        else if (selection.Keys is { } keys)
        {
            foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(PageSize))
            {
                yield return Check(await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(actorType, chunk, fields), cancellationToken));
            }
        }
        else if (!string.IsNullOrWhiteSpace(selection.Text) && session.Connector is ISearchableConnector searchable)
        {
            var skip = 0;
            while (true)
            {
                var page = Check(await searchable.SearchAsync(session.Context, new SearchRequest(actorType, selection.Text.Trim(), [], new PageRequest(skip, PageSize)), cancellationToken));
                if (page.Actors.Count > 0)
                {
                    yield return Check(await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(actorType, page.Actors.Select(a => a.Key).ToList(), fields), cancellationToken));
                }

                if (!page.HasMore || page.Actors.Count == 0)
                {
                    yield break;
                }

                skip += page.Actors.Count;
            }
        }
        else
        {
            await foreach (var page in FeedAsync(session, actorType, fields, cancellationToken))
            {
                yield return page;
            }
        }
    }

    private static string RecordName(ICrmRecord record) => record switch
    {
        Company c => string.IsNullOrWhiteSpace(c.Department) ? c.Name : $"{c.Name} ({c.Department})",
        Person p => p.FullName,
        _ => record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
