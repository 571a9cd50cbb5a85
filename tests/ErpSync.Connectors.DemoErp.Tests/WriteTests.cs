namespace ErpSync.Connectors.DemoErp.Tests;

public sealed class WriteTests : IDisposable
{
    private readonly DemoErpSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static Dictionary<string, FieldValue?> Customer(string name) => new()
    {
        ["NAME"] = FieldValue.Text(name),
        ["COUNTRY"] = FieldValue.List("NL"),
        ["CREDITLIMIT"] = FieldValue.Integer(5000),
        ["CUSTOMERSINCE"] = FieldValue.Date(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    private Task<ConnectorResult<Actor>> CreateAsync(ActorType type, string idempotencyKey, Dictionary<string, FieldValue?> fields, string? parentKey = null) =>
        _sandbox.Connector.CreateActorAsync(_sandbox.Context(), new CreateActorRequest(type, idempotencyKey, fields, parentKey), DemoErpSandbox.Ct).AsTask();

    private async Task<IReadOnlyList<SaveResult>> SaveAsync(params ActorUpdate[] items) =>
        (await _sandbox.Connector.SaveActorsAsync(_sandbox.Context(), new SaveActorsRequest(ActorType.Customer, items), DemoErpSandbox.Ct)).GetValueOrThrow();

    [Fact]
    public async Task Create_AssignsNextKeyNumberAndVersion()
    {
        var actor = (await CreateAsync(ActorType.Customer, "idem-1", Customer("Nieuwe Klant B.V."))).GetValueOrThrow();

        actor.Key.ShouldBe("C10041");
        actor.Fields["NUMBER1"].ShouldBe(FieldValue.Text("10041"));
        actor.Fields["CREDITLIMIT"].ShouldBe(FieldValue.Decimal(5000));
        actor.Fields["CUSTOMERSINCE"].ShouldBe(FieldValue.Date(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        actor.DisplayName.ShouldBe("Nieuwe Klant B.V.");
        actor.Version.ShouldNotBeNull();
        actor.ChangedAt.ShouldBe(_sandbox.Time.GetUtcNow());
    }

    [Fact]
    public async Task CreateTwiceWithSameIdempotencyKey_OneActor()
    {
        var first = (await CreateAsync(ActorType.Customer, "idem-2", Customer("Eenmalig B.V."))).GetValueOrThrow();
        var second = (await CreateAsync(ActorType.Customer, "idem-2", Customer("Eenmalig B.V."))).GetValueOrThrow();

        second.Key.ShouldBe(first.Key);
        second.Version.ShouldBe(first.Version);
        var database = await _sandbox.DatabaseAsync();
        (await database.CountAsync("NL01", ActorType.Customer, DemoErpSandbox.Ct)).ShouldBe(41);
    }

    [Fact]
    public async Task ConcurrentCreatesWithSameIdempotencyKey_OneActor()
    {
        await _sandbox.DatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CreateAsync(ActorType.Customer, "idem-race", Customer("Race B.V."))));

        results.Select(r => r.GetValueOrThrow().Key).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Create_MissingMandatory_Validation()
    {
        var result = await CreateAsync(ActorType.Customer, "idem-3", new Dictionary<string, FieldValue?> { ["EMAIL"] = FieldValue.Text("x@example.com") });

        result.Error!.Code.ShouldBe(ErrorCode.Validation);
        result.Error.FieldErrors!.Keys.ShouldBe(["NAME"]);
    }

    [Fact]
    public async Task Create_BadListKeyAndWrongType_Validation()
    {
        var fields = Customer("Fout B.V.");
        fields["COUNTRY"] = FieldValue.List("XX");
        fields["BLOCKED"] = FieldValue.Text("yes");

        var result = await CreateAsync(ActorType.Customer, "idem-4", fields);

        result.Error!.Code.ShouldBe(ErrorCode.Validation);
        result.Error.FieldErrors!.Keys.ShouldBe(["COUNTRY", "BLOCKED"], ignoreOrder: true);
        (await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Customer, ["C10041"], []), DemoErpSandbox.Ct)).GetValueOrThrow().ShouldBeEmpty();
    }

    [Fact]
    public async Task CreatePerson_UnderCustomer()
    {
        var person = (await CreateAsync(ActorType.Person, "idem-5", new Dictionary<string, FieldValue?>
        {
            ["FIRSTNAME"] = FieldValue.Text("Joost"),
            ["MIDDLENAME"] = FieldValue.Text("van"),
            ["LASTNAME"] = FieldValue.Text("Dam"),
        }, "C10001")).GetValueOrThrow();

        (person.DisplayName, person.ParentKey, person.ParentType).ShouldBe(("Joost van Dam", "C10001", ActorType.Customer));
    }

    [Fact]
    public async Task CreatePerson_UnknownParent_Validation()
    {
        var result = await CreateAsync(ActorType.Person, "idem-6", new Dictionary<string, FieldValue?> { ["LASTNAME"] = FieldValue.Text("Dam") }, "C99999");

        result.Error!.Code.ShouldBe(ErrorCode.Validation);
    }

    [Fact]
    public async Task Save_CurrentVersion_OkWithNewVersion()
    {
        var before = (await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Customer, ["C10001"], []), DemoErpSandbox.Ct)).GetValueOrThrow()[0];

        var result = (await SaveAsync(new ActorUpdate("C10001", before.Version, new Dictionary<string, FieldValue?> { ["EMAIL"] = FieldValue.Text("new@example.nl"), ["DEPARTMENT"] = null }))).ShouldHaveSingleItem();

        result.Status.ShouldBe(SaveStatus.Ok);
        result.Actor!.Version.ShouldNotBe(before.Version);
        result.Actor.Fields["EMAIL"].ShouldBe(FieldValue.Text("new@example.nl"));
        result.Actor.Fields["DEPARTMENT"].ShouldBeNull();
        result.Actor.Fields["NAME"].ShouldBe(before.Fields["NAME"]);
    }

    [Fact]
    public async Task Save_StaleVersion_Conflict_NothingWritten()
    {
        var database = await _sandbox.DatabaseAsync();
        var before = (await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Customer, ["C10002"], []), DemoErpSandbox.Ct)).GetValueOrThrow()[0];
        await database.UpdateFieldsAsync("NL01", "C10002", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+3212345678") }, DemoErpSandbox.Ct);

        var result = (await SaveAsync(new ActorUpdate("C10002", before.Version, new Dictionary<string, FieldValue?> { ["EMAIL"] = FieldValue.Text("stale@example.nl") }))).ShouldHaveSingleItem();

        result.Status.ShouldBe(SaveStatus.Conflict);
        result.Error!.Code.ShouldBe(ErrorCode.Conflict);
        var after = (await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Customer, ["C10002"], ["EMAIL"]), DemoErpSandbox.Ct)).GetValueOrThrow()[0];
        after.Fields["EMAIL"].ShouldBe(before.Fields["EMAIL"]);
    }

    [Fact]
    public async Task SavePerson_NewParentKey_MovesPersonToThatCompany()
    {
        var person = (await _sandbox.Connector.SearchAsync(_sandbox.Context(), new SearchRequest(ActorType.Person, null, [], new PageRequest(0, 1), "C10001"), DemoErpSandbox.Ct)).GetValueOrThrow().Actors[0];

        var result = (await _sandbox.Connector.SaveActorsAsync(_sandbox.Context(), new SaveActorsRequest(ActorType.Person,
            [new ActorUpdate(person.Key, person.Version, new Dictionary<string, FieldValue?>(), ParentKey: "S20001")]), DemoErpSandbox.Ct)).GetValueOrThrow().ShouldHaveSingleItem();

        result.Status.ShouldBe(SaveStatus.Ok);
        result.Actor!.ParentKey.ShouldBe("S20001");
        result.Actor.ParentType.ShouldBe(ActorType.Supplier);
    }

    [Fact]
    public async Task SavePerson_ParentThatIsNotACompany_Invalid()
    {
        var person = (await _sandbox.Connector.SearchAsync(_sandbox.Context(), new SearchRequest(ActorType.Person, null, [], new PageRequest(0, 1), "C10001"), DemoErpSandbox.Ct)).GetValueOrThrow().Actors[0];

        var result = (await _sandbox.Connector.SaveActorsAsync(_sandbox.Context(), new SaveActorsRequest(ActorType.Person,
            [new ActorUpdate(person.Key, null, new Dictionary<string, FieldValue?>(), ParentKey: "PR50001")]), DemoErpSandbox.Ct)).GetValueOrThrow().ShouldHaveSingleItem();

        result.Status.ShouldBe(SaveStatus.Invalid);
    }

    [Fact]
    public async Task Save_UnknownKey_NotFound()
    {
        var result = (await SaveAsync(new ActorUpdate("C77777", null, new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("x") }))).ShouldHaveSingleItem();

        result.Status.ShouldBe(SaveStatus.NotFound);
    }

    [Fact]
    public async Task Save_ReadOnlyField_Invalid()
    {
        var result = (await SaveAsync(new ActorUpdate("C10001", null, new Dictionary<string, FieldValue?> { ["BALANCE"] = FieldValue.Decimal(1) }))).ShouldHaveSingleItem();

        result.Status.ShouldBe(SaveStatus.Invalid);
        result.Error!.FieldErrors!.ShouldContainKey("BALANCE");
    }

    [Fact]
    public async Task Save_MixedBatch_PerItemResultsInOrder()
    {
        var results = await SaveAsync(
            new ActorUpdate("C10001", null, new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31201111111") }),
            new ActorUpdate("C99999", null, new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31201111111") }),
            new ActorUpdate("C10002", "1", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31201111111") }),
            new ActorUpdate("C10003", null, new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text(new string('x', 101)), ["PHONE"] = FieldValue.Text("+1") }),
            new ActorUpdate("C10004", null, new Dictionary<string, FieldValue?> { ["NOSUCHFIELD"] = FieldValue.Text("x") }),
            new ActorUpdate("C10005", null, new Dictionary<string, FieldValue?> { ["NAME"] = null }),
            new ActorUpdate("C10006", null, new Dictionary<string, FieldValue?> { ["PAYMENTTERM"] = FieldValue.List("60D") }));

        results.Select(r => (r.Key, r.Status)).ShouldBe(
        [
            ("C10001", SaveStatus.Ok), ("C99999", SaveStatus.NotFound), ("C10002", SaveStatus.Conflict), ("C10003", SaveStatus.Invalid),
            ("C10004", SaveStatus.Invalid), ("C10005", SaveStatus.Invalid), ("C10006", SaveStatus.Ok),
        ]);
        var c3 = (await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Customer, ["C10003"], ["PHONE"]), DemoErpSandbox.Ct)).GetValueOrThrow()[0];
        c3.Fields["PHONE"].ShouldNotBe(FieldValue.Text("+1"));
    }

    [Fact]
    public async Task Save_WrongPassword_AuthenticationFailed()
    {
        var result = await _sandbox.Connector.SaveActorsAsync(_sandbox.Context(password: "x"), new SaveActorsRequest(ActorType.Customer, []), DemoErpSandbox.Ct);

        result.Error!.Code.ShouldBe(ErrorCode.AuthenticationFailed);
    }
}
