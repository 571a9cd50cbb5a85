using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Tests.Mapping;

public sealed class ActivationRulesTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Countries = new() { ["countries"] = ["NL", "BE"] };

    private static FieldMapping Row(string key, FieldType type = FieldType.Text, FieldAccess access = FieldAccess.Normal, string? crm = null, bool toCrm = false, bool toErp = false) => new()
    {
        FieldKey = key,
        MetadataJson = JsonSerializer.Serialize(new FieldInfo { Key = key, DisplayName = key, Type = type, Access = access, ListName = type == FieldType.List ? "countries" : null }, ConnectorJsonContext.Default.FieldInfo),
        CrmField = crm,
        ToCrm = toCrm,
        ToErp = toErp,
    };

    private static Connection With(bool active, params FieldMapping[] fields) => new()
    {
        Name = "c",
        ActorTypes = [new ActorTypeMapping { ActorType = ActorType.Customer, DisplayName = "Customer", CrmEntity = CrmEntity.Company, IsActive = active, CanCreate = true, Fields = [.. fields] }],
    };

    [Fact]
    public void MandatoryFieldMappedTowardsErp_NoProblems() =>
        ActivationRules.Check(With(true, Row("NAME", access: FieldAccess.Mandatory, crm: "name", toErp: true)), Countries).ShouldBeEmpty();

    [Fact]
    public void MandatoryFieldWithOnlyToCrm_ProblemNamesTheField() =>
        ActivationRules.Check(With(true, Row("NAME", access: FieldAccess.Mandatory, crm: "name", toCrm: true)), Countries).ShouldHaveSingleItem().ShouldContain("NAME");

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void MandatoryFieldWithDefaultOrAskUser_NoProblems(bool hasDefault, bool askUser)
    {
        var row = Row("NAME", access: FieldAccess.Mandatory);
        row.HasDefault = hasDefault;
        row.AskUser = askUser;

        ActivationRules.Check(With(true, row), Countries).ShouldBeEmpty();
    }

    [Fact]
    public void InactiveActorType_IsNotChecked() =>
        ActivationRules.Check(With(false, Row("NAME", access: FieldAccess.Mandatory)), Countries).ShouldBeEmpty();

    [Fact]
    public void ReadOnlyMandatoryField_NeedsNothing() =>
        ActivationRules.Check(With(true, Row("CODE", access: FieldAccess.ReadOnly)), Countries).ShouldBeEmpty();

    [Fact]
    public void MappedFieldMissingInErp_Problem()
    {
        var row = Row("FAX", crm: "fax");
        row.MissingInErp = true;

        ActivationRules.Check(With(true, row), Countries).ShouldHaveSingleItem().ShouldContain("missing in the ERP");
    }

    [Fact]
    public void SyncedListField_UnreviewedItems_ProblemListsThem()
    {
        var row = Row("COUNTRY", FieldType.List, crm: "country", toCrm: true);
        row.ListItems.Add(new ListItemMapping { ErpItemKey = "NL", CrmListItemId = 1 });

        ActivationRules.Check(With(true, row), Countries).ShouldHaveSingleItem().ShouldContain("(BE)");
    }

    [Fact]
    public void SyncedListField_EveryItemMappedOrNoSelection_NoProblem()
    {
        var row = Row("COUNTRY", FieldType.List, crm: "country", toCrm: true);
        row.ListItems.Add(new ListItemMapping { ErpItemKey = "NL", CrmListItemId = 1 });
        row.ListItems.Add(new ListItemMapping { ErpItemKey = "BE", CrmListItemId = null });

        ActivationRules.Check(With(true, row), Countries).ShouldBeEmpty();
    }

    [Fact]
    public void ListFieldMappedWithoutDirection_ItemsNotRequired() =>
        ActivationRules.Check(With(true, Row("COUNTRY", FieldType.List, crm: "country")), Countries).ShouldBeEmpty();

    [Fact]
    public void ActorTypeMissingInErp_Problem()
    {
        var connection = With(true);
        connection.ActorTypes[0].MissingInErp = true;

        ActivationRules.Check(connection, Countries).ShouldHaveSingleItem().ShouldContain("no longer offers");
    }
}
