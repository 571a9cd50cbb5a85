namespace ErpSync.Connectors.DemoErp.Tests;

public sealed class ChangeFeedTests : IDisposable
{
    private readonly DemoErpSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Paging_CoversEveryActorExactlyOnce()
    {
        var pages = await _sandbox.ReadAllPagesAsync(ActorType.Customer, null, 7);

        pages.Count.ShouldBe(6);
        pages.Take(5).ShouldAllBe(p => p.HasMore && p.Actors.Count == 7);
        pages[^1].HasMore.ShouldBeFalse();
        var keys = pages.SelectMany(p => p.Actors).Select(a => a.Key).ToList();
        keys.Count.ShouldBe(40);
        keys.ShouldBeUnique();
        pages.SelectMany(p => p.Actors).Select(a => long.Parse(a.Version!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder();
    }

    [Fact]
    public async Task SamePageReadTwice_SameActors()
    {
        var first = await _sandbox.ReadAsync(ActorType.Customer, null, 10);
        var again = await _sandbox.ReadAsync(ActorType.Customer, null, 10);

        again.Actors.Select(a => a.Key).ShouldBe(first.Actors.Select(a => a.Key));
        again.NextCursor.ShouldBe(first.NextCursor);
    }

    [Fact]
    public async Task UpdateAfterCursor_ShowsUpOnceWithNewVersionAndTime()
    {
        var database = await _sandbox.DatabaseAsync();
        var all = await _sandbox.ReadAsync(ActorType.Customer, null, 1000);
        all.HasMore.ShouldBeFalse();
        (await _sandbox.ReadAsync(ActorType.Customer, all.NextCursor)).Actors.ShouldBeEmpty();
        _sandbox.Time.Advance(TimeSpan.FromMinutes(5));

        var version = await database.UpdateFieldsAsync("NL01", "C10003", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31301234567") }, DemoErpSandbox.Ct);

        var next = await _sandbox.ReadAsync(ActorType.Customer, all.NextCursor);
        var changed = next.Actors.ShouldHaveSingleItem();
        changed.Key.ShouldBe("C10003");
        changed.Version.ShouldBe(version);
        changed.ChangedAt.ShouldBe(_sandbox.Time.GetUtcNow());
        changed.Fields["PHONE"].ShouldBe(FieldValue.Text("+31301234567"));
        (await _sandbox.ReadAsync(ActorType.Customer, next.NextCursor)).Actors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Archive_GivesTombstone()
    {
        var database = await _sandbox.DatabaseAsync();
        var cursor = (await _sandbox.ReadAsync(ActorType.Customer, null, 1000)).NextCursor;

        await database.ArchiveAsync("NL01", "C10005", DemoErpSandbox.Ct);

        var page = await _sandbox.ReadAsync(ActorType.Customer, cursor);
        page.Actors.ShouldBeEmpty();
        var tombstone = page.Tombstones.ShouldHaveSingleItem();
        (tombstone.Key, tombstone.ReplacedByKey, tombstone.ActorType).ShouldBe(("C10005", (string?)null, ActorType.Customer));
        (await database.CountAsync("NL01", ActorType.Customer, DemoErpSandbox.Ct)).ShouldBe(39);
        (await _sandbox.Connector.GetActorsAsync(_sandbox.Context(), new GetActorsRequest(ActorType.Customer, ["C10005"], []), DemoErpSandbox.Ct)).GetValueOrThrow().ShouldBeEmpty();
    }

    [Fact]
    public async Task Merge_GivesTombstoneWithReplacement_AndMovesPersons()
    {
        var database = await _sandbox.DatabaseAsync();
        var cursor = (await _sandbox.ReadAsync(ActorType.Customer, null, 1000)).NextCursor;
        var personCursor = (await _sandbox.ReadAsync(ActorType.Person, null, 1000)).NextCursor;
        var persons = (await _sandbox.Connector.SearchAsync(_sandbox.Context(), new SearchRequest(ActorType.Person, null, [], new PageRequest(), "C10001"), DemoErpSandbox.Ct)).GetValueOrThrow();

        await database.MergeAsync("NL01", "C10001", "C10002", DemoErpSandbox.Ct);

        var page = await _sandbox.ReadAsync(ActorType.Customer, cursor);
        page.Tombstones.ShouldHaveSingleItem().ReplacedByKey.ShouldBe("C10002");
        page.Actors.ShouldHaveSingleItem().Key.ShouldBe("C10002");
        var moved = (await _sandbox.ReadAsync(ActorType.Person, personCursor)).Actors;
        moved.Select(p => p.Key).ShouldBe(persons.Actors.Select(p => p.Key), ignoreOrder: true);
        moved.ShouldAllBe(p => p.ParentKey == "C10002");
    }

    [Fact]
    public async Task PageSizeCountsTombstones()
    {
        var database = await _sandbox.DatabaseAsync();
        var cursor = (await _sandbox.ReadAsync(ActorType.Customer, null, 1000)).NextCursor;
        await database.ArchiveAsync("NL01", "C10010", DemoErpSandbox.Ct);
        await database.UpdateFieldsAsync("NL01", "C10011", new Dictionary<string, FieldValue?> { ["BLOCKED"] = FieldValue.Boolean(true) }, DemoErpSandbox.Ct);

        var first = await _sandbox.ReadAsync(ActorType.Customer, cursor, 1);
        var second = await _sandbox.ReadAsync(ActorType.Customer, first.NextCursor, 1);

        (first.Tombstones.Count, first.Actors.Count, first.HasMore).ShouldBe((1, 0, true));
        (second.Tombstones.Count, second.Actors.Count, second.HasMore).ShouldBe((0, 1, false));
    }

    [Fact]
    public async Task BadCursor_Validation()
    {
        var result = await _sandbox.Connector.ReadChangesAsync(_sandbox.Context(), new ReadChangesRequest(ActorType.Customer, "yesterday", []), DemoErpSandbox.Ct);

        result.Error!.Code.ShouldBe(ErrorCode.Validation);
    }

    [Fact]
    public async Task OtherAdministration_OwnActors()
    {
        var page = (await _sandbox.Connector.ReadChangesAsync(_sandbox.Context("DE01"), new ReadChangesRequest(ActorType.Customer, null, ["NAME", "COUNTRY"]), DemoErpSandbox.Ct)).GetValueOrThrow();

        page.Actors.Count.ShouldBe(40);
        page.Actors.Count(a => a.Fields["COUNTRY"] == FieldValue.List("DE")).ShouldBeGreaterThan(15);
        page.Actors[0].Fields.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TenThousandGeneratedCustomers_PagedThroughCompletely()
    {
        var database = await _sandbox.DatabaseAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var keys = await database.GenerateCustomersAsync("NL01", 10_000, DemoErpSandbox.Ct);

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        keys.Count.ShouldBe(10_000);
        (await database.CountAsync("NL01", ActorType.Customer, DemoErpSandbox.Ct)).ShouldBe(10_040);
        var pages = await _sandbox.ReadAllPagesAsync(ActorType.Customer, null, 500);
        pages.Count.ShouldBe(21);
        var read = pages.SelectMany(p => p.Actors).Select(a => a.Key).ToList();
        read.Count.ShouldBe(10_040);
        read.ShouldBeUnique();
        keys.ShouldBeSubsetOf(read);
    }
}
