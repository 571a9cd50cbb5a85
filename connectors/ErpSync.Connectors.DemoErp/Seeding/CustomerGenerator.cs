using System.Globalization;

namespace ErpSync.Connectors.DemoErp;

/// <summary>Bulk-creates synthetic customers for scale tests, in one transaction.</summary>
internal static class CustomerGenerator
{
    public static async Task<IReadOnlyList<string>> GenerateAsync(DemoErpDatabase database, string admin, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using (var check = ActorWriter.Command(connection, transaction, "SELECT country FROM administrations WHERE code = @code"))
        {
            check.Parameters.AddWithValue("@code", admin);
            if (await check.ExecuteScalarAsync(cancellationToken) is not string country)
            {
                throw new KeyNotFoundException($"No administration '{admin}'.");
            }

            // Seeded from the count already there, so repeated calls make different but reproducible customers.
            var existing = await database.CountAsync(admin, ActorType.Customer, cancellationToken);
            var factory = new CompanyFactory(new Random(existing + count), CountryProfiles.Get(country));
            var actors = Enumerable.Range(0, count)
                .Select(i => new NewActor(factory.Company(ActorType.Customer, factory.PickCountry(), " #" + (existing + i + 1).ToString("D6", CultureInfo.InvariantCulture)).Values))
                .ToList();
            var keys = await ActorWriter.InsertManyAsync(connection, transaction, admin, ActorType.Customer, actors, database.TimeProvider.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return keys;
        }
    }
}
