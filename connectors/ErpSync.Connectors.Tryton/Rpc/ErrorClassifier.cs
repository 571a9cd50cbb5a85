using System.Net;
using System.Text.Json;

namespace ErpSync.Connectors.Tryton;

/// <summary>Maps Tryton's HTTP statuses and JSON-RPC error arrays to the SDK's error codes (pure).</summary>
internal static class ErrorClassifier
{
    /// <summary>Tryton embeds field definitions in domain errors (~20 KB); logs get the start only.</summary>
    public const int MaxDetail = 1000;

    /// <summary>How long a locked login stays locked: Tryton counts failures over [session] timeout = 300 s.</summary>
    public static readonly TimeSpan LoginLockout = TimeSpan.FromMinutes(5);

    public static ConnectorError FromStatus(HttpStatusCode status, bool isLogin, bool dutch = false) => status switch
    {
        HttpStatusCode.Unauthorized => new(ErrorCode.AuthenticationFailed, isLogin
            ? Texts.T(dutch, "Tryton refused the user name or password.", "Tryton weigerde de gebruikersnaam of het wachtwoord.")
            : Texts.T(dutch, "Tryton refused the session, also after a new login.", "Tryton weigerde de sessie, ook na opnieuw inloggen.")),
        HttpStatusCode.TooManyRequests => new(ErrorCode.RateLimited,
            Texts.T(dutch, "Tryton locked the login after too many failed attempts; it opens again after 5 minutes.",
                "Tryton heeft de login geblokkeerd na te veel mislukte pogingen; na 5 minuten kan het weer."), RetryAfter: LoginLockout),
        HttpStatusCode.Forbidden => new(ErrorCode.Forbidden, Texts.T(dutch, "Tryton does not allow this call for the user.", "Tryton staat deze aanroep voor de gebruiker niet toe.")),
        HttpStatusCode.NotFound => new(ErrorCode.InvalidConfiguration,
            Texts.T(dutch, "The Tryton server URL does not answer JSON-RPC (HTTP 404).", "De URL van de Tryton-server beantwoordt geen JSON-RPC (HTTP 404).")),
        _ => new(ErrorCode.Transient, Texts.T(dutch, $"Tryton answered HTTP {(int)status}.", $"Tryton antwoordde met HTTP {(int)status}.")),
    };

    /// <summary>Classifies the <c>error</c> member of a JSON-RPC answer: <c>["UserError", [message, description, domain]]</c> and friends.</summary>
    /// <remarks>Tryton's own messages (validation) stay as Tryton wrote them: its language is the database's.</remarks>
    public static ConnectorError FromRpcError(JsonElement error, bool dutch = false)
    {
        var kind = error.ValueKind == JsonValueKind.Array && error.GetArrayLength() > 0 && error[0].ValueKind == JsonValueKind.String
            ? error[0].GetString()!
            : error.ToString();
        var detail = Truncate(error.GetRawText());
        var argument = error.ValueKind == JsonValueKind.Array && error.GetArrayLength() > 1 ? error[1] : default;
        var message = argument.ValueKind switch
        {
            JsonValueKind.Array when argument.GetArrayLength() > 0 && argument[0].ValueKind == JsonValueKind.String => argument[0].GetString()!,
            JsonValueKind.String => argument.GetString()!,
            _ => kind,
        };

        return kind switch
        {
            "UserError" when message.StartsWith("You are not allowed to", StringComparison.Ordinal) =>
                new(ErrorCode.Forbidden, Truncate(message), detail),
            "UserError" or "UserWarning" => new(ErrorCode.Validation, Truncate(message), detail),
            "ConcurrencyException" => new(ErrorCode.Conflict, Texts.T(dutch, "The record was changed in Tryton in the meantime.", "Het record is intussen in Tryton gewijzigd."), detail),
            _ when kind.StartsWith("Database ", StringComparison.Ordinal) && kind.EndsWith("doesn't exist!", StringComparison.Ordinal) =>
                new(ErrorCode.InvalidConfiguration, Texts.T(dutch, "The Tryton database does not exist.", "De Tryton-database bestaat niet."), detail),
            _ => new(ErrorCode.Transient, Texts.T(dutch, "Tryton could not complete the call: ", "Tryton kon de aanroep niet voltooien: ") + Truncate(kind, 200), detail),
        };
    }

    public static string Truncate(string text, int max = MaxDetail) => text.Length <= max ? text : text[..max] + "…";
}
