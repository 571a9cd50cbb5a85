namespace ErpSync.Connectors.Testing;

/// <summary>The change feed.</summary>
public abstract partial class ConnectorConformanceTests<TFixture>
{
    /// <summary>Reading on from the end cursor in small pages delivers each new change exactly once.</summary>
    [Fact]
    public async Task ChangeFeed_SmallPages_EveryChangeExactlyOnce()
    {
        foreach (var type in Fixture.ActorTypes)
        {
            var cursor = await EndCursorAsync(type);
            var created = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                created.Add((await CreateAsync(type, NewMarker())).Key);
            }

            await Fixture.ChangeAsErpUserAsync(type, created[1], NewMarker(), Ct);

            var pages = await ReadAllPagesAsync(type, cursor, Fixture.ChangeFeedPageSize);

            pages.Count.ShouldBeGreaterThan(1, "five changes span several pages");
            var delivered = pages.SelectMany(p => p.Actors).Select(a => a.Key).ToList();
            foreach (var key in created)
            {
                delivered.Count(k => k == key).ShouldBe(1, $"{type} {key} is delivered exactly once");
            }
        }
    }

    /// <summary>Re-reading from an older cursor delivers the changes after it again (at least once).</summary>
    [Fact]
    public async Task ChangeFeed_RereadFromOlderCursor_DeliversAgain()
    {
        foreach (var type in Fixture.ActorTypes)
        {
            var older = await EndCursorAsync(type);
            var created = await CreateAsync(type, NewMarker());

            var first = await ReadAllPagesAsync(type, older, Fixture.ChangeFeedPageSize);
            var again = await ReadAllPagesAsync(type, older, Fixture.ChangeFeedPageSize);

            first.SelectMany(p => p.Actors).ShouldContain(a => a.Key == created.Key);
            again.SelectMany(p => p.Actors).ShouldContain(a => a.Key == created.Key);
        }
    }

    /// <summary>A change made by an ERP user shows up in the feed with a new version.</summary>
    [Fact]
    public async Task ChangeFeed_ErpUserChange_DeliveredWithNewVersion()
    {
        foreach (var type in Fixture.ActorTypes)
        {
            var created = await CreateAsync(type, NewMarker());
            var cursor = await EndCursorAsync(type);

            await Fixture.ChangeAsErpUserAsync(type, created.Key, NewMarker(), Ct);

            var changed = (await ReadAllPagesAsync(type, cursor, Fixture.ChangeFeedPageSize)).SelectMany(p => p.Actors).Where(a => a.Key == created.Key).ToList();
            changed.ShouldHaveSingleItem().Version.ShouldNotBe(created.Version);
        }
    }

    /// <summary>An actor archived or deleted in the ERP comes back as a tombstone, not as an actor.</summary>
    [Fact]
    public async Task ChangeFeed_ArchivedActor_Tombstone()
    {
        if (!Declares(ConnectorCapabilities.Tombstones))
        {
            return;
        }

        foreach (var type in Fixture.ActorTypes)
        {
            var created = await CreateAsync(type, NewMarker());
            var cursor = await EndCursorAsync(type);

            await Fixture.ArchiveAsErpUserAsync(type, created.Key, Ct);

            var pages = await ReadAllPagesAsync(type, cursor, Fixture.ChangeFeedPageSize);
            pages.SelectMany(p => p.Tombstones).ShouldContain(t => t.Key == created.Key && t.ActorType == type);
            pages.SelectMany(p => p.Actors).ShouldNotContain(a => a.Key == created.Key);
        }
    }
}
