using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Creates parties idempotently: the idempotency key is stored as an untyped party identifier
/// (<c>erpsync:&lt;key&gt;</c>) in the same transaction as the party, and searched for before creating again.
/// </summary>
internal static class ActorCreator
{
    public const string ReferencePrefix = "erpsync:";

    public static async Task<ConnectorResult<Actor>> CreateAsync(TrytonClient client, CreateActorRequest request, CancellationToken ct)
    {
        var settings = client.Settings;
        var reference = ReferencePrefix + request.IdempotencyKey;
        var earlier = await client.ModelAsync("party.party", "search",
            [new JsonArray(new JsonArray("identifiers.code", "=", reference)), 0, 1, null], ct, PartyReader.AllRecords);
        if (TrytonJson.ReadIds(earlier) is [var existingId, ..])
        {
            return await ReadBackAsync(client, existingId, request, ct);
        }

        if (FieldValues.IsEmpty(request.Fields.GetValueOrDefault(PartyFields.Name)))
        {
            return Invalid(PartyFields.Name, client.T("A name is required.", "Een naam is verplicht."));
        }

        var codes = new CodeLookup(client);
        var (values, problems) = await new PartyWriter(codes, client.Dutch).BuildAsync(request.ActorType, request.Fields, null, ct);
        if (problems.Count > 0)
        {
            return new ConnectorError(ErrorCode.Validation, string.Join(" ", problems.Values), FieldErrors: problems);
        }

        var identifiers = values["identifiers"] as JsonArray ?? [];
        identifiers.Add(new JsonArray("create", new JsonArray(new JsonObject { ["code"] = reference })));
        values["identifiers"] = identifiers;
        if (request.ActorType == ActorType.Person)
        {
            if (request.ParentKey is null || TrytonJson.ParseKey(request.ParentKey) is not { } parent)
            {
                return new ConnectorError(ErrorCode.Validation, "A contact person needs the key of the party they belong to.");
            }

            values["relations"] = new JsonArray(new JsonArray("create", new JsonArray(new JsonObject { ["to"] = parent, ["type"] = settings.PersonRelation })));
        }
        else
        {
            var categories = Categories(request.ActorType, settings);
            if (categories is null)
            {
                return new ConnectorError(ErrorCode.InvalidConfiguration,
                    client.T("Choose the customer and supplier categories in the connection.", "Kies de klant- en leverancierscategorie in de verbinding."));
            }

            values["categories"] = new JsonArray(new JsonArray("add", categories));
        }

        var created = await client.ModelAsync("party.party", "create", [new JsonArray(values)], ct);
        return await ReadBackAsync(client, TrytonJson.ReadIds(created)[0], request, ct);
    }

    private static JsonArray? Categories(ActorType type, TrytonSettings settings) => (type, settings.CustomerCategory, settings.SupplierCategory) switch
    {
        (ActorType.Customer, { } c, _) => [c],
        (ActorType.Supplier, _, { } s) => [s],
        (ActorType.Partner, { } c, { } s) => [c, s],
        _ => null,
    };

    private static async Task<ConnectorResult<Actor>> ReadBackAsync(TrytonClient client, long id, CreateActorRequest request, CancellationToken ct)
    {
        var parties = await PartyReader.ReadAsync(client, [id], client.Settings.PersonRelation, ct);
        var codes = new CodeLookup(client);
        await ActorMapper.LoadCodesAsync(codes, parties.Values, ct);
        return ActorMapper.ToActor(parties[id], request.ActorType, [], codes);
    }

    private static ConnectorError Invalid(string field, string message) =>
        new(ErrorCode.Validation, message, FieldErrors: new Dictionary<string, string> { [field] = message });
}
