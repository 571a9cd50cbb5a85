namespace ErpSync.Connectors.Testing;

/// <summary>Configuration metadata and the configuration test.</summary>
public abstract partial class ConnectorConformanceTests<TFixture>
{
    /// <summary>Configuration fields have unique keys and ranks, names, lists for list fields, fitting defaults, and at least one mandatory field.</summary>
    [Fact]
    public async Task ConfigFields_AreWellFormed()
    {
        var fields = await Connector.GetConfigFieldsAsync(ConnectorContext.Empty(), Ct);

        fields.ShouldNotBeEmpty();
        fields.Select(f => f.Key).ShouldBeUnique(StringComparer.OrdinalIgnoreCase);
        fields.Select(f => f.Rank).ShouldBeUnique();
        fields.ShouldContain(f => f.IsMandatory, "a connection needs at least one mandatory setting");
        foreach (var field in fields)
        {
            field.Key.ShouldNotBeNullOrWhiteSpace();
            field.DisplayName.ShouldNotBeNullOrWhiteSpace($"field {field.Key}");
            field.Rank.ShouldBeGreaterThanOrEqualTo(0, $"field {field.Key}");
            if (field.Type == FieldType.List)
            {
                field.ListName.ShouldNotBeNullOrWhiteSpace($"list field {field.Key} names its list");
            }

            if (field.DefaultValue is not null)
            {
                FieldValues.Fits(field.Type, field.DefaultValue).ShouldBeTrue($"the default of {field.Key} fits its type {field.Type}");
            }
        }
    }

    /// <summary>The fixture's valid configuration passes the configuration test and every check in it.</summary>
    [Fact]
    public async Task TestConfiguration_ValidConfiguration_Passes()
    {
        var result = await Connector.TestConfigurationAsync(Fixture.CreateContext(), Ct);

        result.IsOk.ShouldBeTrue(result.Message);
        result.ErrorCode.ShouldBeNull();
        result.Message.ShouldNotBeNullOrWhiteSpace();
        result.Checks.ShouldAllBe(c => c.IsOk);
    }

    /// <summary>A wrong password fails the configuration test with a message and <see cref="ErrorCode.AuthenticationFailed"/>.</summary>
    [Fact]
    public async Task TestConfiguration_WrongPassword_FailsWithMessage()
    {
        var result = await Connector.TestConfigurationAsync(Fixture.CreateWrongPasswordContext(), Ct);

        result.IsOk.ShouldBeFalse();
        result.ErrorCode.ShouldBe(ErrorCode.AuthenticationFailed);
        result.Message.ShouldNotBeNullOrWhiteSpace();
        result.Checks.ShouldContain(c => !c.IsOk, "the failed check is reported");
    }

    /// <summary>The configuration fields' lists resolve, and their items resolve again by key.</summary>
    [Fact]
    public async Task ConfigLists_ResolveByKey()
    {
        if (!Declares(ConnectorCapabilities.Lists))
        {
            return;
        }

        var fields = await Connector.GetConfigFieldsAsync(ConnectorContext.Empty(), Ct);
        foreach (var listName in fields.Where(f => f.Type == FieldType.List).Select(f => f.ListName!).Distinct())
        {
            await ListResolvesByKeyAsync(listName);
        }
    }

    /// <summary>Reads a list and checks that a few of its items come back from GetListItems by key; unknown keys are left out.</summary>
    protected async Task ListResolvesByKeyAsync(string listName)
    {
        var lists = (IListProvider)Connector;
        var all = await lists.GetListAsync(Fixture.CreateContext(), listName, Ct);
        all.IsOk.ShouldBeTrue($"list {listName}: {all.Error?.Message}");
        all.Value.Select(i => i.Key).ShouldBeUnique(StringComparer.Ordinal);
        var keys = all.Value.Take(3).Select(i => i.Key).ToList();

        var items = await lists.GetListItemsAsync(Fixture.CreateContext(), listName, [.. keys, Fixture.UnknownKey], Ct);

        items.IsOk.ShouldBeTrue($"list {listName}: {items.Error?.Message}");
        items.Value.Select(i => i.Key).OrderBy(k => k, StringComparer.Ordinal).ShouldBe(keys.OrderBy(k => k, StringComparer.Ordinal), $"list {listName}");
        items.Value.ShouldAllBe(i => !string.IsNullOrWhiteSpace(i.Text));
    }
}
