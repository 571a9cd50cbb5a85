namespace ErpSync.Connectors.Testing;

/// <summary>Creates and saves.</summary>
public abstract partial class ConnectorConformanceTests<TFixture>
{
    /// <summary>Two creates with the same idempotency key give one actor.</summary>
    [Fact]
    public async Task Create_SameIdempotencyKeyTwice_OneActor()
    {
        if (!Declares(ConnectorCapabilities.IdempotentCreate))
        {
            return;
        }

        foreach (var type in Fixture.ActorTypes)
        {
            var marker = NewMarker();
            var key = "idem-" + marker;

            var first = await CreateAsync(type, marker, key);
            var second = await CreateAsync(type, marker, key);

            second.Key.ShouldBe(first.Key);
            if (Connector is ISearchableConnector search)
            {
                var found = await search.SearchAsync(Fixture.CreateContext(), new SearchRequest(type, marker, [], new PageRequest()), Ct);
                found.GetValueOrThrow().Actors.Count.ShouldBe(1, "the second create made no second actor");
            }
        }
    }

    /// <summary>SaveActors returns one result per item, in request order, with NotFound for an unknown key.</summary>
    [Fact]
    public async Task Save_ReturnsOneResultPerItemInOrder()
    {
        foreach (var type in Fixture.ActorTypes)
        {
            var a = await CreateAsync(type, NewMarker());
            var b = await CreateAsync(type, NewMarker());

            var result = await Connector.SaveActorsAsync(Fixture.CreateContext(), new SaveActorsRequest(type,
            [
                new ActorUpdate(b.Key, b.Version, Fixture.Update(type, NewMarker())),
                new ActorUpdate(Fixture.UnknownKey, null, Fixture.Update(type, NewMarker())),
                new ActorUpdate(a.Key, a.Version, Fixture.Update(type, NewMarker())),
            ]), Ct);

            result.IsOk.ShouldBeTrue(result.Error?.Message);
            result.Value.Select(r => r.Key).ShouldBe([b.Key, Fixture.UnknownKey, a.Key]);
            result.Value.Select(r => r.Status).ShouldBe([SaveStatus.Ok, SaveStatus.NotFound, SaveStatus.Ok],
                string.Join("; ", result.Value.Select(r => r.Error?.Message)));
            result.Value[0].Actor.ShouldNotBeNull().Version.ShouldNotBe(b.Version, "a write gives a new version");
        }
    }

    /// <summary>A write based on a version an ERP user has since replaced is refused with Conflict.</summary>
    [Fact]
    public async Task Save_StaleVersion_Conflict()
    {
        if (!Declares(ConnectorCapabilities.OptimisticConcurrency))
        {
            return;
        }

        foreach (var type in Fixture.ActorTypes)
        {
            var created = await CreateAsync(type, NewMarker());
            await Fixture.ChangeAsErpUserAsync(type, created.Key, NewMarker(), Ct);

            var result = await Connector.SaveActorsAsync(Fixture.CreateContext(),
                new SaveActorsRequest(type, [new ActorUpdate(created.Key, created.Version, Fixture.Update(type, NewMarker()))]), Ct);

            result.IsOk.ShouldBeTrue(result.Error?.Message);
            result.Value.ShouldHaveSingleItem().Status.ShouldBe(SaveStatus.Conflict);
        }
    }

    /// <summary>A value for a read-only field is refused, not silently written.</summary>
    [Fact]
    public async Task Save_ReadOnlyField_Refused()
    {
        foreach (var type in Fixture.ActorTypes)
        {
            var fields = (await Connector.GetFieldsAsync(Fixture.CreateContext(), type, Ct)).GetValueOrThrow();
            var readOnly = fields.FirstOrDefault(f => f.IsReadOnly && f.Type == FieldType.Text);
            if (readOnly is null)
            {
                continue;
            }

            var created = await CreateAsync(type, NewMarker());
            var result = await Connector.SaveActorsAsync(Fixture.CreateContext(), new SaveActorsRequest(type,
                [new ActorUpdate(created.Key, created.Version, new Dictionary<string, FieldValue?> { [readOnly.Key] = FieldValue.Text("x") })]), Ct);

            result.IsOk.ShouldBeTrue(result.Error?.Message);
            result.Value.ShouldHaveSingleItem().Status.ShouldBe(SaveStatus.Invalid, $"{type}.{readOnly.Key} is read-only");
        }
    }
}
