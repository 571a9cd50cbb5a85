using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>The ERP's own directory: users, administrations and lists.</summary>
internal static class ErpDirectory
{
    private const int Iterations = 10_000;

    /// <summary>A deterministic per-user salt keeps seeded files identical between runs; fine for a demo ERP.</summary>
    public static byte[] Salt(string userName) => SHA256.HashData(Encoding.UTF8.GetBytes("ErpSync.DemoErp:" + userName.ToUpperInvariant()));

    public static byte[] Hash(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);

    public static async Task AddUserAsync(SqliteConnection connection, SqliteTransaction transaction, string userName, string password, CancellationToken cancellationToken)
    {
        var salt = Salt(userName);
        await using var command = ActorWriter.Command(connection, transaction, "INSERT INTO users (user_name, salt, hash, iterations) VALUES (@u, @s, @h, @i)");
        command.Parameters.AddWithValue("@u", userName);
        command.Parameters.AddWithValue("@s", salt);
        command.Parameters.AddWithValue("@h", Hash(password, salt, Iterations));
        command.Parameters.AddWithValue("@i", Iterations);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<bool> VerifyUserAsync(SqliteConnection connection, string userName, string password, CancellationToken cancellationToken)
    {
        await using var command = ActorWriter.Command(connection, null, "SELECT salt, hash, iterations FROM users WHERE user_name = @u");
        command.Parameters.AddWithValue("@u", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        var salt = (byte[])reader.GetValue(0);
        var expected = (byte[])reader.GetValue(1);
        return CryptographicOperations.FixedTimeEquals(Hash(password, salt, reader.GetInt32(2)), expected);
    }

    /// <summary>The items of a list; administrations come from their own table.</summary>
    public static async Task<List<ListItem>> ListAsync(SqliteConnection connection, string listName, bool dutch, CancellationToken cancellationToken)
    {
        var isAdministrations = string.Equals(listName, ListNames.Administrations, StringComparison.OrdinalIgnoreCase);
        await using var command = ActorWriter.Command(connection, null, isAdministrations
            ? "SELECT code, name, country || ' · ' || currency FROM administrations ORDER BY code"
            : $"SELECT key, {(dutch ? "text_nl" : "text")}, NULL FROM list_items WHERE list_name = @list ORDER BY sort, key");
        command.Parameters.AddWithValue("@list", listName.ToLowerInvariant());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<ListItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ListItem(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return items;
    }

    /// <summary>Whether <paramref name="key"/> is an item of <paramref name="listName"/>; keys are case-sensitive.</summary>
    public static async Task<bool> ListHasKeyAsync(SqliteConnection connection, SqliteTransaction? transaction, string listName, string key, CancellationToken cancellationToken)
    {
        await using var command = ActorWriter.Command(connection, transaction, "SELECT 1 FROM list_items WHERE list_name = @list AND key = @key");
        command.Parameters.AddWithValue("@list", listName);
        command.Parameters.AddWithValue("@key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
