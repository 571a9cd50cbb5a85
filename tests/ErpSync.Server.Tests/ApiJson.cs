using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpSync.Server.Tests;

/// <summary>Reads API responses the way the server writes them (camelCase, enums as strings).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(Options, TestContext.Current.CancellationToken);
        return value ?? throw new InvalidOperationException("The response body was empty.");
    }

    /// <summary>The per-field messages of a validation problem (RFC 7807 <c>errors</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ReadFieldErrorsAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadAsync<ValidationProblem>();
        return problem.Errors ?? new Dictionary<string, string[]>();
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string uri, T body) =>
        client.PostAsJsonAsync(uri, body, Options, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string uri, T body) =>
        client.PutAsJsonAsync(uri, body, Options, TestContext.Current.CancellationToken);

    public sealed record ValidationProblem(string? Title, int? Status, Dictionary<string, string[]>? Errors);
}
