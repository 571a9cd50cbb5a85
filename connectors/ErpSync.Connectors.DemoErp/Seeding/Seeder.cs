using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>Fills a new demo ERP file: the demo user, administrations, lists and per administration a realistic customer base.</summary>
internal static class Seeder
{
    public const string DemoUser = "demo";
    public const string DemoPassword = "demo-erp";
    private const int Customers = 40;
    private const int Suppliers = 15;
    private const int Partners = 5;

    public static async Task SeedAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ErpDirectory.AddUserAsync(connection, transaction, DemoUser, DemoPassword, cancellationToken);
        foreach (var (code, name, country, currency) in SeedLists.Administrations)
        {
            await using var command = ActorWriter.Command(connection, transaction, "INSERT INTO administrations (code, name, country, currency) VALUES (@c, @n, @co, @cu)");
            command.Parameters.AddWithValue("@c", code);
            command.Parameters.AddWithValue("@n", name);
            command.Parameters.AddWithValue("@co", country);
            command.Parameters.AddWithValue("@cu", currency);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var sort = 0;
        foreach (var (list, key, english, dutch) in SeedLists.Items)
        {
            await using var command = ActorWriter.Command(connection, transaction, "INSERT INTO list_items (list_name, key, text, text_nl, sort) VALUES (@l, @k, @t, @n, @s)");
            command.Parameters.AddWithValue("@l", list);
            command.Parameters.AddWithValue("@k", key);
            command.Parameters.AddWithValue("@t", english);
            command.Parameters.AddWithValue("@n", dutch);
            command.Parameters.AddWithValue("@s", sort++);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < SeedLists.Administrations.Length; i++)
        {
            var (code, _, country, _) = SeedLists.Administrations[i];
            await SeedAdministrationAsync(connection, transaction, code, CountryProfiles.Get(country), new Random(4711 + i), now, cancellationToken);
        }

        await using var done = ActorWriter.Command(connection, transaction, "UPDATE meta SET value = 1 WHERE name = 'seeded'");
        await done.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SeedAdministrationAsync(SqliteConnection connection, SqliteTransaction transaction, string admin, CountryProfile home, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var factory = new CompanyFactory(random, home);
        var persons = new List<NewActor>();
        foreach (var (type, count) in new[] { (ActorType.Customer, Customers), (ActorType.Supplier, Suppliers), (ActorType.Partner, Partners) })
        {
            var companies = Enumerable.Range(0, count).Select(_ => factory.PickCountry()).Select(c => (Country: c, Made: factory.Company(type, c))).ToList();
            var keys = await ActorWriter.InsertManyAsync(connection, transaction, admin, type, companies.Select(c => new NewActor(c.Made.Values)).ToList(), now, cancellationToken);
            for (var i = 0; i < keys.Count; i++)
            {
                var people = factory.Next(1, 4);
                for (var p = 0; p < people; p++)
                {
                    persons.Add(new NewActor(factory.Person(companies[i].Country, companies[i].Made.Domain), keys[i], type));
                }
            }
        }

        await ActorWriter.InsertManyAsync(connection, transaction, admin, ActorType.Person, persons, now, cancellationToken);
        var domain = "demo-" + admin.ToLowerInvariant() + "." + home.Tld;
        var projects = SeedWords.Projects(home.Language).Select((p, i) => new NewActor(factory.Project(p.Name, p.Text, domain, i))).ToList();
        await ActorWriter.InsertManyAsync(connection, transaction, admin, ActorType.Project, projects, now, cancellationToken);
    }
}
