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
        var plan = ImportPlanner.Plan(CrmEntity.Company, Fields, Actor, null, [Existing], null, new ImportSettings(OnMatch: DuplicateAction.Replace, ContactDetails: ContactDetailsAction.Replace));
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

    [Fact]
    public void MatchLinkedToAnotherErpRecord_IsSkipped_UnlessAddAlways()
    {
        var skipped = ImportPlanner.Plan(CrmEntity.Company, Fields, Actor, null, [], null, new ImportSettings(OnMatch: DuplicateAction.Merge), takenMatch: 7);
        skipped.Outcome.ShouldBe(PreviewOutcome.Skipped);
        skipped.Reason.ShouldNotBeNull().ShouldContain("7");
        ImportPlanner.Plan(CrmEntity.Company, Fields, Actor, null, [], null, new ImportSettings(OnMatch: DuplicateAction.AddAlways), takenMatch: 7).Outcome.ShouldBe(PreviewOutcome.New);
    }

    [Theory]
    [InlineData(ContactDetailsAction.AddNew, "030-7654321", "info@acme.example")]
    [InlineData(ContactDetailsAction.Replace, "+31301234567", "info@acme.example")]
    [InlineData(ContactDetailsAction.Ignore, "030-7654321", null)]
    public void CompanyContactDetails_FollowTheirOwnSetting_EvenOnReplace(ContactDetailsAction action, string phone, string? email)
    {
        var plan = ImportPlanner.Plan(CrmEntity.Company, Fields, Actor, null, [Existing], null, new ImportSettings(OnMatch: DuplicateAction.Replace, ContactDetails: action));
        var company = Existing;
        foreach (var (field, value) in plan.Writes)
        {
            CrmFieldAccess.Set(CrmEntity.Company, company, field, value);
        }

        company.Phone.ShouldBe(phone);
        company.Email.ShouldBe(email);
    }

    private static SyncField PersonField(string erp, string crm) =>
        new(new FieldInfo { Key = erp, DisplayName = erp, Type = FieldType.Text }, CrmFieldCatalog.Find(CrmEntity.Person, crm)!, FieldDirection.Both, ConflictPolicy.NewestWins, null);

    private static Actor PersonActor(string email, string mobile) => new()
    {
        Type = ActorType.Person,
        Key = "P1",
        Version = "1",
        Fields = new Dictionary<string, FieldValue?> { ["LAST"] = FieldValue.Text("Jansen"), ["EMAIL"] = FieldValue.Text(email), ["MOBILE"] = FieldValue.Text(mobile) },
    };

    [Fact]
    public void AddNew_PutsADifferentValueInAFreeSlotOfTheSameKind_AndSkipsOnesAlreadyThere()
    {
        IReadOnlyList<SyncField> fields = [PersonField("LAST", "lastName"), PersonField("EMAIL", "email"), PersonField("MOBILE", "phoneMobile")];
        var person = new Person { Id = 3, LastName = "Jansen", Email = "old@example.nl", PhoneMobile = "06-12345678", PhoneOther = null };

        var plan = ImportPlanner.Plan(CrmEntity.Person, fields, PersonActor("new@example.nl", "+31 6 87654321"), null, [person], null, new ImportSettings(OnMatch: DuplicateAction.Merge));

        plan.Writes.ShouldBe(new Dictionary<string, object?> { ["email2"] = "new@example.nl", ["phoneOther"] = "+31 6 87654321" }, ignoreOrder: true);
        plan.Outcome.ShouldBe(PreviewOutcome.Changed);

        // The same number written differently, and an address in another case, are already there: nothing to add.
        var same = ImportPlanner.Plan(CrmEntity.Person, fields, PersonActor("OLD@example.nl", "+31 6 12345678"), null, [person], null, new ImportSettings(OnMatch: DuplicateAction.Merge));
        same.Writes.ShouldBeEmpty();
        same.Outcome.ShouldBe(PreviewOutcome.Unchanged);
    }

    [Fact]
    public void ContactDetails_KnowTheirKinds()
    {
        ContactDetails.IsContactField(CrmEntity.Company, "website").ShouldBeTrue();
        ContactDetails.IsContactField(CrmEntity.Company, "name").ShouldBeFalse();
        ContactDetails.IsContactField(CrmEntity.Person, "phonePrivate").ShouldBeTrue();
        ContactDetails.Slots(CrmEntity.Person, "email").ShouldBe(["email", "email2"]);
        ContactDetails.Same("phone", "+31 30 123 4567", "030-1234567").ShouldBeTrue();
        ContactDetails.Same("email", "A@B.nl", "a@b.NL").ShouldBeTrue();
    }
}

public sealed class RunKeysTests
{
    [Fact]
    public void ASecondClaim_NamesTheFirstErpRecord_OrAfterItsPageTheCrmRecordItBecame()
    {
        var keys = new RunKeys();

        keys.TryClaim("acme", "C1", out _).ShouldBeTrue();
        keys.TryClaim(null, "C2", out _).ShouldBeTrue();
        keys.TryClaim("acme", "C3", out var samePage).ShouldBeFalse();
        keys.Committed([("acme", 41)]);
        keys.TryClaim("acme", "C4", out var laterPage).ShouldBeFalse();
        keys.TryClaim("other", "C5", out _).ShouldBeTrue();

        samePage.ShouldNotBeNull().ShouldContain("C1");
        laterPage.ShouldNotBeNull().ShouldContain("41");
    }
}
