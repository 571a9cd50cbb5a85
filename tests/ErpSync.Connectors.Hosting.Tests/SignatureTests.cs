using System.Globalization;
using System.Net;
using System.Text;
using ErpSync.Connectors.Remote;
using ErpSync.Engine.Connectors.Remote;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>Only requests signed with the shared secret, in the time window and seen once, reach the connector.</summary>
public sealed class SignatureTests(DemoErpRemote erp) : IClassFixture<DemoErpRemote>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly byte[] InfoBody = Encoding.UTF8.GetBytes("""{"context":{"connectionId":"00000000-0000-0000-0000-000000000000","configuration":{},"culture":"en"}}""");

    private Task<HttpResponseMessage> PostInfoAsync(long? timestamp, string? signature, string nonce = Nonce)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(erp.BaseUrl, "v1/info")) { Content = new ByteArrayContent(InfoBody) };
        if (timestamp is { } t)
        {
            request.Headers.Add(RequestSignature.TimestampHeader, t.ToString(CultureInfo.InvariantCulture));
        }

        request.Headers.Add(RequestSignature.NonceHeader, nonce);
        if (signature is not null)
        {
            request.Headers.Add(RequestSignature.SignatureHeader, signature);
        }

        return erp.Http.SendAsync(request, Ct);
    }

    private const string Nonce = "fixed-nonce";

    private static string Sign(string secret, string path, long timestamp, string nonce = Nonce) => RequestSignature.Compute(secret, "POST", path, timestamp, nonce, InfoBody);

    private static long Now => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task RightSignature_Accepted_SameRequestAgain_RefusedAsReplay_SameBodyWithNewNonce_Accepted()
    {
        var timestamp = Now;
        var nonce = RequestSignature.NewNonce();
        var signature = Sign(DemoErpRemote.Secret, "/v1/info", timestamp, nonce);
        var other = RequestSignature.NewNonce();

        var first = await PostInfoAsync(timestamp, signature, nonce);
        var replay = await PostInfoAsync(timestamp, signature, nonce);
        var again = await PostInfoAsync(timestamp, Sign(DemoErpRemote.Secret, "/v1/info", timestamp, other), other);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync(Ct)).ShouldContain("ErpSync.DemoErp");
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.Content.ReadAsStringAsync(Ct)).ShouldContain("replay");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MissingOrWrongSignature_401()
    {
        var unsigned = await PostInfoAsync(null, null);
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unsigned.Content.ReadAsStringAsync(Ct)).ShouldContain("\"code\":\"AuthenticationFailed\"");
        (await PostInfoAsync(null, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostInfoAsync(Now, Sign("other-secret", "/v1/info", Now, RequestSignature.NewNonce()))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostInfoAsync(Now, Sign(DemoErpRemote.Secret, "/v1/test", Now, RequestSignature.NewNonce()))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TimestampOutsideWindow_401()
    {
        var old = Now - 301;
        var future = Now + 301;

        var oldResponse = await PostInfoAsync(old, Sign(DemoErpRemote.Secret, "/v1/info", old, "old"), "old");
        var futureResponse = await PostInfoAsync(future, Sign(DemoErpRemote.Secret, "/v1/info", future, "future"), "future");

        oldResponse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await oldResponse.Content.ReadAsStringAsync(Ct)).ShouldContain("window");
        futureResponse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongSecret_RemoteConnector_AuthenticationFailed()
    {
        var result = await RemoteConnector.ConnectAsync(erp.Http, new RemoteEndpoint(erp.BaseUrl, "wrong-secret", TimeSpan.FromSeconds(5)), TimeProvider.System, Ct);

        result.Error!.Code.ShouldBe(ErrorCode.AuthenticationFailed);
        result.Error.IsRetryable.ShouldBeFalse();
    }

    [Fact]
    public void WorkedExampleOfTheDocs_Matches()
    {
        var body = Encoding.UTF8.GetBytes("""{"context":{"connectionId":"00000000-0000-0000-0000-000000000000","configuration":{},"culture":"en"}}""");

        RequestSignature.StringToSign("POST", "/v1/info", 1767225600, "3f2a9c1e0b7d4e6f", body)
            .ShouldBe("POST\n/v1/info\n1767225600\n3f2a9c1e0b7d4e6f\n14a52d7c57b5fa031e67f611e29cefaea74c676c4809f7f39157d4f092373646");
        RequestSignature.Compute("s3cret", "POST", "/v1/info", 1767225600, "3f2a9c1e0b7d4e6f", body).ShouldBe("v1=6e2536672419438ebace492c81803d1d4205b7aaa4c1d6bac5996a2380236d0c");
    }
}
