using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>
/// The deletion sweep (ADR 0011) against the demo ERP presented without its delete log (as Tryton is): links to keys the
/// ERP does not have are unlinked like tombstones. With the delete log the engine never sweeps.
/// </summary>
public sealed class SweepTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Mapping = [new("NAME", "name", FieldDirection.Both, false, false)];

    [Fact]
    public async Task MissingKey_UnlinkedWithTheTombstoneIssue_ScheduledHourlyManualAlways()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-sweep", Mapping);
        WithoutDeleteLog(scenario);
        var kept = await scenario.LinkedCompanyAsync(connection, "C10007");
        var first = await LinkToMissingAsync(scenario, connection, "C99901");

        var scheduled = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Scheduled, Ct);
        var second = await LinkToMissingAsync(scenario, connection, "C99902");
        var withinTheHour = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Scheduled, Ct);
        var secondAfterScheduled = await IsLinkedAsync(scenario, second);
        var manual = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        scheduled.Issues.ShouldBe(1);
        withinTheHour.Issues.ShouldBe(0);
        secondAfterScheduled.ShouldBeTrue();
        manual.Issues.ShouldBe(1);
        (await IsLinkedAsync(scenario, first), await IsLinkedAsync(scenario, second), await IsLinkedAsync(scenario, kept)).ShouldBe((false, false, true));
        await using var db = await scenario.OpenAsync();
        (await db.SyncIssues.SingleAsync(i => i.CrmRecordId == first, Ct)).Message.ShouldBe("The ERP archived or deleted C99901; the CRM record was unlinked.");
    }

    [Fact]
    public async Task EveryLinkedKeyMissing_LooksLikeAMisconfiguration_NothingUnlinked()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-guard", Mapping);
        WithoutDeleteLog(scenario);
        var companies = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            companies.Add(await LinkToMissingAsync(scenario, connection, $"C9{i:0000}"));
        }

        var run = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        run.Issues.ShouldBe(0);
        await using var db = await scenario.OpenAsync();
        (await db.Links.CountAsync(l => l.ConnectionId == connection, Ct)).ShouldBe(20);
    }

    [Fact]
    public async Task AConnectorWithADeleteLog_IsNeverSwept()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-log", Mapping);
        var missing = await LinkToMissingAsync(scenario, connection, "C99903");

        var run = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        run.Issues.ShouldBe(0);
        (await IsLinkedAsync(scenario, missing)).ShouldBeTrue();
    }

    private static void WithoutDeleteLog(SyncScenario scenario) =>
        scenario.Connector.Capabilities = scenario.Connector.Inner.Info.Capabilities & ~ConnectorCapabilities.DeleteLog;

    private static async Task<int> LinkToMissingAsync(SyncScenario scenario, int connectionId, string erpKey)
    {
        await using var db = await scenario.OpenAsync();
        var company = db.Companies.Add(new Company { Name = "Linked to " + erpKey }).Entity;
        await db.SaveChangesAsync(Ct);
        db.Links.Add(new Link { ConnectionId = connectionId, CrmEntity = CrmEntity.Company, CrmRecordId = company.Id, ActorType = ActorType.Customer, ErpKey = erpKey, CrmChangeSeq = company.ChangeSeq });
        await db.SaveChangesAsync(Ct);
        return company.Id;
    }

    private static async Task<bool> IsLinkedAsync(SyncScenario scenario, int companyId)
    {
        await using var db = await scenario.OpenAsync();
        return await db.Links.AnyAsync(l => l.CrmRecordId == companyId, Ct);
    }
}
