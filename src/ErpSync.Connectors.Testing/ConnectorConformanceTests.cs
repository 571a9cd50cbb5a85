namespace ErpSync.Connectors.Testing;

/// <summary>
/// The conformance suite every Sync Connector passes. A connector's test project derives a class from it,
/// names its fixture and passes the fixture to the constructor; the inherited facts then run against that
/// connector:
/// <code>
/// public sealed class MyErpConformanceTests(MyErpFixture fixture) : ConnectorConformanceTests&lt;MyErpFixture&gt;(fixture);
/// </code>
/// Facts for capabilities the connector does not declare pass without checking anything.
/// </summary>
/// <typeparam name="TFixture">The fixture describing the connector; one instance per test class.</typeparam>
public abstract partial class ConnectorConformanceTests<TFixture> : IClassFixture<TFixture>
    where TFixture : ConformanceFixture
{
    /// <summary>Creates the tests for the fixture xunit supplies.</summary>
    protected ConnectorConformanceTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
    }

    /// <summary>The fixture describing the connector.</summary>
    protected TFixture Fixture { get; }

    /// <summary>The connector under test.</summary>
    protected ISyncConnector Connector => Fixture.Connector;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Whether the fixture holds the connector to <paramref name="capability"/>.</summary>
    protected bool Declares(ConnectorCapabilities capability) => Fixture.Capabilities.HasFlag(capability);

    /// <summary>A text unique to one call, for names the tests search for.</summary>
    protected static string NewMarker() => "Conf" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Creates an actor from the fixture's sample payload and returns it.</summary>
    protected async Task<Actor> CreateAsync(ActorType type, string marker, string? idempotencyKey = null)
    {
        var sample = Fixture.NewActor(type, marker);
        var result = await Connector.CreateActorAsync(Fixture.CreateContext(),
            new CreateActorRequest(type, idempotencyKey ?? Guid.NewGuid().ToString("N"), sample.Fields, sample.ParentKey), Ct);
        result.IsOk.ShouldBeTrue($"creating a {type} failed: {result.Error?.Code} {result.Error?.Message} {result.Error?.Detail}");
        result.Value.Key.ShouldNotBeNullOrWhiteSpace();
        result.Value.Type.ShouldBe(type);
        return result.Value;
    }

    /// <summary>Reads the change feed from <paramref name="cursor"/> until it has no more pages.</summary>
    protected async Task<List<ChangePage>> ReadAllPagesAsync(ActorType type, string? cursor, int pageSize)
    {
        var pages = new List<ChangePage>();
        for (var i = 0; i < 10_000; i++)
        {
            var result = await Connector.ReadChangesAsync(Fixture.CreateContext(), new ReadChangesRequest(type, cursor, [], pageSize), Ct);
            result.IsOk.ShouldBeTrue($"reading changes failed: {result.Error?.Message}");
            var page = result.Value;
            (page.Actors.Count + page.Tombstones.Count).ShouldBeLessThanOrEqualTo(pageSize, "a page holds at most PageSize actors plus tombstones");
            pages.Add(page);
            if (!page.HasMore)
            {
                page.NextCursor.ShouldNotBeNull("the last page still carries a cursor to poll from");
                return pages;
            }

            page.NextCursor.ShouldNotBeNull();
            cursor = page.NextCursor;
        }

        throw new InvalidOperationException("The change feed did not end after 10,000 pages.");
    }

    /// <summary>The cursor after everything the feed holds now: the place a poll continues from.</summary>
    protected async Task<string?> EndCursorAsync(ActorType type) => (await ReadAllPagesAsync(type, null, 1000))[^1].NextCursor;
}
