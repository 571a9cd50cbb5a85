using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// One connection's JSON-RPC calls. Every model call carries the context with the company (without it
/// company-dependent fields read as null). Failures are thrown as classified <see cref="TrytonException"/>s.
/// </summary>
internal sealed class TrytonClient(HttpClient http, SessionStore sessions, TrytonSettings settings, bool dutch = false)
{
    public TrytonSettings Settings => settings;

    /// <summary>Whether the caller reads Dutch: the connector's own messages follow it.</summary>
    public bool Dutch => dutch;

    public string T(string english, string dutchText) => Texts.T(dutch, english, dutchText);

    /// <summary>Calls <c>model.{model}.{method}</c> with <paramref name="args"/> and the connection's context.</summary>
    public Task<JsonElement> ModelAsync(string model, string method, JsonArray args, CancellationToken cancellationToken, JsonObject? context = null)
    {
        var ctx = context ?? [];
        ctx["language"] = "en";
        if (settings.Company is { } company)
        {
            ctx["company"] = company;
        }

        args.Add(ctx);
        return CallAsync($"model.{model}.{method}", args, cancellationToken);
    }

    /// <summary>An authenticated call: logs in when there is no session, and once more when Tryton refuses the session.</summary>
    public async Task<JsonElement> CallAsync(string method, JsonArray args, CancellationToken cancellationToken)
    {
        var body = Body(method, args);
        var header = sessions.Get(settings.LoginKey) ?? await LoginAsync(null, cancellationToken);
        var (status, result) = await PostAsync(settings.DatabaseUrl, body, header, cancellationToken);
        if (status == HttpStatusCode.Unauthorized)
        {
            // The session expired ([session] max_age) or was logged out: log in again, once.
            header = await LoginAsync(header, cancellationToken);
            (status, result) = await PostAsync(settings.DatabaseUrl, body, header, cancellationToken);
        }

        return status == HttpStatusCode.OK ? Result(result) : throw new TrytonException(ErrorClassifier.FromStatus(status, false, dutch));
    }

    /// <summary>A call on the server root, without database or session (<c>common.server.version</c>, <c>common.db.list</c>).</summary>
    public async Task<JsonElement> RootAsync(string method, CancellationToken cancellationToken)
    {
        var (status, result) = await PostAsync(settings.RootUrl, Body(method, []), null, cancellationToken);
        return status == HttpStatusCode.OK ? Result(result) : throw new TrytonException(ErrorClassifier.FromStatus(status, false, dutch));
    }

    /// <summary>
    /// Logs in, serialised per login so parallel calls share one new session. <paramref name="stale"/> is the header
    /// Tryton just refused; when another call has already replaced it, that session is used instead.
    /// </summary>
    public async Task<string> LoginAsync(string? stale, CancellationToken cancellationToken)
    {
        var gate = sessions.LoginGate(settings.LoginKey);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (sessions.Get(settings.LoginKey) is { } current && current != stale)
            {
                return current;
            }

            if (stale is not null)
            {
                sessions.Drop(settings.LoginKey, stale);
            }

            if (sessions.IsRefused(settings.LoginKey))
            {
                throw new TrytonException(new ConnectorError(ErrorCode.AuthenticationFailed,
                    T("Tryton refused this user name and password a few minutes ago; ErpSync does not try again yet, so the account is not locked.",
                        "Tryton weigerde deze gebruikersnaam en dit wachtwoord een paar minuten geleden; ErpSync probeert het nog niet opnieuw, zodat het account niet geblokkeerd raakt.")));
            }

            var args = new JsonArray(settings.User, new JsonObject { ["password"] = settings.Password }, "en");
            var (status, result) = await PostAsync(settings.DatabaseUrl, Body("common.db.login", args), null, cancellationToken);
            if (status == HttpStatusCode.Unauthorized)
            {
                sessions.Refused(settings.LoginKey);
            }

            if (status != HttpStatusCode.OK)
            {
                throw new TrytonException(ErrorClassifier.FromStatus(status, true, dutch));
            }

            var login = Result(result);
            var token = $"{settings.User}:{login[0].GetInt64()}:{login[1].GetString()}";
            var header = "Session " + Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
            sessions.Set(settings.LoginKey, header);
            return header;
        }
        finally
        {
            gate.Release();
        }
    }

    // The body must have exactly id, method and params: without "id" Tryton answers errors as bare HTTP statuses.
    private static string Body(string method, JsonArray args) => new JsonObject { ["id"] = 1, ["method"] = method, ["params"] = args }.ToJsonString();

    private JsonElement Result(JsonElement answer)
    {
        if (answer.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            throw new TrytonException(ErrorClassifier.FromRpcError(error, dutch));
        }

        return answer.TryGetProperty("result", out var result) ? result : default;
    }

    private async Task<(HttpStatusCode Status, JsonElement Answer)> PostAsync(Uri url, string body, string? session, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (session is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", session);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, default);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var document = await JsonDocument.ParseAsync(stream, default, timeout.Token);
            return (HttpStatusCode.OK, document.RootElement.Clone());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TrytonException(new ConnectorError(ErrorCode.Transient, T($"Tryton did not answer within {settings.Timeout.TotalSeconds:0} s.", $"Tryton antwoordde niet binnen {settings.Timeout.TotalSeconds:0} s.")));
        }
        catch (HttpRequestException e)
        {
            throw new TrytonException(new ConnectorError(ErrorCode.Unreachable, T($"Tryton at {settings.RootUrl} cannot be reached: {e.Message}", $"Tryton op {settings.RootUrl} is niet bereikbaar: {e.Message}")));
        }
        catch (JsonException e)
        {
            throw new TrytonException(new ConnectorError(ErrorCode.Transient, T("Tryton's answer is not JSON.", "Het antwoord van Tryton is geen JSON."), e.Message));
        }
    }
}
