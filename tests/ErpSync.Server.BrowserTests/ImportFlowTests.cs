using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using ErpSync.Server.Tests.ErpTab;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Issue 5 in the browser: the Import from ERP wizard through a criteria search, settings, preview, the progress bar and the result.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ImportFlowTests(BrowserApp app)
{
    private readonly string _demoFile = Path.Combine(app.DataDirectory, "import-demo.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wizard_SearchPreviewImport_ShowsProgressAndTheCreatedRecords()
    {
        var prefix = "Wizard " + Guid.NewGuid().ToString("N")[..8];
        var admin = (await app.Services.GetRequiredService<AccountAdmin>().ListUsersAsync(Ct)).Single(u => u.UserName == DatabaseInitializer.AdminUserName).Id;
        var connection = await DemoLinkSetup.CreateConnectionAsync(app.Services, "Import " + prefix, _demoFile, [new AccessEntry(admin, null)], Ct);
        for (var i = 1; i <= 3; i++)
        {
            await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, $"{prefix} {i}", $"c{i}@example.com", "+31 30 55" + i, Ct);
        }

        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        await Session.GotoInteractiveAsync(page, "settings/quote-sync");
        await page.Locator($"[data-testid=connection-row][data-name='Import {prefix}']").ClickAsync();
        await page.GetByTestId("open-import").ClickAsync();
        await page.WaitForURLAsync($"**/settings/quote-sync/import?connection={connection}");
        await Session.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("import-connection")).ToHaveValueAsync(connection.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("import-actor-type").SelectOptionAsync("Customer");
        await page.GetByTestId("criterion-add").ClickAsync();
        await page.GetByTestId("criterion-field").SelectOptionAsync("NAME");
        await page.GetByTestId("criterion-operator").SelectOptionAsync("Begins");
        await page.GetByTestId("criterion-value").FillAsync(prefix);
        await page.GetByTestId("import-find").ClickAsync();
        await Expect(page.GetByTestId("search-row")).ToHaveCountAsync(3);
        await page.GetByTestId("import-take-all").CheckAsync();
        await page.GetByTestId("setting-on-match").SelectOptionAsync("Merge");
        await page.GetByTestId("import-preview").ClickAsync();

        await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync("New: 3");
        await Expect(page.GetByTestId("preview-row")).ToHaveCountAsync(3);
        await Screenshots.TakeAsync(page, "en-US-import-preview");
        await page.GetByTestId("import-start").ClickAsync();

        await Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=import-state] [data-state=Completed]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-bar")).ToHaveTextAsync("100%");
        await Expect(page.GetByTestId("result-created")).ToContainTextAsync("3");
        await page.GetByTestId("result-created").ClickAsync();
        await Expect(page.GetByTestId("result-row")).ToHaveCountAsync(3);
        await Screenshots.TakeAsync(page, "en-US-import-result");

        // The page survives a reload: the job is in the database.
        await Session.GotoInteractiveAsync(page, page.Url);
        await Expect(page.GetByTestId("result-created")).ToContainTextAsync("3");
    }

    [Fact]
    public async Task Persons_TheirCompanyIsCreatedFromTheParentErpRecord_AndCounted()
    {
        var prefix = "Parent " + Guid.NewGuid().ToString("N")[..8];
        var admin = (await app.Services.GetRequiredService<AccountAdmin>().ListUsersAsync(Ct)).Single(u => u.UserName == DatabaseInitializer.AdminUserName).Id;
        var connection = await DemoLinkSetup.CreateConnectionAsync(app.Services, "Import " + prefix, _demoFile, [new AccessEntry(admin, null)], Ct);
        var connections = app.Services.GetRequiredService<ConnectionAdmin>();
        await connections.SetActiveAsync(connection, false, Ct);
        await app.Services.GetRequiredService<Engine.Mapping.MappingAdmin>().SaveActorTypeAsync(connection, Connectors.ActorType.Person, new Engine.Mapping.ActorTypeMappingInput(true,
        [
            new("FIRSTNAME", "firstName", Engine.Mapping.FieldDirection.Both, true, false),
            new("LASTNAME", "lastName", Engine.Mapping.FieldDirection.Both, true, false),
            new("EMAIL", "email", Engine.Mapping.FieldDirection.Both, true, false),
        ]), Ct);
        (await connections.SetActiveAsync(connection, true, Ct)).Problems.ShouldBeEmpty();
        var company = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, prefix + " Holding", "info@parent.example", "+31 30 5550000", Ct);
        var person = await DemoLinkSetup.Connector(app.Services).CreateActorAsync(DemoLinkSetup.Context(_demoFile), new Connectors.CreateActorRequest(Connectors.ActorType.Person,
            Guid.NewGuid().ToString("N"), new Dictionary<string, Connectors.FieldValue?>
            {
                ["FIRSTNAME"] = Connectors.FieldValue.Text("Anna"),
                ["LASTNAME"] = Connectors.FieldValue.Text(prefix),
                ["EMAIL"] = Connectors.FieldValue.Text("anna@parent.example"),
            }, company), Ct);
        person.GetValueOrThrow();

        try
        {
            var page = await app.NewPageAsync("nl-NL");
            await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
            await Session.GotoInteractiveAsync(page, $"settings/quote-sync/import?connection={connection}");
            await page.GetByTestId("import-actor-type").SelectOptionAsync("Person");
            await page.GetByTestId("import-text").FillAsync(prefix);
            await page.GetByTestId("import-find").ClickAsync();
            await Expect(page.GetByTestId("search-row")).ToHaveCountAsync(1);
            await page.GetByTestId("import-take-all").CheckAsync();
            await page.GetByTestId("setting-missing-company").SelectOptionAsync("CreateFromParent");
            await Expect(page.GetByTestId("setting-missing-company").Locator("option[value=ImportWithout]")).ToBeDisabledAsync();
            await page.GetByTestId("setting-contact-details").SelectOptionAsync("Ignore");
            await page.GetByTestId("setting-privacy-basis").SelectOptionAsync("Consent");
            await page.GetByTestId("setting-privacy-source").FillAsync("Beurs 2026");
            await page.GetByTestId("import-preview").ClickAsync();
            await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync("Nieuw: 1");
            await page.GetByTestId("import-start").ClickAsync();

            await Expect(page.Locator("[data-testid=import-state] [data-state=Completed]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("result-created")).ToContainTextAsync("1");
            await Expect(page.GetByTestId("result-parent-companies")).ToContainTextAsync("Bedrijven aangemaakt voor personen: 1");
            await Screenshots.TakeAsync(page, "nl-NL-import-persons-result");

            await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
            var imported = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.Persons, p => p.Company).Single(p => p.LastName == prefix);
            imported.Company!.Name.ShouldBe(prefix + " Holding");
            (imported.PrivacyBasis, imported.PrivacySource).ShouldBe((Engine.Crm.LegalBasis.Consent, "Beurs 2026"));
            db.Links.Count(l => l.ConnectionId == connection).ShouldBe(2);
        }
        finally
        {
            await connections.SetActiveAsync(connection, false, Ct);
        }
    }

    [Fact]
    public async Task CancelMidway_KeepsWhatWasCommitted_AndShowsIt()
    {
        var file = Path.Combine(app.DataDirectory, "import-cancel.db");
        var admin = (await app.Services.GetRequiredService<AccountAdmin>().ListUsersAsync(Ct)).Single(u => u.UserName == DatabaseInitializer.AdminUserName).Id;
        var connection = await DemoLinkSetup.CreateConnectionAsync(app.Services, "Cancel " + Guid.NewGuid().ToString("N")[..8], file, [new AccessEntry(admin, null)], Ct);
        await (await Connectors.DemoErp.DemoErpDatabase.OpenAsync(file, TimeProvider.System, Ct)).GenerateCustomersAsync(DemoLinkSetup.Administration, 60_000, Ct);
        var total = await DemoLinkSetup.CountCustomersAsync(file);

        try
        {
            var page = await app.NewPageAsync("en-US");
            await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
            await Session.GotoInteractiveAsync(page, $"settings/quote-sync/import?connection={connection}");
            await page.GetByTestId("import-actor-type").SelectOptionAsync("Customer");
            await page.GetByTestId("import-find").ClickAsync();
            await page.GetByTestId("import-take-all").CheckAsync();
            await page.GetByTestId("setting-company-match").SelectOptionAsync("None");
            await page.GetByTestId("import-preview").ClickAsync();
            await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync($"New: {total}");
            await page.GetByTestId("import-start").ClickAsync();
            await Expect(page.Locator("[data-testid=import-state] [data-state=Running]")).ToBeVisibleAsync();

            // Cancel once the first page is in (a cancel before that keeps nothing, which is right but not this test).
            await Expect(page.GetByTestId("import-bar")).Not.ToHaveTextAsync("0%");
            await page.GetByTestId("import-cancel").ClickAsync();

            await Expect(page.Locator("[data-testid=import-state] [data-state=Cancelled]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var created = await ImportedAsync(connection);
            created.ShouldBeGreaterThan(0);
            created.ShouldBeLessThan(total);
            await Expect(page.GetByTestId("result-created")).ToContainTextAsync(created.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Screenshots.TakeAsync(page, "en-US-import-cancelled");
        }
        finally
        {
            await app.Services.GetRequiredService<ConnectionAdmin>().SetActiveAsync(connection, false, Ct);
        }
    }

    private async Task<int> ImportedAsync(int connection)
    {
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        return db.Links.Count(l => l.ConnectionId == connection);
    }
}
