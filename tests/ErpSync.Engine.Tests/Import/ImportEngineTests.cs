using System.Diagnostics;
using ErpSync.Connectors;
using ErpSync.Engine.Import;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using ErpSync.Engine.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Import;

/// <summary>Import from the demo ERP into a real SQLite CRM through <see cref="ImportAdmin"/>.</summary>
public sealed class ImportEngineTests(ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Mapping =
    [
        new("NAME", "name", FieldDirection.Both, true, false),
        new("EMAIL", "email", FieldDirection.Both, true, false),
        new("PHONE", "phone", FieldDirection.ToCrm, false, false),
        new("VATNO", "vatNumber", FieldDirection.Both, false, false),
        new("COUNTRY", "country", FieldDirection.Both, false, false),
    ];

    private static async Task<ImportJobView> ImportAsync(SyncScenario scenario, ImportRequest request)
    {
        var admin = scenario.Get<ImportAdmin>();
        var job = await admin.StartAsync(request, null, Ct);
        await admin.RunAsync(job.Id, Ct);
        var view = await admin.GetAsync(job.Id, Ct);
        view.State.ShouldBe(ImportJobState.Completed, view.Message);
        return view;
    }

    [Fact]
    public async Task TenThousandCustomers_ImportLinked_AndAReRunChangesNothing()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-i", Mapping);
        var erp = await scenario.ErpAsync("erp-i");
        await erp.GenerateCustomersAsync("NL01", 10_000, Ct);
        var total = await erp.CountAsync("NL01", ActorType.Customer, Ct);
        var request = new ImportRequest(connection, ActorType.Customer, new ImportSelection(), new ImportSettings(CompanyMatch: CompanyMatchKey.None));

        var preview = await scenario.Get<ImportAdmin>().PreviewAsync(request, 0, 20, Ct);
        preview.Counts.New.ShouldBe(total);
        preview.Rows.Count.ShouldBe(20);

        var watch = Stopwatch.StartNew();
        var first = await ImportAsync(scenario, request);
        watch.Stop();
        output.WriteLine($"Imported {first.Created} customers in {watch.Elapsed.TotalSeconds:0.0} s = {first.Created / watch.Elapsed.TotalSeconds:0} rows/s");
        first.State.ShouldBe(ImportJobState.Completed);
        first.Created.ShouldBe(total);
        first.Done.ShouldBe(total);
        await using (var db = await scenario.OpenAsync())
        {
            (await db.Companies.CountAsync(Ct)).ShouldBe(total);
            (await db.Links.CountAsync(l => l.ConnectionId == connection, Ct)).ShouldBe(total);
        }

        var second = await ImportAsync(scenario, request);
        second.Created.ShouldBe(0);
        second.Updated.ShouldBe(0);
        second.Unchanged.ShouldBe(total);

        // Linked and synced from then on: a sync right after finds nothing to write.
        var run = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        run.CrmWrites.ShouldBe(0);
        run.ErpWrites.ShouldBe(0);
    }

    [Fact]
    public async Task Merge_FillsOnlyEmptyFields_Replace_Overwrites()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-m", Mapping);
        var actor = await scenario.ErpActorAsync(connection, "C10001");
        var name = ((TextValue)actor.Fields["NAME"]!).Value;
        int merged, replaced;
        await using (var db = await scenario.OpenAsync())
        {
            var a = db.Companies.Add(new Engine.Crm.Company { Name = name.ToUpperInvariant(), Phone = "crm-phone" }).Entity;
            await db.SaveChangesAsync(Ct);
            merged = a.Id;
        }

        var mergeJob = await ImportAsync(scenario, new ImportRequest(connection, ActorType.Customer, new ImportSelection(["C10001"]),
            new ImportSettings(CompanyMatch: CompanyMatchKey.Name, OnMatch: DuplicateAction.Merge)));
        mergeJob.Updated.ShouldBe(1);
        var company = await scenario.CompanyAsync(merged);
        company.Phone.ShouldBe("crm-phone");
        company.Email.ShouldBe(((TextValue)actor.Fields["EMAIL"]!).Value);
        company.Name.ShouldBe(name.ToUpperInvariant());

        await using (var db = await scenario.OpenAsync())
        {
            db.Links.RemoveRange(db.Links);
            await db.SaveChangesAsync(Ct);
            replaced = merged;
        }

        var replaceJob = await ImportAsync(scenario, new ImportRequest(connection, ActorType.Customer, new ImportSelection(["C10001"]),
            new ImportSettings(CompanyMatch: CompanyMatchKey.Name, OnMatch: DuplicateAction.Replace, ContactDetails: ContactDetailsAction.Replace)));
        replaceJob.Updated.ShouldBe(1);
        company = await scenario.CompanyAsync(replaced);
        company.Phone.ShouldBe(((TextValue)actor.Fields["PHONE"]!).Value);
        company.Name.ShouldBe(name);
        var rows = await scenario.Get<ImportAdmin>().ResultAsync(replaceJob.Id, ImportRowOutcome.Updated, 0, 10, Ct);
        rows.Rows.Single().CrmRecordId.ShouldBe(replaced);
    }

    [Fact]
    public async Task TwoErpRecordsWithOneDuplicateKey_BecomeOneCrmRecord_InThePreviewAndTheRun()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-d", Mapping);
        var erp = await scenario.ErpAsync("erp-d");
        var name = ((TextValue)(await scenario.ErpActorAsync(connection, "C10001")).Fields["NAME"]!).Value;
        await erp.UpdateFieldsAsync("NL01", "C10002", new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text(name.ToUpperInvariant() + " B.V.") }, Ct);
        var request = new ImportRequest(connection, ActorType.Customer, new ImportSelection(["C10001", "C10002"]), new ImportSettings(CompanyMatch: CompanyMatchKey.Name));

        var preview = await scenario.Get<ImportAdmin>().PreviewAsync(request, 0, 10, Ct);
        var job = await ImportAsync(scenario, request);

        preview.Counts.ShouldSatisfyAllConditions(c => c.New.ShouldBe(1), c => c.Skipped.ShouldBe(1));
        preview.Rows.Single(r => r.ErpKey == "C10002").Reason.ShouldNotBeNull().ShouldContain("C10001");
        job.ShouldSatisfyAllConditions(j => j.Created.ShouldBe(1), j => j.Skipped.ShouldBe(1));
        (await scenario.Get<ImportAdmin>().ResultAsync(job.Id, ImportRowOutcome.Skipped, 0, 10, Ct)).Rows.Single().ErpKey.ShouldBe("C10002");

        // A later import still finds the first one's CRM record, now linked: skipped again, not duplicated; "Add always" adds it.
        var again = await ImportAsync(scenario, request);
        again.ShouldSatisfyAllConditions(j => j.Created.ShouldBe(0), j => j.Unchanged.ShouldBe(1), j => j.Skipped.ShouldBe(1));
        var added = await ImportAsync(scenario, request with { Settings = new ImportSettings(CompanyMatch: CompanyMatchKey.Name, OnMatch: DuplicateAction.AddAlways) });
        added.Created.ShouldBe(1);
        await using var db = await scenario.OpenAsync();
        (await db.Companies.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Criteria_SearchAndImportOnlyTheMatches()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-q", Mapping);
        var erp = await scenario.ErpAsync("erp-q");
        await erp.UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Zyxwv Criteria BV") }, Ct);
        var admin = scenario.Get<ImportAdmin>();
        var fields = await admin.SearchFieldsAsync(connection, ActorType.Customer, Ct);
        fields.Single(f => f.Key == "NAME").Operators.ShouldContain(SearchOperator.Begins);
        ImportCriterion[] criteria = [new("NAME", SearchOperator.Begins, ["zyxwv"])];

        var found = await admin.SearchAsync(connection, ActorType.Customer, null, 0, 20, Ct, criteria);
        var job = await ImportAsync(scenario, new ImportRequest(connection, ActorType.Customer, new ImportSelection(Criteria: criteria), new ImportSettings(CompanyMatch: CompanyMatchKey.None)));

        found.Rows.Select(r => r.Key).ShouldBe(["C10001"]);
        job.ShouldSatisfyAllConditions(j => j.Created.ShouldBe(1), j => j.Total.ShouldBe(1));
        await Should.ThrowAsync<UserErrorException>(() => admin.SearchAsync(connection, ActorType.Customer, null, 0, 20, Ct, [new("NAME", SearchOperator.GreaterThan, ["a"])]));
    }

    [Fact]
    public async Task UnmappedListValues_FollowTheChosenOption()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-l", Mapping);
        var erp = await scenario.ErpAsync("erp-l");
        await erp.UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("BE") }, Ct);
        var selection = new ImportSelection(["C10001"]);

        var stop = await ImportAsync(scenario, new ImportRequest(connection, ActorType.Customer, selection, new ImportSettings(CompanyMatch: CompanyMatchKey.None, UnmappedList: UnmappedListAction.StopRow)));
        stop.Skipped.ShouldBe(1);

        var add = await ImportAsync(scenario, new ImportRequest(connection, ActorType.Customer, selection, new ImportSettings(CompanyMatch: CompanyMatchKey.None, UnmappedList: UnmappedListAction.AddItem)));
        add.Created.ShouldBe(1);
        await using var db = await scenario.OpenAsync();
        var company = await db.Companies.Include(c => c.Country).SingleAsync(Ct);
        company.Country.ShouldNotBeNull();
        (await db.ListItemMappings.AnyAsync(m => m.ErpItemKey == "BE" && m.CrmListItemId == company.CountryId, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task CancelMidway_KeepsCommittedPagesLinked_AndANewImportDoesTheRest()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-x", Mapping);
        var erp = await scenario.ErpAsync("erp-x");
        await erp.GenerateCustomersAsync("NL01", 6_000, Ct);
        var total = await erp.CountAsync("NL01", ActorType.Customer, Ct);
        var admin = scenario.Get<ImportAdmin>();
        var request = new ImportRequest(connection, ActorType.Customer, new ImportSelection(), new ImportSettings(CompanyMatch: CompanyMatchKey.None));
        var job = await admin.StartAsync(request, null, Ct);
        var run = Task.Run(() => admin.RunAsync(job.Id, Ct), Ct);
        while ((await admin.GetAsync(job.Id, Ct)).Done == 0)
        {
            await Task.Delay(10, Ct);
        }

        await admin.CancelAsync(job.Id, Ct);
        await run;
        var cancelled = await admin.GetAsync(job.Id, Ct);
        cancelled.State.ShouldBe(ImportJobState.Cancelled);
        cancelled.Done.ShouldBeLessThan(total);
        await using (var db = await scenario.OpenAsync())
        {
            (await db.Companies.CountAsync(Ct)).ShouldBe(cancelled.Created);
            (await db.Links.CountAsync(Ct)).ShouldBe(cancelled.Created);
        }

        var rest = await ImportAsync(scenario, request);
        rest.Created.ShouldBe(total - cancelled.Created);
        rest.Unchanged.ShouldBe(cancelled.Created);
    }

    [Fact]
    public async Task TwoNodesRunningOneJob_OnlyOneImports_AndAJobWithALiveLeaseIsNotResumed()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-n", Mapping);
        var erp = await scenario.ErpAsync("erp-n");
        await erp.GenerateCustomersAsync("NL01", 2_000, Ct);
        var total = await erp.CountAsync("NL01", ActorType.Customer, Ct);
        var admin = scenario.Get<ImportAdmin>();
        var job = await admin.StartAsync(new ImportRequest(connection, ActorType.Customer, new ImportSelection(), new ImportSettings(CompanyMatch: CompanyMatchKey.None)), null, Ct);

        await Task.WhenAll(Task.Run(() => admin.RunAsync(job.Id, Ct), Ct), Task.Run(() => admin.RunAsync(job.Id, Ct), Ct));

        (await admin.GetAsync(job.Id, Ct)).ShouldSatisfyAllConditions(j => j.State.ShouldBe(ImportJobState.Completed), j => j.Created.ShouldBe(total));
        await using (var db = await scenario.OpenAsync())
        {
            (await db.Companies.CountAsync(Ct)).ShouldBe(total);
        }

        // A job another node is running (live lease) is left alone; once its lease runs out it is resumed.
        var held = await admin.StartAsync(new ImportRequest(connection, ActorType.Customer, new ImportSelection(["C10001"]), new ImportSettings(CompanyMatch: CompanyMatchKey.None)), null, Ct);
        await SetLeaseAsync(scenario, held.Id, TimeSpan.FromMinutes(3));
        (await admin.NextJobAsync(Ct)).ShouldBeNull();
        await admin.RunAsync(held.Id, Ct);
        (await admin.GetAsync(held.Id, Ct)).State.ShouldBe(ImportJobState.Running);

        await SetLeaseAsync(scenario, held.Id, TimeSpan.FromMinutes(-1));
        (await admin.NextJobAsync(Ct)).ShouldBe(held.Id);
        await admin.RunAsync(held.Id, Ct);
        (await admin.GetAsync(held.Id, Ct)).State.ShouldBe(ImportJobState.Completed);
    }

    [Fact]
    public async Task ARunThatLostItsLease_StopsWithoutWritingMore()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-lost", Mapping);
        var erp = await scenario.ErpAsync("erp-lost");
        await erp.GenerateCustomersAsync("NL01", 6_000, Ct);
        var admin = scenario.Get<ImportAdmin>();
        var job = await admin.StartAsync(new ImportRequest(connection, ActorType.Customer, new ImportSelection(), new ImportSettings(CompanyMatch: CompanyMatchKey.None)), null, Ct);
        var run = Task.Run(() => admin.RunAsync(job.Id, Ct), Ct);
        while ((await admin.GetAsync(job.Id, Ct)).Done == 0)
        {
            await Task.Delay(10, Ct);
        }

        // Another node took the job over (as after this one stalled past its lease).
        await using (var db = await scenario.OpenAsync())
        {
            await db.Set<ImportJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Node, "other-node"), Ct);
        }

        await run;
        var after = await admin.GetAsync(job.Id, Ct);
        after.State.ShouldBe(ImportJobState.Running);
        await using var check = await scenario.OpenAsync();
        (await check.Companies.CountAsync(Ct)).ShouldBe(after.Created);
        after.Created.ShouldBeLessThan(6_000);
    }

    private static async Task SetLeaseAsync(SyncScenario scenario, int jobId, TimeSpan fromNow)
    {
        await using var db = await scenario.OpenAsync();
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId, Ct);
        job.State = ImportJobState.Running;
        job.LeaseUntil = TimeProvider.System.GetUtcNow() + fromNow;
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Cancel_KeepsWhatWasCommitted_AndTheScheduledSyncWaits()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-c", Mapping);
        var admin = scenario.Get<ImportAdmin>();
        var job = await admin.StartAsync(new ImportRequest(connection, ActorType.Customer, new ImportSelection(), new ImportSettings(CompanyMatch: CompanyMatchKey.None)), null, Ct);
        (await admin.IsImportingAsync(connection, Ct)).ShouldBeTrue();
        (await admin.CancelAsync(job.Id, Ct)).State.ShouldBe(ImportJobState.Cancelled);
        (await admin.IsImportingAsync(connection, Ct)).ShouldBeFalse();
        await admin.RunAsync(job.Id, Ct);
        await using var db = await scenario.OpenAsync();
        (await db.Companies.CountAsync(Ct)).ShouldBe(0);
    }
}

/// <summary>Persons under their imported companies, and persons whose company is not in the CRM yet.</summary>
public sealed class ImportPersonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Companies = [new("NAME", "name", FieldDirection.Both, true, false)];

    private static async Task<(SyncScenario, int)> StartAsync()
    {
        var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-p", Companies);
        await scenario.Get<Connections.ConnectionAdmin>().SetActiveAsync(connection, false, Ct);
        await scenario.Get<MappingAdmin>().SaveActorTypeAsync(connection, ActorType.Person, new ActorTypeMappingInput(true,
        [
            new("FIRSTNAME", "firstName", FieldDirection.Both, true, false),
            new("LASTNAME", "lastName", FieldDirection.Both, true, false),
            new("EMAIL", "email", FieldDirection.Both, true, false),
            new("PHONE_MOBILE", "phoneMobile", FieldDirection.Both, false, false),
        ]), Ct);
        (await scenario.Get<Connections.ConnectionAdmin>().SetActiveAsync(connection, true, Ct)).Problems.ShouldBeEmpty();
        return (scenario, connection);
    }

    private static async Task<ImportJobView> ImportAsync(SyncScenario scenario, int connection, ActorType type, ImportSettings settings)
    {
        var admin = scenario.Get<ImportAdmin>();
        var job = await admin.StartAsync(new ImportRequest(connection, type, new ImportSelection(), settings), null, Ct);
        await admin.RunAsync(job.Id, Ct);
        var view = await admin.GetAsync(job.Id, Ct);
        view.State.ShouldBe(ImportJobState.Completed, view.Message);
        return view;
    }

    [Fact]
    public async Task Persons_LandUnderTheirImportedCompanies()
    {
        var (scenario, connection) = await StartAsync();
        await using var _ = scenario;
        var companies = await ImportAsync(scenario, connection, ActorType.Customer, new ImportSettings(CompanyMatch: CompanyMatchKey.None));
        var persons = await ImportAsync(scenario, connection, ActorType.Person, new ImportSettings(PersonMatch: PersonMatchKey.Email, MissingCompany: MissingCompanyAction.Skip));

        companies.Created.ShouldBeGreaterThan(0);
        persons.Created.ShouldBeGreaterThan(0);
        await using var db = await scenario.OpenAsync();
        var links = await db.Links.Where(l => l.ConnectionId == connection).ToListAsync(Ct);
        links.Count(l => l.ActorType == ActorType.Person).ShouldBe(persons.Created);
        var personId = links.First(l => l.ActorType == ActorType.Person).CrmRecordId;
        var person = await db.Persons.FirstAsync(p => p.Id == personId, Ct);
        links.ShouldContain(l => l.CrmEntity == Connections.CrmEntity.Company && l.CrmRecordId == person.CompanyId);
        (await ImportAsync(scenario, connection, ActorType.Person, new ImportSettings(PersonMatch: PersonMatchKey.Email))).Created.ShouldBe(0);
    }

    [Fact]
    public async Task PersonsWithoutCompany_SkippedOrTheirCompanyCreatedAndLinked()
    {
        var (scenario, connection) = await StartAsync();
        await using var _ = scenario;
        var skipped = await ImportAsync(scenario, connection, ActorType.Person, new ImportSettings(PersonMatch: PersonMatchKey.None, MissingCompany: MissingCompanyAction.Skip));
        skipped.Created.ShouldBe(0);
        skipped.Skipped.ShouldBeGreaterThan(0);

        var created = await ImportAsync(scenario, connection, ActorType.Person, new ImportSettings(PersonMatch: PersonMatchKey.None, MissingCompany: MissingCompanyAction.CreateFromParent));
        created.Created.ShouldBe(skipped.Skipped);
        await using var db = await scenario.OpenAsync();
        var companyLinks = await db.Links.Where(l => l.ConnectionId == connection && l.CrmEntity == Connections.CrmEntity.Company).ToListAsync(Ct);
        companyLinks.ShouldNotBeEmpty();
        companyLinks.ShouldAllBe(l => l.ActorType == ActorType.Customer);
        (await db.Companies.AllAsync(c => c.Persons.Any(), Ct)).ShouldBeTrue();
        (await db.Companies.AllAsync(c => c.Name != "", Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task ParentCompanies_AreCounted_AndAnExistingUnlinkedCompanyIsUsedInsteadOfACopy()
    {
        var (scenario, connection) = await StartAsync();
        await using var _ = scenario;
        var preview = await scenario.Get<ImportAdmin>().PreviewAsync(new ImportRequest(connection, ActorType.Person, new ImportSelection(),
            new ImportSettings(PersonMatch: PersonMatchKey.None, MissingCompany: MissingCompanyAction.CreateFromParent)), 0, 1, Ct);
        var person = await scenario.ErpActorAsync(connection, preview.Rows[0].ErpKey, ActorType.Person);
        var parentKey = person.ParentKey.ShouldNotBeNull();
        var parentName = (await scenario.ErpActorAsync(connection, parentKey, person.ParentType ?? ActorType.Customer)).DisplayName.ShouldNotBeNull();
        int existing;
        await using (var db = await scenario.OpenAsync())
        {
            var company = db.Companies.Add(new Engine.Crm.Company { Name = parentName.ToLowerInvariant() }).Entity;
            await db.SaveChangesAsync(Ct);
            existing = company.Id;
        }

        var job = await ImportAsync(scenario, connection, ActorType.Person, new ImportSettings(PersonMatch: PersonMatchKey.None, MissingCompany: MissingCompanyAction.CreateFromParent));

        await using var check = await scenario.OpenAsync();
        var companyLinks = await check.Links.Where(l => l.ConnectionId == connection && l.CrmEntity == Connections.CrmEntity.Company).ToListAsync(Ct);
        job.ParentCompaniesCreated.ShouldBe(await check.Companies.CountAsync(Ct) - 1);
        companyLinks.ShouldContain(l => l.ErpKey == parentKey && l.CrmRecordId == existing);
        (await check.Persons.AnyAsync(p => p.CompanyId == existing, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task ImportWithoutCompany_IsRefusedWithAReason()
    {
        var (scenario, connection) = await StartAsync();
        await using var _ = scenario;
        var error = await Should.ThrowAsync<UserErrorException>(() => scenario.Get<ImportAdmin>().StartAsync(new ImportRequest(connection, ActorType.Person, new ImportSelection(),
            new ImportSettings(MissingCompany: MissingCompanyAction.ImportWithout)), null, Ct));
        error.Message.ShouldContain("company");
    }

    [Fact]
    public async Task ImportedPersons_GetTheChosenPrivacy_OrTheDefault_AndAMatchKeepsItsOwn()
    {
        var (scenario, connection) = await StartAsync();
        await using var _ = scenario;
        await ImportAsync(scenario, connection, ActorType.Customer, new ImportSettings(CompanyMatch: CompanyMatchKey.None));
        var preview = await scenario.Get<ImportAdmin>().PreviewAsync(new ImportRequest(connection, ActorType.Person, new ImportSelection(), new ImportSettings()), 0, 2, Ct);
        var (first, second) = (preview.Rows[0].ErpKey, preview.Rows[1].ErpKey);
        var admin = scenario.Get<ImportAdmin>();

        async Task RunAsync(string key, ImportSettings settings)
        {
            var job = await admin.StartAsync(new ImportRequest(connection, ActorType.Person, new ImportSelection([key]), settings), null, Ct);
            await admin.RunAsync(job.Id, Ct);
            (await admin.GetAsync(job.Id, Ct)).Created.ShouldBe(1);
        }

        await RunAsync(first, new ImportSettings(PersonMatch: PersonMatchKey.None));
        await RunAsync(second, new ImportSettings(PersonMatch: PersonMatchKey.None, PrivacyBasis: Engine.Crm.LegalBasis.Consent, PrivacySource: "Beurs 2026"));

        await using var db = await scenario.OpenAsync();
        var persons = await db.Links.Where(l => l.ActorType == ActorType.Person).Join(db.Persons, l => l.CrmRecordId, p => p.Id, (l, p) => new { l.ErpKey, p.PrivacyBasis, p.PrivacySource, p.PrivacyRecordedAt })
            .ToDictionaryAsync(p => p.ErpKey, Ct);
        persons[first].ShouldSatisfyAllConditions(p => p.PrivacyBasis.ShouldBe(Engine.Crm.Privacy.DefaultBasis), p => p.PrivacySource.ShouldBe("Import"), p => p.PrivacyRecordedAt.ShouldNotBeNull());
        persons[second].ShouldSatisfyAllConditions(p => p.PrivacyBasis.ShouldBe(Engine.Crm.LegalBasis.Consent), p => p.PrivacySource.ShouldBe("Beurs 2026"));
    }
}
