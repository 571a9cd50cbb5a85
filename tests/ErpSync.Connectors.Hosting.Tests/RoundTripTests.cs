using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>The demo ERP through Hosting and RemoteConnector answers exactly as in process.</summary>
public sealed class RoundTripTests(DemoErpRemote erp) : IClassFixture<DemoErpRemote>
{
    private static readonly ConnectorJsonContext Json = ConnectorJsonContext.Default;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Same<T>(T remote, T inProcess, JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(remote, type).ShouldBe(JsonSerializer.Serialize(inProcess, type));

    [Fact]
    public async Task InfoConfigFieldsAndTest_SameAsInProcess()
    {
        erp.Remote.Info.ShouldBe(erp.InProcess.Info);
        Same(await erp.Remote.GetConfigFieldsAsync(ConnectorContext.Empty("nl"), Ct), await erp.InProcess.GetConfigFieldsAsync(ConnectorContext.Empty("nl"), Ct), Json.IReadOnlyListFieldInfo);

        var right = await erp.Remote.TestConfigurationAsync(erp.Context(), Ct);
        var wrong = await erp.Remote.TestConfigurationAsync(erp.Context(password: "nope"), Ct);

        right.IsOk.ShouldBeTrue();
        Same(right, await erp.InProcess.TestConfigurationAsync(erp.Context(), Ct), Json.TestResult);
        wrong.ErrorCode.ShouldBe(ErrorCode.AuthenticationFailed);
        Same(wrong, await erp.InProcess.TestConfigurationAsync(erp.Context(password: "nope"), Ct), Json.TestResult);
        (await erp.Remote.ConnectionSavedAsync(erp.Context(), Ct)).IsOk.ShouldBeTrue();
        (await erp.Remote.ConnectionDeletedAsync(erp.Context(), Ct)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task ActorTypesFieldsAndActors_SameAsInProcess()
    {
        var types = await erp.Remote.GetActorTypesAsync(erp.Context(), Ct);
        Same(types, await erp.InProcess.GetActorTypesAsync(erp.Context(), Ct), Json.ConnectorResultIReadOnlyListActorTypeInfo);
        foreach (var type in types.GetValueOrThrow())
        {
            Same(await erp.Remote.GetFieldsAsync(erp.Context(), type.Type, Ct), await erp.InProcess.GetFieldsAsync(erp.Context(), type.Type, Ct), Json.ConnectorResultIReadOnlyListFieldInfo);
        }

        var request = new GetActorsRequest(ActorType.Customer, ["C10001", "C10002", "C99999"], []);
        var actors = await erp.Remote.GetActorsAsync(erp.Context(), request, Ct);
        actors.GetValueOrThrow().Count.ShouldBe(2);
        Same(actors, await erp.InProcess.GetActorsAsync(erp.Context(), request, Ct), Json.ConnectorResultIReadOnlyListActor);
    }

    [Fact]
    public async Task ReadChanges_AcrossPages_SameAsInProcess()
    {
        string? remoteCursor = null, localCursor = null;
        var pages = 0;
        bool hasMore;
        do
        {
            var remote = await erp.Remote.ReadChangesAsync(erp.Context(), new ReadChangesRequest(ActorType.Person, remoteCursor, [], 7), Ct);
            var local = await erp.InProcess.ReadChangesAsync(erp.Context(), new ReadChangesRequest(ActorType.Person, localCursor, [], 7), Ct);
            Same(remote, local, Json.ConnectorResultChangePage);
            (remoteCursor, localCursor, hasMore) = (remote.GetValueOrThrow().NextCursor, local.GetValueOrThrow().NextCursor, remote.GetValueOrThrow().HasMore);
            pages++;
        }
        while (hasMore);

        pages.ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task CreateTwiceWithSameKey_OneActor_StaleSave_Conflict()
    {
        var fields = new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Op Afstand B.V."), ["COUNTRY"] = FieldValue.List("NL") };
        var first = (await erp.Remote.CreateActorAsync(erp.Context(), new CreateActorRequest(ActorType.Customer, "remote-idem-1", fields), Ct)).GetValueOrThrow();
        var second = (await erp.Remote.CreateActorAsync(erp.Context(), new CreateActorRequest(ActorType.Customer, "remote-idem-1", fields), Ct)).GetValueOrThrow();
        second.Key.ShouldBe(first.Key);

        var update = new ActorUpdate(first.Key, first.Version, new Dictionary<string, FieldValue?> { ["EMAIL"] = FieldValue.Text("remote@example.nl") });
        var saved = (await erp.Remote.SaveActorsAsync(erp.Context(), new SaveActorsRequest(ActorType.Customer, [update]), Ct)).GetValueOrThrow().ShouldHaveSingleItem();
        var stale = (await erp.Remote.SaveActorsAsync(erp.Context(), new SaveActorsRequest(ActorType.Customer, [update]), Ct)).GetValueOrThrow().ShouldHaveSingleItem();

        saved.Status.ShouldBe(SaveStatus.Ok);
        saved.Actor!.Fields["EMAIL"].ShouldBe(FieldValue.Text("remote@example.nl"));
        stale.Status.ShouldBe(SaveStatus.Conflict);
        Same((await erp.Remote.GetActorsAsync(erp.Context(), new GetActorsRequest(ActorType.Customer, [first.Key], []), Ct)).GetValueOrThrow()[0], saved.Actor, Json.Actor);
    }

    [Fact]
    public async Task SearchAndLists_SameAsInProcess()
    {
        var search = new SearchRequest(ActorType.Customer, "b.v.", ["NAME", "CITY"], new PageRequest(2, 5));
        var advanced = new AdvancedSearchRequest(ActorType.Customer, [new SearchRestriction("CREDITLIMIT", SearchOperator.GreaterOrEqual, [FieldValue.Integer(0)])], ["NAME"], new PageRequest(3, 10));

        Same(await erp.Remote.GetSearchableFieldsAsync(erp.Context(), ActorType.Customer, Ct), await erp.InProcess.GetSearchableFieldsAsync(erp.Context(), ActorType.Customer, Ct), Json.ConnectorResultIReadOnlyListFieldInfo);
        Same(await erp.Remote.SearchAsync(erp.Context(), search, Ct), await erp.InProcess.SearchAsync(erp.Context(), search, Ct), Json.ConnectorResultSearchPage);
        Same(await erp.Remote.SearchAdvancedAsync(erp.Context(), advanced, Ct), await erp.InProcess.SearchAdvancedAsync(erp.Context(), advanced, Ct), Json.ConnectorResultSearchPage);
        var countries = await erp.Remote.GetListAsync(erp.Context(culture: "nl"), "countries", Ct);
        countries.GetValueOrThrow().ShouldNotBeEmpty();
        Same(countries, await erp.InProcess.GetListAsync(erp.Context(culture: "nl"), "countries", Ct), Json.ConnectorResultIReadOnlyListListItem);
        Same(await erp.Remote.GetListItemsAsync(erp.Context(), "countries", ["NL", "XX"], Ct), await erp.InProcess.GetListItemsAsync(erp.Context(), "countries", ["NL", "XX"], Ct), Json.ConnectorResultIReadOnlyListListItem);
        Same(await erp.Remote.GetListAsync(erp.Context(password: "bad"), "countries", Ct), await erp.InProcess.GetListAsync(erp.Context(password: "bad"), "countries", Ct), Json.ConnectorResultIReadOnlyListListItem);
    }
}
