using System.Text.Json.Serialization.Metadata;

namespace ErpSync.Connectors.Hosting;

/// <summary>One <c>POST /v1/&lt;verb&gt;</c> of the protocol: its body and result types and the connector call behind it.</summary>
internal sealed record ConnectorVerb(
    string Name,
    string Summary,
    JsonTypeInfo RequestType,
    JsonTypeInfo ResponseType,
    Func<ISyncConnector, object, CancellationToken, ValueTask<object>> Invoke)
{
    public static ConnectorVerb Of<TRequest, TResponse>(
        string name,
        string summary,
        JsonTypeInfo<TRequest> request,
        JsonTypeInfo<TResponse> response,
        Func<ISyncConnector, TRequest, CancellationToken, ValueTask<TResponse>> call)
        where TResponse : notnull =>
        new(name, summary, request, response, async (connector, body, ct) => await call(connector, (TRequest)body, ct));
}
