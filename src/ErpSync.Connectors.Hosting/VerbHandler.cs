using System.Text.Json;
using ErpSync.Connectors.Remote;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSync.Connectors.Hosting;

/// <summary>
/// Serves one verb: reads the raw body (the signature covers its exact bytes), checks the signature,
/// calls the connector and writes its result. Failures are always a <see cref="ConnectorResult"/> body,
/// never a stack trace.
/// </summary>
internal sealed class VerbHandler(ISyncConnector connector, ConnectorVerb verb, SignatureCheck signatures, int maxRequestBytes)
{
    private readonly string _path = RemoteVerbs.PathOf(verb.Name);

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxRequestBytes;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        if (await signatures.RefusalAsync(http.Request, _path, body) is { } refusal)
        {
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, new ConnectorError(ErrorCode.AuthenticationFailed, refusal));
            return;
        }

        object? request;
        try
        {
            request = JsonSerializer.Deserialize(body, verb.RequestType);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, new ConnectorError(ErrorCode.Validation, "The request body is not valid JSON for this call.", e.Message));
            return;
        }

        if (request is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, new ConnectorError(ErrorCode.Validation, "The request body is empty."));
            return;
        }

        object result;
        try
        {
            result = await verb.Invoke(connector, request, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Connectors should return errors as results; one that throws still must not leak its internals.
            http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<VerbHandler>()
                .LogError(e, "Connector {Connector} failed in {Verb}", connector.Info.Name, verb.Name);
            await WriteErrorAsync(http, StatusCodes.Status200OK, new ConnectorError(ErrorCode.Unknown, "The connector failed unexpectedly.", e.GetType().Name));
            return;
        }

        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, result, verb.ResponseType, ct);
    }

    private static async Task WriteErrorAsync(HttpContext http, int status, ConnectorError error)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, new ConnectorResult(error), ConnectorJsonContext.Default.ConnectorResult, http.RequestAborted);
    }
}
