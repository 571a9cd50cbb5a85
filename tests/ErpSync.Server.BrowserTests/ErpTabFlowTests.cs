using ErpSync.Connectors;
using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Server.BrowserTests.Pages;
using ErpSync.Server.Tests.ErpTab;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Issue 4 in the browser: the ERP tab of a company — connect, create, live fields, sync now, disconnect, scope.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ErpTabFlowTests(BrowserApp app)
{
    private const string UserPassword = "User-Pass-2026";
    private readonly string _demoFile = Path.Combine(app.DataDirectory, "links-demo.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en-US", "Connect to ERP", "Last synchronised")]
    [InlineData("nl-NL", "Koppelen aan ERP", "Laatst gesynchroniseerd")]
    public async Task ConnectCompany_ConflictChosenPerField_LiveFieldsInRankOrder(string locale, string connectText, string lastSync)
    {
        var name = $"Conflict {locale} {Guid.NewGuid():N}"[..24];
        var connection = await CreateConnectionAsync();
        var erpKey = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name, "erp@example.com", "+31 30 111", Ct);
        var companyId = await CreateCompanyAsync(name, "crm@example.com", "+31 30 222");
        var (page, section) = await OpenErpTabAsync(locale, companyId, connection.Name);

        await Expect(section.GetByTestId("erp-connect")).ToHaveTextAsync(connectText);
        await section.GetByTestId("erp-connect").ClickAsync();
        var dialog = page.GetByTestId("erp-connect-dialog");
        await Expect(dialog.GetByTestId("erp-search-text")).ToHaveValueAsync(name);
        await Expect(dialog.GetByTestId("erp-result")).ToHaveCountAsync(1);
        await dialog.GetByTestId("erp-result").ClickAsync();
        await dialog.GetByTestId("erp-connect-selected").ClickAsync();
        await Expect(dialog.GetByTestId("erp-diff")).ToHaveCountAsync(2);
        await Diff(dialog, "EMAIL").GetByTestId("choose-crm").CheckAsync();
        await Diff(dialog, "PHONE").GetByTestId("choose-erp").CheckAsync();
        await Screenshots.TakeAsync(page, $"{locale}-erp-connect-differences");
        await dialog.GetByTestId("erp-connect-confirm").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(section.GetByTestId("erp-linked")).ToContainTextAsync(erpKey);
        await Expect(section.GetByTestId("erp-last-sync")).ToContainTextAsync(lastSync);
        await Expect(section.GetByTestId("erp-field")).ToHaveCountAsync(DemoLinkSetup.TabOrder.Length);
        (await section.GetByTestId("erp-field").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.field)")).ShouldBe(DemoLinkSetup.TabOrder);
        await Expect(section.Locator("[data-testid=erp-field][data-field='STREETCITY']")).ToHaveTextAsync("Utrecht");
        await Expect(section.Locator("[data-testid=erp-field][data-field='COUNTRY']")).Not.ToHaveTextAsync("NL");
        await Screenshots.TakeAsync(page, $"{locale}-erp-tab-linked");

        var erp = await DemoLinkSetup.ReadCustomerAsync(app.Services, _demoFile, erpKey, Ct);
        (DemoLinkSetup.Text(erp, "EMAIL"), DemoLinkSetup.Text(erp, "PHONE")).ShouldBe(("crm@example.com", "+31 30 111"));
        var crm = await app.Services.GetRequiredService<CompanyAdmin>().GetAsync(companyId, Ct);
        (crm.Values.Email, crm.Values.Phone).ShouldBe(("crm@example.com", "+31 30 111"));
    }

    [Fact]
    public async Task CreateCustomerInErp_AskUserDefaultPrefilled_LinksTheNewCustomer()
    {
        var name = $"Create {Guid.NewGuid():N}"[..20];
        var connection = await CreateConnectionAsync();
        var companyId = await CreateCompanyAsync(name, "new@example.com", "+31 20 555");
        var before = await DemoLinkSetup.CountCustomersAsync(_demoFile);
        var (page, section) = await OpenErpTabAsync("en-US", companyId, connection.Name);

        await section.GetByTestId("erp-connect").ClickAsync();
        var dialog = page.GetByTestId("erp-connect-dialog");
        await Expect(dialog.GetByTestId("erp-no-results")).ToBeVisibleAsync();
        await dialog.GetByTestId("erp-cant-find").CheckAsync();
        await dialog.GetByTestId("erp-create-start").ClickAsync();
        var department = dialog.Locator("[data-testid=create-field][data-field='DEPARTMENT']");
        await Expect(department).ToHaveValueAsync("Sales");
        await department.FillAsync("");
        await dialog.GetByTestId("erp-create-confirm").ClickAsync();
        await Expect(dialog.GetByTestId("error-DEPARTMENT")).ToBeVisibleAsync();
        await department.FillAsync("Support");
        await dialog.GetByTestId("erp-create-confirm").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(section.GetByTestId("erp-linked")).ToBeVisibleAsync();

        (await DemoLinkSetup.CountCustomersAsync(_demoFile)).ShouldBe(before + 1);
        var created = (await DemoLinkSetup.FindCustomersAsync(app.Services, _demoFile, name, Ct)).ShouldHaveSingleItem();
        (DemoLinkSetup.Text(created, "DEPARTMENT"), DemoLinkSetup.Text(created, "EMAIL")).ShouldBe(("Support", "new@example.com"));
        await Expect(section.GetByTestId("erp-linked")).ToContainTextAsync(created.Key);
    }

    [Fact]
    public async Task EditCrmField_SyncNow_ValueInErp_ThenDisconnect()
    {
        var name = $"SyncNow {Guid.NewGuid():N}"[..20];
        var connection = await CreateConnectionAsync();
        var erpKey = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name, "same@example.com", "+31 10 100", Ct);
        var companyId = await CreateCompanyAsync(name, "same@example.com", "+31 10 100");
        await app.Services.GetRequiredService<LinkAdmin>().ConnectAsync(await AdminIdAsync(), CrmEntity.Company, companyId, connection.Id, new ConnectInput(ActorType.Customer, erpKey), Ct);
        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        await Session.GotoInteractiveAsync(page, $"companies/{companyId}");
        var record = RecordPage.Companies(page);
        await record.FillAsync("phone", "+31 10 999");
        await record.SaveAsync();

        await page.GetByTestId("tab-erp").ClickAsync();
        var section = Section(page, connection.Name);
        await section.GetByTestId("erp-sync-now").ClickAsync();
        await Expect(section.GetByTestId("erp-sync-result")).ToContainTextAsync("1 ERP");
        DemoLinkSetup.Text(await DemoLinkSetup.ReadCustomerAsync(app.Services, _demoFile, erpKey, Ct), "PHONE").ShouldBe("+31 10 999");

        await section.GetByTestId("erp-disconnect").ClickAsync();
        await page.GetByTestId("erp-disconnect-confirm").ClickAsync();
        await Expect(section.GetByTestId("erp-not-linked")).ToBeVisibleAsync();
        await Expect(section.GetByTestId("erp-connect")).ToBeVisibleAsync();
        (await DemoLinkSetup.ReadCustomerAsync(app.Services, _demoFile, erpKey, Ct)).Key.ShouldBe(erpKey);
    }

    [Fact]
    public async Task ResyncFromErp_OnTheErpTab_RepairsThisRecordOnly()
    {
        var name = $"Repair {Guid.NewGuid():N}"[..20];
        var connection = await CreateConnectionAsync();
        var links = app.Services.GetRequiredService<LinkAdmin>();
        var (keyA, keyB) = (await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name + " A", "a@example.com", "+31 20 100", Ct),
            await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name + " B", "b@example.com", "+31 20 200", Ct));
        var (companyA, companyB) = (await CreateQuietCompanyAsync(name + " A", "a@example.com", "+31 20 100"), await CreateQuietCompanyAsync(name + " B", "b@example.com", "+31 20 200"));
        await links.ConnectAsync(await AdminIdAsync(), CrmEntity.Company, companyA, connection.Id, new ConnectInput(ActorType.Customer, keyA), Ct);
        await links.ConnectAsync(await AdminIdAsync(), CrmEntity.Company, companyB, connection.Id, new ConnectInput(ActorType.Customer, keyB), Ct);
        var erp = await Connectors.DemoErp.DemoErpDatabase.OpenAsync(_demoFile, TimeProvider.System, Ct);
        await erp.UpdateFieldsAsync(DemoLinkSetup.Administration, keyA, new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31 20 111") }, Ct);
        await erp.UpdateFieldsAsync(DemoLinkSetup.Administration, keyB, new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31 20 222") }, Ct);
        var (page, section) = await OpenErpTabAsync("nl-NL", companyA, connection.Name);

        await section.GetByTestId("resync-erp").ClickAsync();
        var dialog = page.GetByTestId("confirm-resync");
        await Expect(dialog).ToContainTextAsync("naar dit record");
        await dialog.GetByTestId("confirm-resync-ok").ClickAsync();
        await Expect(section.GetByTestId("resync-progress")).ToContainTextAsync("Succeeded", new() { Timeout = 20_000 });

        (await app.Services.GetRequiredService<CompanyAdmin>().GetAsync(companyA, Ct)).Values.Phone.ShouldBe("+31 20 111");

        // Only this record was resynced.
        (await app.Services.GetRequiredService<CompanyAdmin>().GetAsync(companyB, Ct)).Values.Phone.ShouldBe("+31 20 200");
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var resync = db.SyncRuns.Where(r => r.ConnectionId == connection.Id && r.Kind == Engine.Sync.SyncRunKind.Resync).OrderByDescending(r => r.Id).First();
        db.SyncLog.Where(l => l.RunId == resync.Id).Select(l => l.CrmRecordId).Distinct().ToList().ShouldBe([companyA]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PersonErpTab_ShowsTheLinkedContact_AndSyncNowWritesTheEdit()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var connection = await CreateConnectionAsync();
        var connections = app.Services.GetRequiredService<ConnectionAdmin>();
        await connections.SetActiveAsync(connection.Id, false, Ct);
        await app.Services.GetRequiredService<Engine.Mapping.MappingAdmin>().SaveActorTypeAsync(connection.Id, ActorType.Person, new Engine.Mapping.ActorTypeMappingInput(true,
        [
            new("FIRSTNAME", "firstName", Engine.Mapping.FieldDirection.Both, true, false),
            new("LASTNAME", "lastName", Engine.Mapping.FieldDirection.Both, true, false),
            new("EMAIL", "email", Engine.Mapping.FieldDirection.Both, true, false),
            new("PHONE_MOBILE", null, Engine.Mapping.FieldDirection.None, false, true),
        ]), Ct);
        (await connections.SetActiveAsync(connection.Id, true, Ct)).Problems.ShouldBeEmpty();
        var parent = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, $"Contacts {tag}", $"info-{tag}@example.com", "+31 30 400", Ct);
        var erpPerson = (await DemoLinkSetup.Connector(app.Services).CreateActorAsync(DemoLinkSetup.Context(_demoFile), new CreateActorRequest(ActorType.Person, Guid.NewGuid().ToString("N"),
            new Dictionary<string, FieldValue?>
            {
                ["FIRSTNAME"] = FieldValue.Text("Ilse"), ["LASTNAME"] = FieldValue.Text($"Jong {tag}"), ["EMAIL"] = FieldValue.Text($"ilse-{tag}@example.com"),
                ["PHONE_MOBILE"] = FieldValue.Text("+31 6 1234 5678"),
            }, parent), Ct))
            .GetValueOrThrow().Key;
        var companyId = await CreateCompanyAsync($"Contacts {tag}", null, null);
        var personId = (await app.Services.GetRequiredService<PersonAdmin>().CreateAsync(new PersonInput { CompanyId = companyId, FirstName = "Ilse", LastName = $"Jong {tag}", Email = $"ilse-{tag}@example.com" }, Ct)).Id;
        await app.Services.GetRequiredService<LinkAdmin>().ConnectAsync(await AdminIdAsync(), CrmEntity.Person, personId, connection.Id, new ConnectInput(ActorType.Person, erpPerson), Ct);

        try
        {
            var page = await app.NewPageAsync("en-US");
            await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
            await Session.GotoInteractiveAsync(page, $"persons/{personId}");
            var persons = RecordPage.Persons(page);
            await persons.FillAsync("email", $"ilse.new-{tag}@example.com");
            await persons.SaveAsync();
            await page.GetByTestId("tab-erp").ClickAsync();
            var section = Section(page, connection.Name);
            await Expect(section.GetByTestId("erp-linked")).ToContainTextAsync(erpPerson);
            await section.GetByTestId("erp-sync-now").ClickAsync();

            // The save may already have been synced by the record-change signal (about 2 s); either way the ERP has the edit now.
            await Expect(section.GetByTestId("erp-sync-result")).ToBeVisibleAsync();
            await Expect(section.Locator("[data-testid=erp-field][data-field='PHONE_MOBILE']")).ToHaveTextAsync("+31 6 1234 5678");
            var erp = (await DemoLinkSetup.Connector(app.Services).GetActorsAsync(DemoLinkSetup.Context(_demoFile), new GetActorsRequest(ActorType.Person, [erpPerson], []), Ct)).GetValueOrThrow().Single();
            DemoLinkSetup.Text(erp, "EMAIL").ShouldBe($"ilse.new-{tag}@example.com");
            await page.Context.CloseAsync();
        }
        finally
        {
            await connections.SetActiveAsync(connection.Id, false, Ct);
        }
    }

    [Fact]
    public async Task AfterConnecting_TheFormShowsTheErpValues_AndASaveAfterSomeoneElsesIsRefusedWithAReason()
    {
        var name = $"Form {Guid.NewGuid():N}"[..18];
        var connection = await CreateConnectionAsync();
        await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name, "form@example.com", "+31 30 700", Ct);
        var companyId = await CreateCompanyAsync(name, "form@example.com", "+31 30 701");
        var (page, section) = await OpenErpTabAsync("en-US", companyId, connection.Name);

        await section.GetByTestId("erp-connect").ClickAsync();
        var dialog = page.GetByTestId("erp-connect-dialog");
        await dialog.GetByTestId("erp-result").ClickAsync();
        await dialog.GetByTestId("erp-connect-selected").ClickAsync();
        await dialog.GetByTestId("erp-connect-confirm").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // The connect took the ERP's phone: the details form shows it and saves on top of it.
        await page.GetByTestId("tab-details").ClickAsync();
        var record = RecordPage.Companies(page);
        await Expect(record.Field("phone")).ToHaveValueAsync("+31 30 700");
        await record.FillAsync("code", "K-1");
        await record.SaveAsync();

        // Someone else saves the company; this form, read before that, is refused instead of writing its old values back.
        var companies = app.Services.GetRequiredService<CompanyAdmin>();
        var current = await companies.GetAsync(companyId, Ct);
        await companies.UpdateAsync(companyId, current.Values with { Notes = "Saved elsewhere" }, Ct);
        await record.FillAsync("code", "K-2");
        await record.ClickSaveAsync();
        await Expect(record.ErrorBanner).ToContainTextAsync("changed by someone else (or by the sync) since you opened it");
        (await companies.GetAsync(companyId, Ct)).Values.ShouldSatisfyAllConditions(v => v.Code.ShouldBe("K-1"), v => v.Notes.ShouldBe("Saved elsewhere"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UserOutOfScope_SeesNoErpTab()
    {
        var connection = await CreateConnectionAsync();
        var companyId = await CreateCompanyAsync($"Scope {Guid.NewGuid():N}"[..20], null, null);
        var userName = "outsider" + Guid.NewGuid().ToString("N")[..6];
        var user = await app.Services.GetRequiredService<AccountAdmin>().SaveUserAsync(null, new UserInput(userName, userName, null, UserRole.User, true, null, [], UserPassword), Ct);
        var usable = await app.Services.GetRequiredService<ConnectionAdmin>().UsableByAsync(user.Id, Ct);

        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, userName, UserPassword);
        await Session.GotoInteractiveAsync(page, $"companies/{companyId}");
        await Expect(page.GetByTestId("record-title")).ToBeVisibleAsync();
        if (usable.Count == 0)
        {
            await Expect(page.GetByTestId("tab-erp")).ToHaveCountAsync(0);
        }
        else
        {
            // Another test's connection is open to everyone: then at least ours must not show.
            await page.GetByTestId("tab-erp").ClickAsync();
            await Expect(page.GetByTestId("erp-section").First).ToBeVisibleAsync();
            await Expect(Section(page, connection.Name)).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task ConnectDialog_AdvancedSearch_CriteriaNarrowTheResults()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var connection = await CreateConnectionAsync();
        var erpKey = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, $"Advanced {token} B.V.", "adv@example.com", "+31 30 333", Ct);
        var companyId = await CreateCompanyAsync("Unrelated name " + token[..4], null, null);
        var (page, section) = await OpenErpTabAsync("en-US", companyId, connection.Name);

        await section.GetByTestId("erp-connect").ClickAsync();
        var dialog = page.GetByTestId("erp-connect-dialog");
        await dialog.GetByTestId("erp-advanced").ClickAsync();
        var criterion = dialog.GetByTestId("criterion");
        await criterion.GetByTestId("criterion-field").SelectOptionAsync("NAME");
        await criterion.GetByTestId("criterion-operator").SelectOptionAsync("Contains");
        await criterion.GetByTestId("criterion-value").FillAsync(token.ToUpperInvariant());
        await dialog.GetByTestId("erp-search").ClickAsync();

        await Expect(dialog.GetByTestId("erp-result")).ToHaveCountAsync(1);
        await Expect(dialog.GetByTestId("erp-result")).ToHaveAttributeAsync("data-key", erpKey);
    }

    private static ILocator Diff(ILocator dialog, string field) => dialog.Locator($"[data-testid=erp-diff][data-field='{field}']");

    private static ILocator Section(IPage page, string connectionName) => page.Locator($"[data-testid=erp-section][data-connection='{connectionName}']");

    private async Task<(IPage Page, ILocator Section)> OpenErpTabAsync(string locale, int companyId, string connectionName)
    {
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        await Session.GotoInteractiveAsync(page, $"companies/{companyId}");
        await page.GetByTestId("tab-erp").ClickAsync();
        var section = Section(page, connectionName);
        await Expect(section).ToBeVisibleAsync();
        return (page, section);
    }

    private async Task<int> AdminIdAsync() =>
        (await app.Services.GetRequiredService<AccountAdmin>().ListUsersAsync(Ct)).Single(u => u.UserName == DatabaseInitializer.AdminUserName).Id;

    /// <summary>An active connection only the administrator may use, so other tests' users do not see it.</summary>
    private async Task<(int Id, string Name)> CreateConnectionAsync()
    {
        var name = "ERP tab " + Guid.NewGuid().ToString("N")[..8];
        var id = await DemoLinkSetup.CreateConnectionAsync(app.Services, name, _demoFile, [new AccessEntry(await AdminIdAsync(), null)], Ct);
        return (id, name);
    }

    /// <summary>A company inserted as set-up, without the change signal that would sync its link a moment later.</summary>
    private async Task<int> CreateQuietCompanyAsync(string name, string? email, string? phone)
    {
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        db.IsSyncWrite = true;
        var company = db.Companies.Add(new Company { Name = name, Email = email, Phone = phone }).Entity;
        await db.SaveChangesAsync(Ct);
        return company.Id;
    }

    private async Task<int> CreateCompanyAsync(string name, string? email, string? phone) =>
        (await app.Services.GetRequiredService<CompanyAdmin>().CreateAsync(new CompanyInput { Name = name, Email = email, Phone = phone }, Ct)).Id;
}
