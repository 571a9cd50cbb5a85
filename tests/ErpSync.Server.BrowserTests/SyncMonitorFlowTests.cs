using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Issue 4 §4 in the browser: run history with chart and state, the sync log filtered and exported as CSV, and "Retry now" on an issue.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class SyncMonitorFlowTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunHistory_LogFilteredAndExported_IssueRetriedAfterTheCauseIsFixed()
    {
        const string name = "Monitor flow";
        var file = Path.Combine(app.DataDirectory, "monitor.db");
        var (connection, company) = await ConflictingLinkAsync(name, file);
        try
        {
            await RunFlowAsync(name, file, connection, company);
        }
        finally
        {
            // An active connection for everyone shows the ERP tab to every user; the other tests of this shared server expect none.
            await app.Services.GetRequiredService<ConnectionAdmin>().SetActiveAsync(connection, false, Ct);
        }
    }

    [Fact]
    public async Task ReviewConflict_AdminChoosesTheErpValue_ItLandsInTheCrmAndTheIssueCloses()
    {
        var file = Path.Combine(app.DataDirectory, "resolve.db");
        var (connection, company) = await ConflictingLinkAsync("Resolve flow", file);
        try
        {
            (await app.Services.GetRequiredService<SyncEngine>().SyncConnectionAsync(connection, SyncRunKind.Manual, Ct)).Issues.ShouldBe(1);
            var page = await app.NewPageAsync("nl-NL");
            await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
            await Session.GotoInteractiveAsync(page, $"settings/quote-sync/issues?connection={connection}");
            var issue = page.Locator("[data-testid=issue-row][data-class='Conflict']");
            await Expect(issue).ToHaveCountAsync(1);

            await issue.GetByTestId("issue-resolve").ClickAsync();
            var vat = page.Locator("[data-testid=conflict-field][data-field='VATNO']");
            await Expect(vat).ToContainTextAsync("NL999999999B01");
            await vat.GetByTestId("choose-erp").CheckAsync();
            await page.GetByTestId("resolve-ok").ClickAsync();

            await Expect(issue).ToHaveCountAsync(0);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
            (await db.Companies.AsNoTracking().FirstAsync(c => c.Id == company, Ct)).VatNumber.ShouldBe("NL999999999B01");
        }
        finally
        {
            await app.Services.GetRequiredService<ConnectionAdmin>().SetActiveAsync(connection, false, Ct);
        }
    }

    private async Task RunFlowAsync(string name, string file, int connection, int company)
    {
        var summary = await app.Services.GetRequiredService<SyncEngine>().SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        summary.Status.ShouldBe(SyncRunStatus.SucceededWithIssues, summary.Message);

        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        await Session.GotoInteractiveAsync(page, "settings/quote-sync");
        await page.GetByTestId("open-runs").ClickAsync();
        await Expect(page.GetByTestId("run-chart")).ToBeVisibleAsync();
        await Session.WaitInteractiveAsync(page);
        var status = page.Locator($"[data-testid=status-row][data-name='{name}']");
        await Expect(status.GetByTestId("status-state")).ToContainTextAsync("Idle");
        await Expect(status.GetByTestId("status-issues")).ToHaveTextAsync("1");
        await page.GetByTestId("runs-connection").SelectOptionAsync(connection.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var run = page.GetByTestId("run-row");
        await Expect(run).ToHaveCountAsync(1);
        await Expect(run).ToHaveAttributeAsync("data-status", "SucceededWithIssues");
        await Expect(run.GetByTestId("run-crm-writes")).ToHaveTextAsync("1");
        await Expect(run.GetByTestId("run-issues")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-testid=chart-day][data-runs='0']").First).ToBeAttachedAsync();
        await Expect(page.GetByTestId("chart-day").Last).Not.ToHaveAttributeAsync("data-runs", "0");

        await page.GetByTestId("nav-log").ClickAsync();
        await Expect(page.GetByTestId("log-filter")).ToBeVisibleAsync();
        await page.GetByTestId("log-connection").SelectOptionAsync(connection.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("log-field").FillAsync("phone");
        await page.GetByTestId("log-apply").ClickAsync();
        var entry = page.GetByTestId("log-row");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry.GetByTestId("log-direction")).ToHaveTextAsync("ERP → CRM");
        await Expect(entry.GetByTestId("log-new")).ToHaveTextAsync("=HYPERLINK(\"http://x\")");
        await Expect(entry.GetByTestId("log-record-link")).ToHaveAttributeAsync("href", $"companies/{company}");
        await Expect(page.GetByTestId("log-export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("field=phone"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("log-export").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Ct);
        download.SuggestedFilename.ShouldBe("sync-log.csv");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://x\"\")\"");

        await page.GetByTestId("nav-issues").ClickAsync();
        var issue = page.Locator("[data-testid=issue-row][data-class='Conflict']");
        await Expect(issue).ToHaveCountAsync(1);
        await Expect(issue.GetByTestId("issue-message")).ToContainTextAsync("NL999999999B01");
        // The cause goes away in the ERP: both sides now hold the same VAT number.
        var erp = await DemoErpDatabase.OpenAsync(file, TimeProvider.System, Ct);
        await erp.UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?> { ["VATNO"] = FieldValue.Text("NL000000000B01") }, Ct);
        await issue.GetByTestId("issue-retry").ClickAsync();
        await Expect(page.GetByTestId("issue-notice")).ToContainTextAsync("1 resolved");
        await Expect(issue).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "en-US-sync-issues");
    }

    private async Task<(int Connection, int Company)> ConflictingLinkAsync(string name, string file)
    {
        var services = app.Services;
        var connectors = await services.GetRequiredService<ConnectorAdmin>().ListAsync(Ct);
        var created = await services.GetRequiredService<ConnectionAdmin>().CreateAsync(new ConnectionInput(name, connectors.Single(c => c.BuiltInName == "ErpSync.DemoErp").Id, null, true, [],
            new Dictionary<string, string?> { ["DatabaseFile"] = file, ["Administration"] = "NL01", ["UserName"] = "demo", ["Password"] = "demo-erp" }), Ct);
        await services.GetRequiredService<MappingAdmin>().SaveActorTypeAsync(created.Id, ActorType.Customer, new ActorTypeMappingInput(true,
        [
            new("NAME", "name", FieldDirection.Both, false, false),
            new("PHONE", "phone", FieldDirection.ToCrm, false, false),
            new("VATNO", "vatNumber", FieldDirection.Both, false, false, ConflictPolicy.Review),
        ]), Ct);
        (await services.GetRequiredService<ConnectionAdmin>().SetActiveAsync(created.Id, true, Ct)).Problems.ShouldBeEmpty();
        var erp = await DemoErpDatabase.OpenAsync(file, TimeProvider.System, Ct);
        await erp.UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?>
        {
            ["NAME"] = FieldValue.Text("Monitor Flow B.V."),
            ["PHONE"] = FieldValue.Text("=HYPERLINK(\"http://x\")"),
            ["VATNO"] = FieldValue.Text("NL999999999B01"),
        }, Ct);

        await using var db = await services.GetRequiredService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var company = db.Companies.Add(new Company { Name = "Monitor Flow B.V.", VatNumber = "NL000000000B01" }).Entity;
        await db.SaveChangesAsync(Ct);
        var link = new Link { ConnectionId = created.Id, CrmEntity = CrmEntity.Company, CrmRecordId = company.Id, ActorType = ActorType.Customer, ErpKey = "C10001", CrmChangeSeq = company.ChangeSeq };
        // The base knows the name only: the phone comes to the CRM, the VAT number changed on both sides and waits for review.
        LinkBase.Write(link, new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Monitor Flow B.V.") });
        db.Links.Add(link);
        await db.SaveChangesAsync(Ct);
        return (created.Id, company.Id);
    }
}
