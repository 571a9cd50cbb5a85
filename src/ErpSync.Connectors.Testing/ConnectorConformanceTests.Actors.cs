namespace ErpSync.Connectors.Testing;

/// <summary>Actor types, fields, reads and search.</summary>
public abstract partial class ConnectorConformanceTests<TFixture>
{
    /// <summary>Actor types are unique and their fields well formed: unique keys, names, lists that resolve.</summary>
    [Fact]
    public async Task ActorTypesAndFields_AreConsistent()
    {
        var types = await Connector.GetActorTypesAsync(Fixture.CreateContext(), Ct);
        types.IsOk.ShouldBeTrue(types.Error?.Message);
        types.Value.ShouldNotBeEmpty();
        types.Value.Select(t => t.Type).ShouldBeUnique();
        types.Value.ShouldNotContain(t => t.Type == ActorType.Unknown);
        foreach (var type in Fixture.ActorTypes)
        {
            types.Value.ShouldContain(t => t.Type == type, $"the fixture exercises {type}, so the connection offers it");
        }

        foreach (var type in types.Value)
        {
            var fields = await Connector.GetFieldsAsync(Fixture.CreateContext(), type.Type, Ct);
            fields.IsOk.ShouldBeTrue($"{type.Type}: {fields.Error?.Message}");
            fields.Value.ShouldNotBeEmpty();
            fields.Value.Select(f => f.Key).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
            foreach (var field in fields.Value)
            {
                field.DisplayName.ShouldNotBeNullOrWhiteSpace($"{type.Type}.{field.Key}");
                field.Type.ShouldNotBe(FieldType.Password, $"{type.Type}.{field.Key}: actor fields hold no secrets");
                if (field.Type == FieldType.List)
                {
                    field.ListName.ShouldNotBeNullOrWhiteSpace($"{type.Type}.{field.Key} names its list");
                }
            }

            if (Declares(ConnectorCapabilities.Lists))
            {
                foreach (var listName in fields.Value.Where(f => f.Type == FieldType.List).Select(f => f.ListName!).Distinct())
                {
                    await ListResolvesByKeyAsync(listName);
                }
            }
        }
    }

    /// <summary>An unknown actor type is refused with NotSupported, not an exception.</summary>
    [Fact]
    public async Task GetFields_UnknownActorType_NotSupported()
    {
        var result = await Connector.GetFieldsAsync(Fixture.CreateContext(), ActorType.Unknown, Ct);

        result.IsOk.ShouldBeFalse();
        result.Error.Code.ShouldBe(ErrorCode.NotSupported);
    }

    /// <summary>A created actor reads back by key; unknown keys are left out of the result.</summary>
    [Fact]
    public async Task GetActors_CreatedAndUnknownKeys_ReturnsOnlyTheCreated()
    {
        foreach (var type in Fixture.ActorTypes)
        {
            var created = await CreateAsync(type, NewMarker());

            var result = await Connector.GetActorsAsync(Fixture.CreateContext(), new GetActorsRequest(type, [created.Key, Fixture.UnknownKey], []), Ct);

            result.IsOk.ShouldBeTrue(result.Error?.Message);
            var actor = result.Value.ShouldHaveSingleItem();
            actor.Key.ShouldBe(created.Key);
            actor.Version.ShouldBe(created.Version);
        }
    }

    /// <summary>Free-text search finds a created actor by the marker in its name.</summary>
    [Fact]
    public async Task Search_FreeText_FindsCreatedActor()
    {
        if (!Declares(ConnectorCapabilities.Search))
        {
            return;
        }

        var search = Connector.ShouldBeAssignableTo<ISearchableConnector>()!;
        foreach (var type in Fixture.ActorTypes)
        {
            var marker = NewMarker();
            var created = await CreateAsync(type, marker);

            var result = await search.SearchAsync(Fixture.CreateContext(), new SearchRequest(type, marker.ToUpperInvariant(), [], new PageRequest()), Ct);

            result.IsOk.ShouldBeTrue(result.Error?.Message);
            result.Value.Actors.ShouldHaveSingleItem().Key.ShouldBe(created.Key);
        }
    }
}
