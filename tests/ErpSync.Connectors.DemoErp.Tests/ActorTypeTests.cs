namespace ErpSync.Connectors.DemoErp.Tests;

public sealed class ActorTypeTests : IDisposable
{
    private readonly DemoErpSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task ActorTypes_AllFiveWithPersonUnderCompanies()
    {
        var types = (await _sandbox.Connector.GetActorTypesAsync(_sandbox.Context(), DemoErpSandbox.Ct)).GetValueOrThrow();

        types.Select(t => t.Type).ShouldBe([ActorType.Customer, ActorType.Supplier, ActorType.Partner, ActorType.Person, ActorType.Project]);
        types.Single(t => t.Type == ActorType.Person).ParentTypes.ShouldBe([ActorType.Customer, ActorType.Supplier, ActorType.Partner]);
    }

    [Fact]
    public async Task CustomerFields_FollowAutoMappingNames()
    {
        var fields = (await _sandbox.Connector.GetFieldsAsync(_sandbox.Context(), ActorType.Customer, DemoErpSandbox.Ct)).GetValueOrThrow();

        fields.Select(f => f.Key).ShouldBe(["NAME", "NUMBER1", "DEPARTMENT", "VATNO", "PHONE", "EMAIL", "URL", "STREETAD1", "STREETZIP", "STREETCITY",
            "POSTALAD1", "POSTALZIP", "POSTALCITY", "COUNTRY", "CURRENCY", "PAYMENTTERM", "CATEGORY", "CREDITLIMIT", "BLOCKED", "BALANCE", "CUSTOMERSINCE"]);
        var name = fields.Single(f => f.Key == "NAME");
        (name.IsMandatory, name.MaxLength).ShouldBe((true, 100));
        var number = fields.Single(f => f.Key == "NUMBER1");
        (number.IsReadOnly, number.IsKey).ShouldBe((true, true));
        fields.Single(f => f.Key == "COUNTRY").ListName.ShouldBe("countries");
        fields.Single(f => f.Key == "CREDITLIMIT").Type.ShouldBe(FieldType.Decimal);
        fields.Single(f => f.Key == "BLOCKED").Type.ShouldBe(FieldType.Checkbox);
        fields.Single(f => f.Key == "BALANCE").IsReadOnly.ShouldBeTrue();
        fields.Single(f => f.Key == "CUSTOMERSINCE").Type.ShouldBe(FieldType.Date);
        fields.ShouldAllBe(f => !string.IsNullOrEmpty(f.DisplayName) && !string.IsNullOrEmpty(f.Tooltip));
        fields.Where(f => f.Type == FieldType.Text).ShouldAllBe(f => f.MaxLength > 0);
        fields.Select(f => f.Rank).ShouldBeInOrder();
    }

    [Fact]
    public async Task SupplierFields_HaveNoCategory()
    {
        var fields = (await _sandbox.Connector.GetFieldsAsync(_sandbox.Context(), ActorType.Supplier, DemoErpSandbox.Ct)).GetValueOrThrow();

        fields.ShouldNotContain(f => f.Key == "CATEGORY");
    }

    [Fact]
    public async Task PersonAndProjectFields()
    {
        var persons = (await _sandbox.Connector.GetFieldsAsync(_sandbox.Context(), ActorType.Person, DemoErpSandbox.Ct)).GetValueOrThrow();
        var projects = (await _sandbox.Connector.GetFieldsAsync(_sandbox.Context(), ActorType.Project, DemoErpSandbox.Ct)).GetValueOrThrow();

        persons.Select(f => f.Key).ShouldBe(["FIRSTNAME", "MIDDLENAME", "LASTNAME", "TITLE", "POSITION", "EMAIL", "PHONE_DIRECT", "PHONE_MOBILE", "BIRTHDATE"]);
        persons.Single(f => f.Key == "LASTNAME").IsMandatory.ShouldBeTrue();
        projects.Select(f => f.Key).ShouldBe(["NAME", "NUMBER", "TEXT", "URL", "ENDDATE", "BUDGET"]);
        projects.Single(f => f.Key == "NUMBER").IsKey.ShouldBeTrue();
    }

    [Fact]
    public async Task UnsupportedType_NotSupported()
    {
        var result = await _sandbox.Connector.GetFieldsAsync(_sandbox.Context(), ActorType.Unknown, DemoErpSandbox.Ct);

        result.Error!.Code.ShouldBe(ErrorCode.NotSupported);
    }

    [Fact]
    public async Task GetActors_UnknownKeysOmitted_FieldsFiltered()
    {
        var result = await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Customer, ["C10002", "NOPE", "C10001"], ["NAME", "EMAIL"]), DemoErpSandbox.Ct);

        var actors = result.GetValueOrThrow();
        actors.Select(a => a.Key).ShouldBe(["C10002", "C10001"]);
        actors[0].Fields.Keys.ShouldBe(["NAME", "EMAIL"], ignoreOrder: true);
        actors[0].Version.ShouldNotBeNull();
    }

    [Fact]
    public async Task GetActors_EmptyFields_ReturnsAll()
    {
        var actors = (await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Project, ["PR50001"], []), DemoErpSandbox.Ct)).GetValueOrThrow();

        actors.ShouldHaveSingleItem().Fields.Count.ShouldBe(6);
    }
}
