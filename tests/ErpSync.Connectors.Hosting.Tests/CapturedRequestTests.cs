using System.Net;
using ErpSync.Engine.Connectors.Remote;
using Microsoft.Extensions.Time.Testing;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>
/// A request the engine's RemoteConnector really sent, captured on the wire and sent again verbatim (the attack the
/// replay guard exists for): refused, and the connector is not called a second time.
/// </summary>
public sealed class CapturedRequestTests
{
    private const string Secret = "captured-secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CapturedCall_SentAgainVerbatim_RefusedAsReplay_ConnectorCalledOnce()
    {
        var calls = 0;
        await using var host = await RemoteHost.StartAsync(Counting(() => calls++), Secret);
        using var recorder = new Recorder();
        using var http = new HttpClient(recorder);
        var remote = (await RemoteConnector.ConnectAsync(http, new RemoteEndpoint(host.BaseUrl, Secret, TimeSpan.FromSeconds(10)), TimeProvider.System, Ct)).GetValueOrThrow();

        (await remote.GetActorTypesAsync(ConnectorContext.Empty(), Ct)).IsOk.ShouldBeTrue();
        using var replay = await http.SendAsync(recorder.Last!.Copy(), Ct);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldContain("replay");
        calls.ShouldBe(1);
        (await remote.GetActorTypesAsync(ConnectorContext.Empty(), Ct)).IsOk.ShouldBeTrue("the client's own next call carries a fresh nonce");
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task CapturedCall_SentAgainAfterTheNoncesArePruned_StillRefusedByTheTimestamp()
    {
        var calls = 0;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var host = await RemoteHost.StartAsync(Counting(() => calls++), Secret, time);
        using var recorder = new Recorder();
        using var http = new HttpClient(recorder);
        var remote = (await RemoteConnector.ConnectAsync(http, new RemoteEndpoint(host.BaseUrl, Secret, TimeSpan.FromSeconds(10)), time, Ct)).GetValueOrThrow();
        (await remote.GetActorTypesAsync(ConnectorContext.Empty(), Ct)).IsOk.ShouldBeTrue();
        var captured = recorder.Last!;

        // Past twice the 5-minute window the guard forgets the nonce; an unrelated call triggers the pruning.
        time.Advance(TimeSpan.FromMinutes(11));
        (await remote.GetActorTypesAsync(ConnectorContext.Empty(), Ct)).IsOk.ShouldBeTrue();
        using var replay = await http.SendAsync(captured.Copy(), Ct);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldContain("window");
        calls.ShouldBe(2);
    }

    private static StubConnector Counting(Action onCall) => new(_ =>
    {
        onCall();
        return Task.FromResult(ConnectorResults.Ok<IReadOnlyList<ActorTypeInfo>>([]));
    });

    /// <summary>Keeps the last request sent, bytes and headers, the way someone listening on the wire would.</summary>
    private sealed class Recorder() : DelegatingHandler(new HttpClientHandler())
    {
        public Captured? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Last = new Captured(request.RequestUri!, [.. request.Headers.Select(h => (h.Key, h.Value.ToArray()))], body);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed record Captured(Uri Url, IReadOnlyList<(string Name, string[] Values)> Headers, byte[] Body)
    {
        public HttpRequestMessage Copy()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(Body) };
            request.Content.Headers.ContentType = new("application/json");
            foreach (var (name, values) in Headers)
            {
                request.Headers.TryAddWithoutValidation(name, values);
            }

            return request;
        }
    }
}
