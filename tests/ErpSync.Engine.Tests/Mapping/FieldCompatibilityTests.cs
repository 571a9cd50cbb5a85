using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Tests.Mapping;

public sealed class FieldCompatibilityTests
{
    private static FieldInfo Erp(FieldType type, FieldAccess access = FieldAccess.Normal, bool isKey = false) =>
        new() { Key = "F", DisplayName = "F", Type = type, Access = access, IsKey = isKey };

    private static CrmField Crm(CrmFieldType type) => new("f", "F", "F", type);

    public static TheoryData<FieldType, CrmFieldType, FieldDirection[]> Pairs => new()
    {
        { FieldType.Text, CrmFieldType.Text, [FieldDirection.ToCrm, FieldDirection.ToErp, FieldDirection.Both] },
        { FieldType.Integer, CrmFieldType.Decimal, [FieldDirection.ToCrm, FieldDirection.ToErp, FieldDirection.Both] },
        { FieldType.Decimal, CrmFieldType.Integer, [FieldDirection.ToCrm, FieldDirection.ToErp, FieldDirection.Both] },
        { FieldType.Decimal, CrmFieldType.Text, [FieldDirection.ToCrm] },
        { FieldType.Checkbox, CrmFieldType.Checkbox, [FieldDirection.ToCrm, FieldDirection.ToErp, FieldDirection.Both] },
        { FieldType.Checkbox, CrmFieldType.Text, [FieldDirection.ToCrm] },
        { FieldType.Date, CrmFieldType.Date, [FieldDirection.ToCrm, FieldDirection.ToErp, FieldDirection.Both] },
        { FieldType.List, CrmFieldType.List, [FieldDirection.ToCrm, FieldDirection.ToErp, FieldDirection.Both] },
        { FieldType.List, CrmFieldType.Text, [] },
        { FieldType.Text, CrmFieldType.List, [] },
        { FieldType.Text, CrmFieldType.Checkbox, [] },
        { FieldType.Date, CrmFieldType.Text, [] },
        { FieldType.Text, CrmFieldType.Date, [] },
        { FieldType.Password, CrmFieldType.Text, [] },
        { FieldType.Label, CrmFieldType.Text, [] },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Check_TypePairs_AllowExactlyTheseDirections(FieldType erp, CrmFieldType crm, FieldDirection[] expected)
    {
        var result = FieldCompatibility.Check(Erp(erp), Crm(crm));

        result.Directions.Order().ShouldBe(expected.Order());
        (result.Reason is null).ShouldBe(expected.Length == 3);
        result.Allows(FieldDirection.None).ShouldBeTrue();
    }

    [Theory]
    [InlineData(FieldAccess.ReadOnly, false)]
    [InlineData(FieldAccess.Normal, true)]
    public void ReadOnlyOrKeyErpField_OnlyFlowsIntoTheCrm_WithReason(FieldAccess access, bool isKey)
    {
        var result = FieldCompatibility.Check(Erp(FieldType.Text, access, isKey), Crm(CrmFieldType.Text));

        result.Directions.ShouldBe([FieldDirection.ToCrm]);
        result.Reason.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Candidates_ListFieldOffersOnlyCrmListFields()
    {
        var candidates = FieldCompatibility.Candidates(Erp(FieldType.List), CrmFieldCatalog.For(CrmEntity.Company)).Select(c => c.Key);

        candidates.ShouldBe(["country", "category", "business"]);
    }

    [Fact]
    public void AutoMappingTable_EveryTargetIsACrmFieldOfItsEntity()
    {
        foreach (var entity in Enum.GetValues<CrmEntity>())
        {
            foreach (var key in new[] { "NAME", "name", "EMAIL", "COUNTRY", "VATNO", "LASTNAME", "TEXT", "ENDDATE", "NUMBER1", "POSTALCOUNTRY", "PHONE_MOBILE" })
            {
                if (AutoMapper.CrmFieldFor(entity, key) is { } crm)
                {
                    CrmFieldCatalog.Find(entity, crm).ShouldNotBeNull($"{entity}.{key} → {crm}");
                }
            }
        }
    }

    [Theory]
    [InlineData(CrmEntity.Company, "name", "name")]
    [InlineData(CrmEntity.Company, "NUMBER1", "code")]
    [InlineData(CrmEntity.Company, "Number2", "number")]
    [InlineData(CrmEntity.Company, "VATNO", "vatNumber")]
    [InlineData(CrmEntity.Person, "POSTALCOUNTRY", "country")]
    [InlineData(CrmEntity.Person, "phone_mobile", "phoneMobile")]
    [InlineData(CrmEntity.Project, "TEXT", "description")]
    [InlineData(CrmEntity.Project, "CREDITLIMIT", null)]
    public void AutoMapper_KnownNamesCaseInsensitive(CrmEntity entity, string erpKey, string? crmField) =>
        AutoMapper.CrmFieldFor(entity, erpKey).ShouldBe(crmField);
}
