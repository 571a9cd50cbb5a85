using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using ErpSync.Connectors.Remote;

namespace ErpSync.Connectors.Hosting;

/// <summary>
/// The OpenAPI 3.1 document of the remote connector protocol, generated from the SDK records' source-generated
/// JSON metadata, so the description cannot drift from the wire format. A copy is checked in as
/// <c>docs/connector-protocol.openapi.json</c> (a test keeps the two equal).
/// </summary>
public static class ConnectorProtocolDocument
{
    private static readonly Lazy<string> Document = new(Build);

    /// <summary>The document as indented JSON.</summary>
    public static string Json => Document.Value;

    private static string Build()
    {
        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var verb in ConnectorVerbs.All)
        {
            paths[RemoteVerbs.PathOf(verb.Name)] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = verb.Name,
                    ["summary"] = verb.Summary,
                    ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content(Reference(schemas, verb.RequestType)) },
                    ["responses"] = new JsonObject
                    {
                        ["200"] = Response("The connector's result: `value` on success, `error` (a ConnectorError) on failure.", Reference(schemas, verb.ResponseType)),
                        ["400"] = Response("The body does not fit the call.", Reference(schemas, ConnectorJsonContext.Default.ConnectorResult)),
                        ["401"] = Response("Missing or wrong signature, timestamp outside the window, or a replay.", Reference(schemas, ConnectorJsonContext.Default.ConnectorResult)),
                    },
                },
            };
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ErpSync remote connector protocol",
                ["version"] = "1",
                ["description"] = Description,
            },
            ["security"] = new JsonArray(new JsonObject { ["timestamp"] = new JsonArray(), ["nonce"] = new JsonArray(), ["signature"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["timestamp"] = Header(RequestSignature.TimestampHeader, "Request time in Unix seconds; refused when more than 5 minutes from the receiver's clock."),
                    ["nonce"] = Header(RequestSignature.NonceHeader, "A value unique to the request (1-64 characters of [A-Za-z0-9-_]); accepted once."),
                    ["signature"] = Header(RequestSignature.SignatureHeader, "`v1=` + lower-case hex HMAC-SHA256 of the string to sign (see the description)."),
                },
                ["schemas"] = schemas,
            },
        };
        // Relaxed escaping keeps the description readable; the document is served as JSON, never embedded in HTML.
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private const string Description =
        "One `POST /v1/<verb>` per connector contract method. Request bodies carry the `context` (connection id, " +
        "configuration with secrets decrypted, culture) and the method's `arguments`; responses are ConnectorResult " +
        "records. Every request is signed: string to sign = METHOD + \"\\n\" + path (`/v1/<verb>`, without any base path) " +
        "+ \"\\n\" + timestamp (Unix seconds, as in X-ErpSync-Timestamp) + \"\\n\" + nonce (X-ErpSync-Nonce, unique per request) " +
        "+ \"\\n\" + lower-case hex SHA-256 of the raw body; " +
        "X-ErpSync-Signature = \"v1=\" + lower-case hex HMAC-SHA256(key = UTF-8 shared secret, message = UTF-8 string to sign). " +
        "A nonce is accepted once within the window (replays are refused).";

    private static JsonObject Reference(JsonObject schemas, JsonTypeInfo type)
    {
        var name = SchemaName(type.Type);
        if (!schemas.ContainsKey(name))
        {
            var schema = JsonSchemaExporter.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            Rebase(schema, "#/components/schemas/" + name + "/");
            schemas[name] = schema;
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    // The exporter points repeated types at their first place with refs relative to its own root; inside
    // components that root is the schema's entry, so the refs are rewritten to stay valid.
    private static void Rebase(JsonNode? node, string root)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith("#/", StringComparison.Ordinal))
                {
                    obj["$ref"] = root + target[2..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Rebase(child, root);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rebase(child, root);
                }

                break;
        }
    }

    private static string SchemaName(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaName))
        : type.Name;

    private static JsonObject Content(JsonObject schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Response(string description, JsonObject schema) => new() { ["description"] = description, ["content"] = Content(schema) };

    private static JsonObject Header(string name, string description) =>
        new() { ["type"] = "apiKey", ["in"] = "header", ["name"] = name, ["description"] = description };
}
