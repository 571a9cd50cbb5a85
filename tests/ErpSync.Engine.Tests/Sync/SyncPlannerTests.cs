using ErpSync.Connectors;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>Regressions from review: list and date edge cases of planning one link.</summary>
public sealed class SyncPlannerTests
{
    private static readonly CrmField Country = new("country", "Country", "Land", CrmFieldType.List, "country");
    private static readonly FieldInfo ErpCountry = new() { Key = "COUNTRY", DisplayName = "Country", Type = FieldType.List, ListName = "countries" };
    private static readonly CrmField Birth = new("birthDate", "Birth date", "Geboortedatum", CrmFieldType.Date);
    private static readonly FieldInfo ErpBirth = new() { Key = "BIRTHDATE", DisplayName = "Birth date", Type = FieldType.Date };

    private static Actor Erp(string key, FieldValue? value) => new() { Type = ActorType.Customer, Key = "C1", Fields = new Dictionary<string, FieldValue?> { [key] = value } };

    [Fact]
    public void CrmListValueWithoutErpItem_OnAFieldThatOnlyFlowsIntoTheCrm_DoesNotParkTheRecord()
    {
        var field = new SyncField(ErpCountry, Country, FieldDirection.ToCrm, ConflictPolicy.NewestWins, new ListTranslator([("NL", 1), ("BE", 2)]));

        var plan = SyncPlanner.Plan([field], _ => 99, Erp("COUNTRY", FieldValue.List("BE")), new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("NL") }, null, true);

        plan.IssueClass.ShouldBeNull();
        plan.CrmWrites["country"].ShouldBe(2);
    }

    [Fact]
    public void ErpItemLeftAsNoSelection_LeavesTheCrmFieldAlone_WithoutAnIssue()
    {
        var field = new SyncField(ErpCountry, Country, FieldDirection.Both, ConflictPolicy.NewestWins, new ListTranslator([("NL", 1), ("XX", null)]));

        var plan = SyncPlanner.Plan([field], _ => 1, Erp("COUNTRY", FieldValue.List("XX")), new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("NL") }, null, true);

        plan.IssueClass.ShouldBeNull();
        plan.CrmWrites.ShouldBeEmpty();
        plan.ErpWrites.ShouldBeEmpty();
    }

    [Fact]
    public void ErpDateWithAnOffset_EqualsTheSameCrmDate()
    {
        var field = new SyncField(ErpBirth, Birth, FieldDirection.Both, ConflictPolicy.NewestWins, null);
        var erpDate = FieldValue.Date(new DateTimeOffset(1980, 5, 17, 0, 0, 0, TimeSpan.FromHours(2)));

        var plan = SyncPlanner.Plan([field], _ => new DateOnly(1980, 5, 17), Erp("BIRTHDATE", erpDate), new Dictionary<string, FieldValue?> { ["BIRTHDATE"] = erpDate }, null, true);

        plan.ErpWrites.ShouldBeEmpty();
        plan.CrmWrites.ShouldBeEmpty();
    }
}
