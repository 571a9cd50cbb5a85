using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using ErpSync.Connectors.DemoErp;
using ErpSync.Connectors.Remote;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>Two instances of one connector with a shared nonce store: a request captured for one is refused by the other.</summary>
public sealed class SharedNonceStoreTests
{
    private const string Secret = "shared-store-secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] InfoBody = Encoding.UTF8.GetBytes("""{"context":{"connectionId":"00000000-0000-0000-0000-000000000000","configuration":{},"culture":"en"}}""");

    /// <summary>As a deployment would back it with a table's unique key: here one dictionary both hosts share.</summary>
    private sealed class SharedStore : INonceStore
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);

        public ValueTask<bool> TryUseAsync(string nonce, DateTimeOffset keepUntil, CancellationToken cancellationToken) => ValueTask.FromResult(_nonces.TryAdd(nonce, keepUntil));
    }

    private static HttpRequestMessage Signed(Uri baseUrl, long timestamp, string nonce)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v1/info")) { Content = new ByteArrayContent(InfoBody) };
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(RequestSignature.NonceHeader, nonce);
        request.Headers.Add(RequestSignature.SignatureHeader, RequestSignature.Compute(Secret, "POST", "/v1/info", timestamp, nonce, InfoBody));
        return request;
    }

    [Fact]
    public async Task AReplayToTheOtherInstance_IsRefused_WithTheSharedStore_AndAcceptedWithout()
    {
        var store = new SharedStore();
        await using var first = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), Secret, nonces: store);
        await using var second = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), Secret, nonces: store);
        await using var alone = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), Secret);
        using var http = new HttpClient();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var nonce = RequestSignature.NewNonce();

        var original = await http.SendAsync(Signed(first.BaseUrl, timestamp, nonce), Ct);
        var replayed = await http.SendAsync(Signed(second.BaseUrl, timestamp, nonce), Ct);
        var unshared = await http.SendAsync(Signed(alone.BaseUrl, timestamp, nonce), Ct);

        original.StatusCode.ShouldBe(HttpStatusCode.OK);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replayed.Content.ReadAsStringAsync(Ct)).ShouldContain("replay");
        unshared.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
