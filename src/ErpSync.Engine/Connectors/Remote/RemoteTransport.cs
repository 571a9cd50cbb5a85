using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ErpSync.Connectors;
using ErpSync.Connectors.Remote;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connectors.Remote;

/// <summary>
/// Signs and sends one protocol call and maps every transport failure to a <see cref="ConnectorError"/>, so the
/// engine's error classes (retry, pause, back off) apply to remote connectors exactly as to built-in ones.
/// </summary>
internal sealed class RemoteTransport(HttpClient http, RemoteEndpoint endpoint, TimeProvider time)
{
    public async Task<ConnectorResult<T>> CallAsync<TRequest, T>(string verb, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<ConnectorResult<T>> resultType, CancellationToken cancellationToken)
    {
        var (body, error) = await SendAsync(verb, JsonSerializer.SerializeToUtf8Bytes(request, requestType), cancellationToken);
        return error is not null ? new ConnectorResult<T>(default, error) : Read(body!, resultType) ?? new ConnectorResult<T>(default, Garbled(verb));
    }

    public async Task<ConnectorResult> CallAsync(string verb, RemoteRequest request, CancellationToken cancellationToken)
    {
        var (body, error) = await SendAsync(verb, JsonSerializer.SerializeToUtf8Bytes(request, ConnectorJsonContext.Default.RemoteRequest), cancellationToken);
        return error is not null ? new ConnectorResult(error) : Read(body!, ConnectorJsonContext.Default.ConnectorResult) ?? new ConnectorResult(Garbled(verb));
    }

    private async Task<(byte[]? Body, ConnectorError? Error)> SendAsync(string verb, byte[] body, CancellationToken cancellationToken)
    {
        var path = RemoteVerbs.PathOf(verb);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.UrlOf(path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        var nonce = RequestSignature.NewNonce();
        request.Headers.Add(RequestSignature.NonceHeader, nonce);
        request.Headers.Add(RequestSignature.SignatureHeader, RequestSignature.Compute(endpoint.Secret, "POST", path, timestamp, nonce, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(endpoint.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var answer = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.OK or HttpStatusCode.BadRequest => (answer, null),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (null, new ConnectorError(ErrorCode.AuthenticationFailed,
                    T("The remote connector refused the request signature: check the shared secret and the clocks.",
                      "De externe connector weigerde de handtekening van het verzoek: controleer het gedeelde geheim en de klokken."),
                    Read(answer, ConnectorJsonContext.Default.ConnectorResult)?.Error?.Message)),
                HttpStatusCode.TooManyRequests => (null, new ConnectorError(ErrorCode.RateLimited,
                    T("The remote connector asks to slow down.", "De externe connector vraagt om minder verzoeken."), RetryAfter: RetryAfter(response.Headers.RetryAfter))),
                _ => (null, new ConnectorError(ErrorCode.Transient,
                    T($"The remote connector answered HTTP {(int)response.StatusCode}.", $"De externe connector antwoordde HTTP {(int)response.StatusCode}."), $"{verb}: {response.ReasonPhrase}")),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new ConnectorError(ErrorCode.Transient,
                T($"The remote connector did not answer within {endpoint.Timeout.TotalSeconds:0.#} seconds.", $"De externe connector antwoordde niet binnen {endpoint.Timeout.TotalSeconds:0.#} seconden."), verb));
        }
        catch (HttpRequestException e)
        {
            return (null, new ConnectorError(ErrorCode.Unreachable,
                T($"The remote connector at {endpoint.BaseUrl} cannot be reached.", $"De externe connector op {endpoint.BaseUrl} is niet bereikbaar."), e.Message));
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? (date - time.GetUtcNow()).Duration() : null);

    private static TResult? Read<TResult>(byte[] body, JsonTypeInfo<TResult> type) where TResult : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ConnectorError Garbled(string verb) => new(ErrorCode.Unknown,
        T("The remote connector answered with something that is not a protocol result.", "De externe connector antwoordde met iets dat geen protocolresultaat is."), verb);
}
