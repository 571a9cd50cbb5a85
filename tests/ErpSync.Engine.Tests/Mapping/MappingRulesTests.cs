using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Tests.Mapping;

public sealed class MappingRulesTests
{
    private static readonly FieldInfo Email = new() { Key = "EMAIL", DisplayName = "Email", Type = FieldType.Text, MaxLength = 10 };
    private static readonly FieldInfo Name = new() { Key = "NAME", DisplayName = "Name", Type = FieldType.Text, Access = FieldAccess.Mandatory };
    private static readonly FieldInfo Balance = new() { Key = "BALANCE", DisplayName = "Balance", Type = FieldType.Decimal, Access = FieldAccess.ReadOnly };
    private static readonly FieldInfo Country = new() { Key = "COUNTRY", DisplayName = "Country", Type = FieldType.List, ListName = "countries" };

    public static TheoryData<string, FieldMappingInput, bool> Mappings => new()
    {
        { "no CRM field, no direction", new("EMAIL", null, FieldDirection.None, true, true), true },
        { "direction without CRM field", new("EMAIL", null, FieldDirection.ToCrm, false, false), false },
        { "unknown CRM field", new("EMAIL", "shoeSize", FieldDirection.None, false, false), false },
        { "text to list field", new("EMAIL", "country", FieldDirection.None, false, false), false },
        { "both ways", new("EMAIL", "email", FieldDirection.Both, false, false), true },
        { "both ways with a policy", new("EMAIL", "email", FieldDirection.Both, false, false, ConflictPolicy.Review), true },
        { "policy on a one-way field", new("EMAIL", "email", FieldDirection.ToErp, false, false, ConflictPolicy.CrmWins), false },
        { "synced and on the ERP tab", new("EMAIL", "email", FieldDirection.ToCrm, false, true), false },
        { "mapped without direction, on the ERP tab", new("EMAIL", "email", FieldDirection.None, false, true), true },
        { "case-insensitive CRM key", new("EMAIL", "EMAIL", FieldDirection.ToErp, false, false), true },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Check_Mapping(string scenario, FieldMappingInput input, bool valid) =>
        (MappingRules.Check(CrmEntity.Company, Email, input) is null).ShouldBe(valid, scenario);

    [Fact]
    public void Check_ReadOnlyFieldTowardsErp_RefusedWithReason()
    {
        var problem = MappingRules.Check(CrmEntity.Company, Balance, new("BALANCE", "notes", FieldDirection.ToCrm, false, false));
        var refused = MappingRules.Check(CrmEntity.Company, Balance, new("BALANCE", "notes", FieldDirection.Both, false, false));

        problem.ShouldBeNull();
        refused.ShouldNotBeNull();
    }

    public static TheoryData<string, FieldInfo, DefaultInput, bool> Defaults => new()
    {
        { "value", Email, new(true, "a@b.nl", false, false), true },
        { "ask user only", Email, new(false, null, true, false), true },
        { "mandatory with ask user", Email, new(false, null, true, true), true },
        { "mandatory alone", Email, new(false, null, false, true), false },
        { "nothing chosen", Email, new(false, null, false, false), false },
        { "value missing", Email, new(true, " ", false, false), false },
        { "value too long", Email, new(true, "very-long-address@example.nl", false, false), false },
        { "connector-mandatory field made optional", Name, new(true, "x", false, false), false },
        { "connector-mandatory field, mandatory", Name, new(true, "x", false, true), true },
        { "read-only field", Balance, new(true, "1", false, false), false },
        { "list key of the list", Country, new(true, "NL", false, false), true },
        { "list key not in the list", Country, new(true, "XX", false, false), false },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void CheckDefault(string scenario, FieldInfo field, DefaultInput input, bool valid)
    {
        var parsed = FieldValues.TryParse(field.Type, input.Value, out var value);

        (MappingRules.CheckDefault(field, input, value, parsed, new HashSet<string> { "NL", "BE" }) is null).ShouldBe(valid, scenario);
    }
}
