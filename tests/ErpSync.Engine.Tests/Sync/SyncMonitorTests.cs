using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>Run history, log, CSV and issue actions of <see cref="SyncMonitor"/> on runs made by the real engine and the demo ERP.</summary>
public sealed class SyncMonitorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Mapping =
    [
        new("NAME", "name", FieldDirection.Both, false, false),
        new("PHONE", "phone", FieldDirection.ToCrm, false, false),
        new("VATNO", "vatNumber", FieldDirection.Both, false, false, ConflictPolicy.Review),
        new("COUNTRY", "country", FieldDirection.Both, false, false),
    ];

    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+31 30 123", "'+31 30 123")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    public void Csv_QuotesAndDisarmsFormulas(string? value, string expected) => SyncCsv.Escape(value).ShouldBe(expected);

    [Fact]
    public async Task RunsLogAndCsv_ShowWhatTheEngineDid_FiltersNarrowTheLog()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var monitor = scenario.Get<SyncMonitor>();
        var connection = await scenario.ConnectionAsync("mon-a", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10001");
        var other = await scenario.LinkedCompanyAsync(connection, "C10002");
        var erp = await scenario.ErpAsync("mon-a");
        await erp.UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("=1+1") }, Ct);
        await scenario.EditCompanyAsync(other, c => c.Name = "Other, \"quoted\" B.V.");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var first = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        var second = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Scheduled, Ct);

        var runs = await monitor.ListRunsAsync(new RunQuery(connection), Ct);
        runs.Total.ShouldBe(2);
        runs.Items.Select(r => r.Id).ShouldBe([second.RunId!.Value, first.RunId!.Value]);
        runs.Items[1].ShouldSatisfyAllConditions(r => r.CrmWrites.ShouldBe(1), r => r.ErpWrites.ShouldBe(1), r => r.Kind.ShouldBe(SyncRunKind.Manual),
            r => r.Status.ShouldBe(SyncRunStatus.Succeeded), r => r.DurationSeconds.ShouldNotBeNull(), r => r.ConnectionName.ShouldBe("mon-a"));
        (await monitor.ListRunsAsync(new RunQuery(connection + 100), Ct)).Total.ShouldBe(0);
        (await monitor.ListRunsAsync(new RunQuery(connection, Skip: 1, Take: 1), Ct)).Items.Single().Id.ShouldBe(first.RunId.Value);

        var chart = await monitor.RunChartAsync(connection, 7, Ct);
        chart.Count.ShouldBe(7);
        chart[^1].ShouldSatisfyAllConditions(b => b.Runs.ShouldBe(2), b => b.Changes.ShouldBe(2), b => b.Day.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow)));
        chart.Take(6).ShouldAllBe(b => b.Runs == 0);

        var status = (await monitor.ConnectionStatusesAsync(Ct)).Single(s => s.ConnectionId == connection);
        status.ShouldSatisfyAllConditions(s => s.State.ShouldBe(ConnectionSyncState.Idle), s => s.LastRun!.Id.ShouldBe(second.RunId.Value), s => s.OpenIssues.ShouldBe(0),
            s => s.LastRunAt.ShouldNotBeNull());

        var all = await monitor.ListLogAsync(new LogQuery(connection), Ct);
        all.Total.ShouldBe(2);
        var phone = (await monitor.ListLogAsync(new LogQuery(Field: "phone"), Ct)).Items.Single();
        phone.ShouldSatisfyAllConditions(e => e.RecordId.ShouldBe(company), e => e.TargetIsCrm.ShouldBeTrue(), e => e.Direction.ShouldBe("ERP → CRM"),
            e => e.NewValue.ShouldBe("=1+1"), e => e.RecordUrl.ShouldBe($"companies/{company}"), e => e.RunId.ShouldBe(first.RunId));
        var name = (await monitor.ListLogAsync(new LogQuery(Entity: CrmEntity.Company, RecordId: other), Ct)).Items.Single();
        name.ShouldSatisfyAllConditions(e => e.FieldKey.ShouldBe("NAME"), e => e.Direction.ShouldBe("CRM → ERP"), e => e.RecordName.ShouldBe("Other, \"quoted\" B.V."));
        (await monitor.ListLogAsync(new LogQuery(From: before), Ct)).Total.ShouldBe(2);
        (await monitor.ListLogAsync(new LogQuery(From: DateTimeOffset.UtcNow.AddMinutes(1)), Ct)).Total.ShouldBe(0);
        (await monitor.ListLogAsync(new LogQuery(To: before), Ct)).Total.ShouldBe(0);

        var csv = await monitor.ExportLogCsvAsync(new LogQuery(connection), Ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Time (UTC),Connection,Record type");
        csv.ShouldContain(",'=1+1,");
        csv.ShouldContain("\"Other, \"\"quoted\"\" B.V.\"");
        (await monitor.ExportLogCsvAsync(new LogQuery(Field: "PHONE"), Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public async Task RetryNow_AfterTheCauseIsFixed_ResolvesTheIssue()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var monitor = scenario.Get<SyncMonitor>();
        var connection = await scenario.ConnectionAsync("mon-b", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10003");
        var erp = await scenario.ErpAsync("mon-b");
        await erp.UpdateFieldsAsync("NL01", "C10003", new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("BE"), ["PHONE"] = FieldValue.Text("+3211111111") }, Ct);
        await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        var issues = await monitor.ListIssuesAsync(new IssueQuery(), Ct);
        var issue = issues.Items.Single();
        issue.ShouldSatisfyAllConditions(i => i.Class.ShouldBe(SyncIssueClass.UnmappedValue), i => i.RecordId.ShouldBe(company), i => i.Attempts.ShouldBe(1));
        issues.OpenByClass[SyncIssueClass.UnmappedValue].ShouldBe(1);
        (await monitor.ListIssuesAsync(new IssueQuery(Class: SyncIssueClass.Conflict), Ct)).Total.ShouldBe(0);
        (await monitor.ConnectionStatusesAsync(Ct)).Single().OpenIssues.ShouldBe(1);

        var stillBroken = (await monitor.RetryAsync([issue.Id], Ct)).Single();
        await erp.UpdateFieldsAsync("NL01", "C10003", new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("NL") }, Ct);
        var fixedNow = (await monitor.RetryAsync([issue.Id], Ct)).Single();

        stillBroken.Resolved.ShouldBeFalse();
        fixedNow.ShouldSatisfyAllConditions(r => r.Resolved.ShouldBeTrue(), r => r.Summary.Status.ShouldBe(SyncRunStatus.Succeeded));
        (await scenario.CompanyAsync(company)).Phone.ShouldBe("+3211111111");
        (await monitor.ListIssuesAsync(new IssueQuery(), Ct)).Total.ShouldBe(0);
        (await monitor.ListRunsAsync(new RunQuery(connection), Ct)).Items[0].Kind.ShouldBe(SyncRunKind.Record);
    }

    [Theory]
    [InlineData(ConflictWinner.Erp)]
    [InlineData(ConflictWinner.Crm)]
    public async Task ResolveConflict_ChosenValueWinsOnBothSides(ConflictWinner winner)
    {
        await using var scenario = await SyncScenario.StartAsync();
        var monitor = scenario.Get<SyncMonitor>();
        var connection = await scenario.ConnectionAsync("mon-c", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10004");
        var erp = await scenario.ErpAsync("mon-c");
        await scenario.EditCompanyAsync(company, c => c.VatNumber = "NL000000000B01");
        await erp.UpdateFieldsAsync("NL01", "C10004", new Dictionary<string, FieldValue?> { ["VATNO"] = FieldValue.Text("NL999999999B01") }, Ct);
        await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        var issue = (await monitor.ListIssuesAsync(new IssueQuery(Class: SyncIssueClass.Conflict), Ct)).Items.Single();

        var conflict = await monitor.GetConflictAsync(issue.Id, Ct);
        var result = await monitor.ResolveAsync(issue.Id, new ResolveRequest(new Dictionary<string, ConflictWinner> { ["VATNO"] = winner }), Ct);
        var again = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        conflict.Fields.Single().ShouldBe(new ConflictField("VATNO", conflict.Fields[0].Label, "NL000000000B01", "NL999999999B01"));
        result.ShouldSatisfyAllConditions(r => r.Resolved.ShouldBeTrue(), r => r.Summary!.Issues.ShouldBe(0));
        var expected = winner == ConflictWinner.Crm ? "NL000000000B01" : "NL999999999B01";
        (await scenario.CompanyAsync(company)).VatNumber.ShouldBe(expected);
        (await scenario.ErpActorAsync(connection, "C10004")).Fields["VATNO"].ShouldBe(FieldValue.Text(expected));
        again.ShouldSatisfyAllConditions(r => r.Issues.ShouldBe(0), r => r.CrmWrites.ShouldBe(0), r => r.ErpWrites.ShouldBe(0));
        await using var db = await scenario.OpenAsync();
        (await db.SyncIssues.CountAsync(i => i.ResolvedAt == null, Ct)).ShouldBe(0);
        (await monitor.ListLogAsync(new LogQuery(Field: "VATNO"), Ct)).Items.Single().TargetIsCrm.ShouldBe(winner == ConflictWinner.Erp);
    }

    [Fact]
    public async Task Resolve_WithoutChoices_MarksResolved_ChoicesOnANonConflictAreRefused()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var monitor = scenario.Get<SyncMonitor>();
        var connection = await scenario.ConnectionAsync("mon-d", Mapping);
        await scenario.LinkedCompanyAsync(connection, "C10005");
        await (await scenario.ErpAsync("mon-d")).UpdateFieldsAsync("NL01", "C10005", new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("BE") }, Ct);
        await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        var issue = (await monitor.ListIssuesAsync(new IssueQuery(), Ct)).Items.Single();

        await Should.ThrowAsync<UserErrorException>(() => monitor.ResolveAsync(issue.Id, new ResolveRequest(new Dictionary<string, ConflictWinner> { ["COUNTRY"] = ConflictWinner.Crm }), Ct));
        var result = await monitor.ResolveAsync(issue.Id, new ResolveRequest(), Ct);

        result.ShouldSatisfyAllConditions(r => r.Resolved.ShouldBeTrue(), r => r.Summary.ShouldBeNull());
        (await monitor.ListIssuesAsync(new IssueQuery(), Ct)).Total.ShouldBe(0);
        (await Should.ThrowAsync<UserErrorException>(() => monitor.ResolveAsync(issue.Id + 1000, new ResolveRequest(), Ct))).Status.ShouldBe(404);
    }
}
