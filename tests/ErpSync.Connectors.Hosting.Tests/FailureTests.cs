using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ErpSync.Engine.Connectors.Remote;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>Every way a remote call can fail ends as a ConnectorError the engine's error classes understand.</summary>
public sealed class FailureTests
{
    private const string Secret = "failure-secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> ActorTypesThroughAsync(StubConnector connector, TimeSpan timeout, Task? keepHostUntil = null)
    {
        await using var host = await RemoteHost.StartAsync(connector, Secret);
        using var http = new HttpClient();
        var remote = (await RemoteConnector.ConnectAsync(http, new RemoteEndpoint(host.BaseUrl, Secret, timeout), TimeProvider.System, Ct)).GetValueOrThrow();
        var result = await remote.GetActorTypesAsync(ConnectorContext.Empty(), Ct);
        if (keepHostUntil is not null)
        {
            // Stopping the host would cancel the call too; wait (bounded) for what the test observes first.
            await Task.WhenAny(keepHostUntil, Task.Delay(TimeSpan.FromSeconds(5), Ct));
        }

        return result;
    }

    [Fact]
    public async Task SlowConnector_ClientTimeout_TransientWithinTheTimeout()
    {
        var watch = Stopwatch.StartNew();

        var result = await ActorTypesThroughAsync(new StubConnector(async ct =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
            return ConnectorResults.Ok<IReadOnlyList<ActorTypeInfo>>([]);
        }), TimeSpan.FromMilliseconds(500));

        result.Error!.Code.ShouldBe(ErrorCode.Transient);
        result.Error.IsRetryable.ShouldBeTrue();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SlowConnector_ClientTimeout_ConnectorCallIsCancelledOnTheHost()
    {
        // A client that gave up must not leave the ERP call running on the host: the engine retries, and the calls would pile up.
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = await ActorTypesThroughAsync(new StubConnector(async ct =>
        {
            using var registration = ct.Register(cancelled.SetResult);
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
            return ConnectorResults.Ok<IReadOnlyList<ActorTypeInfo>>([]);
        }), TimeSpan.FromMilliseconds(300), keepHostUntil: cancelled.Task);

        result.Error!.Code.ShouldBe(ErrorCode.Transient);
        cancelled.Task.IsCompletedSuccessfully.ShouldBeTrue("the host cancelled the connector call when the client went away");
    }

    [Fact]
    public async Task ConnectorThrows_ConnectorErrorWithoutStackTrace()
    {
        var result = await ActorTypesThroughAsync(new StubConnector(_ => throw new InvalidOperationException("secret internals at line 42")), TimeSpan.FromSeconds(10));

        result.Error!.Code.ShouldBe(ErrorCode.Unknown);
        result.Error.Message.ShouldBe("The connector failed unexpectedly.");
        result.Error.Detail.ShouldBe(nameof(InvalidOperationException));
    }

    [Fact]
    public async Task NothingListening_Unreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();

        var result = await RemoteConnector.ConnectAsync(http, new RemoteEndpoint(new Uri($"http://127.0.0.1:{port}/"), Secret, TimeSpan.FromSeconds(5)), TimeProvider.System, Ct);

        result.Error!.Code.ShouldBe(ErrorCode.Unreachable);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, ErrorCode.RateLimited)]
    [InlineData(HttpStatusCode.Unauthorized, ErrorCode.AuthenticationFailed)]
    [InlineData(HttpStatusCode.BadGateway, ErrorCode.Transient)]
    public async Task HttpStatus_MapsToErrorClass(HttpStatusCode status, ErrorCode expected)
    {
        using var http = new HttpClient(new FixedAnswer(status));
        var info = new ConnectorInfo("x", "x", "1", ConnectorCapabilities.None);
        var remote = new RemoteConnector(http, new RemoteEndpoint(new Uri("http://127.0.0.1:9/"), Secret, TimeSpan.FromSeconds(5)), info, TimeProvider.System);

        var result = await remote.GetActorTypesAsync(ConnectorContext.Empty(), Ct);

        result.Error!.Code.ShouldBe(expected);
        if (expected == ErrorCode.RateLimited)
        {
            result.Error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(17));
        }
    }

    [Fact]
    public async Task CapabilityNotAnnounced_NotSupportedWithoutACall()
    {
        using var http = new HttpClient(new FixedAnswer(HttpStatusCode.InternalServerError));
        var remote = new RemoteConnector(http, new RemoteEndpoint(new Uri("http://127.0.0.1:9/"), Secret, TimeSpan.FromSeconds(5)),
            new ConnectorInfo("x", "x", "1", ConnectorCapabilities.None), TimeProvider.System);

        (await remote.GetListAsync(ConnectorContext.Empty(), "countries", Ct)).Error!.Code.ShouldBe(ErrorCode.NotSupported);
        (await remote.SearchAsync(ConnectorContext.Empty(), new SearchRequest(ActorType.Customer, "", [], new PageRequest()), Ct)).Error!.Code.ShouldBe(ErrorCode.NotSupported);
    }

    private sealed class FixedAnswer(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(17));
            return Task.FromResult(response);
        }
    }
}
