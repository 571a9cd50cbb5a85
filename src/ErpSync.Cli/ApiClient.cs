using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ErpSync.Cli;

/// <summary>Exit codes scripts can rely on (README "Command line").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int AuthOrConnection = 3;
}

/// <summary>An error that ends the command with a given exit code and message.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The server's REST API with a personal API token; maps HTTP failures onto the exit codes.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(string? server, string? token)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new CliException(ExitCodes.Usage, "No server given: use --server URL or set ERPSYNC_SERVER (or --database for direct-database mode).");
        }

        if (!Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new CliException(ExitCodes.Usage, $"Not a server URL: {server}");
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliException(ExitCodes.AuthOrConnection, "No API token given: use --token or set ERPSYNC_TOKEN (create one under Profile → API tokens).");
        }

        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return await ReadAsync<T>(response, ct);
    }

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    public async Task PostAsync(string path, object? body, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: CliJson.Options) }, ct);
    }

    public async Task<T> PostAsync<T>(string path, object? body, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: CliJson.Options) }, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            using (request)
            {
                response = await _http.SendAsync(request, ct);
            }
        }
        catch (HttpRequestException ex)
        {
            throw new CliException(ExitCodes.AuthOrConnection, $"Cannot reach the server at {_http.BaseAddress}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.AuthOrConnection, $"The server at {_http.BaseAddress} did not answer in time.");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.Unauthorized || status is >= 300 and < 400)
            {
                throw new CliException(ExitCodes.AuthOrConnection, "The server refused the API token (401): check --token / ERPSYNC_TOKEN.");
            }

            if (response.StatusCode is HttpStatusCode.Forbidden)
            {
                throw new CliException(ExitCodes.AuthOrConnection, "The API token's user is not an administrator (403).");
            }

            throw new CliException(ExitCodes.Failed, $"{(int)response.StatusCode} {response.ReasonPhrase}: {await ProblemAsync(response, ct)}");
        }
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    parts.Add(value.GetString()!);
                }
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")));
            }

            return parts.Count > 0 ? string.Join(" ", parts.Distinct()) : text;
        }
        catch (JsonException)
        {
            return text.Length > 500 ? text[..500] : text;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(CliJson.Options, ct) ?? throw new CliException(ExitCodes.Failed, "The server sent an empty answer.");
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.Failed, $"The server's answer was not understood: {ex.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}
