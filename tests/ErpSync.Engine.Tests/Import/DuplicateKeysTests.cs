using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Import;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;

namespace ErpSync.Engine.Tests.Import;

public sealed class DuplicateKeysTests
{
    [Theory]
    [InlineData("Acme B.V.", "acme")]
    [InlineData("  ACME   bv ", "acme")]
    [InlineData("Café Zürich", "cafe zurich")]
    [InlineData("Müller GmbH", "muller")]
    [InlineData("De Vries & Zonen N.V.", "de vries zonen")]
    [InlineData("BV", "bv")]
    public void Names_IgnoreCaseSpacesAccentsAndLegalForms(string input, string expected) => DuplicateKeys.Name(input).ShouldBe(expected);

    [Theory]
    [InlineData("NL 8012.34.567.B01", "801234567B01")]
    [InlineData("nl801234567b01", "801234567B01")]
    [InlineData("801234567B01", "801234567B01")]
    [InlineData("DE-123 456 789", "123456789")]
    public void VatNumbers_IgnoreSpacesDotsAndCountryPrefix(string input, string expected) => DuplicateKeys.Vat(input).ShouldBe(expected);

    [Theory]
    [InlineData("+31 6 1234-5678")]
    [InlineData("0031 6 12345678")]
    [InlineData("06-12345678")]
    [InlineData("(06) 123 456 78")]
    public void PhoneNumbers_IgnoreSpacesDashesAndDutchPrefixes(string input) => DuplicateKeys.Phone(input).ShouldBe("612345678");

    [Fact]
    public void ForeignPhoneNumbers_KeepTheirCountry() => DuplicateKeys.Phone("+49 30 1234567").ShouldBe("+49301234567");

    [Fact]
    public void EmptyValues_NeverMatch()
    {
        DuplicateKeys.Name("  ").ShouldBeNull();
        DuplicateKeys.Vat("").ShouldBeNull();
        DuplicateKeys.Phone(null).ShouldBeNull();
        DuplicateKeys.Email(" ").ShouldBeNull();
    }

    [Fact]
    public void EachCompanyKey_UsesItsFields()
    {
        var company = new Company { Name = "Acme BV", Department = "Inkoop", Number = "10 001", Code = "ac-me", VatNumber = "NL8012.34.567B01" };
        DuplicateKeys.Company(CompanyMatchKey.Name, company).ShouldBe("acme");
        DuplicateKeys.Company(CompanyMatchKey.NameAndDepartment, company).ShouldBe("acme|inkoop");
        DuplicateKeys.Company(CompanyMatchKey.Number, company).ShouldBe("10001");
        DuplicateKeys.Company(CompanyMatchKey.Code, company).ShouldBe("ACME");
        DuplicateKeys.Company(CompanyMatchKey.VatNumber, company).ShouldBe("801234567B01");
        DuplicateKeys.Company(CompanyMatchKey.None, company).ShouldBeNull();
    }

    [Fact]
    public void EachPersonKey_UsesItsFields()
    {
        var person = new Person { FirstName = "José", LastName = "Pérez", Email = " Jose@Example.COM ", PhoneMobile = "+31 6 12345678" };
        DuplicateKeys.Person(PersonMatchKey.Name, person).ShouldBe("jose perez");
        DuplicateKeys.Person(PersonMatchKey.Email, person).ShouldBe("jose@example.com");
        DuplicateKeys.Person(PersonMatchKey.MobilePhone, person).ShouldBe("612345678");
        DuplicateKeys.Person(PersonMatchKey.None, person).ShouldBeNull();
    }
}

public sealed class ImportPlannerTests
{
    private static SyncField Field(string erp, string crm, FieldDirection direction = FieldDirection.Both) =>
        new(new FieldInfo { Key = erp, DisplayName = erp, Type = FieldType.Text }, CrmFieldCatalog.Find(CrmEntity.Company, crm)!, direction, ConflictPolicy.NewestWins, null);

    private static readonly IReadOnlyList<SyncField> Fields = [Field("NAME", "name"), Field("EMAIL", "email"), Field("PHONE", "phone", FieldDirection.ToCrm)];

    private static Actor Actor => new()
    {
        Type = ActorType.Customer,
        Key = "C1",
        Version = "1",
        Fields = new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Acme"), ["EMAIL"] = FieldValue.Text("info@acme.example"), ["PHONE"] = FieldValue.Text("+31301234567") },
    };

    private static Company Existing => new() { Id = 7, Name = "Acme", Email = null, Phone = "030-7654321" };

    private static ImportPlan Plan(DuplicateAction action, params Company[] candidates) =>
        ImportPlanner.Plan(CrmEntity.Company, Fields, Actor, null, candidates, null, new ImportSettings(OnMatch: action));

    [Fact]
    public void NoMatch_IsNew_WithEveryValue()
    {
        var plan = Plan(DuplicateAction.Merge);
        plan.Outcome.ShouldBe(PreviewOutcome.New);
        plan.Writes.Keys.ShouldBe(["name", "email", "phone"], ignoreOrder: true);
        plan.Base["NAME"].ShouldBe(FieldValue.Text("Acme"));
    }

    [Fact]
    public void AddAlways_IgnoresTheMatch() => Plan(DuplicateAction.AddAlways, Existing).Outcome.ShouldBe(PreviewOutcome.New);

    [Fact]
    public void Merge_FillsOnlyEmptyFields()
    {
        var plan = Plan(DuplicateAction.Merge, Existing);
        plan.Outcome.ShouldBe(PreviewOutcome.Changed);
        plan.Target!.Id.ShouldBe(7);
        plan.Writes.Keys.ShouldBe(["email"]);
        plan.Changes.Single().After.ShouldBe("info@acme.example");
    }

    [Fact]
    public void Replace_OverwritesDifferingFields()
    {
        var plan = Plan(DuplicateAction.Replace, Existing);
        plan.Outcome.ShouldBe(PreviewOutcome.Changed);
        plan.Writes.Keys.ShouldBe(["email", "phone"], ignoreOrder: true);
        plan.Writes["phone"].ShouldBe("+31301234567");
    }

    [Fact]
    public void Skip_SkipsWithReason()
    {
        var plan = Plan(DuplicateAction.Skip, Existing);
        plan.Outcome.ShouldBe(PreviewOutcome.Skipped);
        plan.Reason.ShouldNotBeNull();
        plan.Writes.ShouldBeEmpty();
    }

    [Fact]
    public void TwoCandidates_AreAmbiguous_UntilOneIsPicked()
    {
        var other = new Company { Id = 8, Name = "ACME" };
        Plan(DuplicateAction.Merge, Existing, other).Outcome.ShouldBe(PreviewOutcome.Ambiguous);
        var picked = ImportPlanner.Plan(CrmEntity.Company, Fields, Actor, null, [Existing, other], 8, new ImportSettings(OnMatch: DuplicateAction.Merge));
        picked.Target!.Id.ShouldBe(8);
    }

    [Fact]
    public void AlreadyLinked_IsUnchanged() =>
        ImportPlanner.Plan(CrmEntity.Company, Fields, Actor, 3, [], null, new ImportSettings()).Outcome.ShouldBe(PreviewOutcome.Unchanged);

    [Fact]
    public void SameValues_AreUnchanged() =>
        Plan(DuplicateAction.Replace, new Company { Id = 9, Name = "Acme", Email = "info@acme.example", Phone = "+31301234567" }).Outcome.ShouldBe(PreviewOutcome.Unchanged);
}
