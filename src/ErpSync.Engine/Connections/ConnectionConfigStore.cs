using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Secrets;

namespace ErpSync.Engine.Connections;

/// <summary>Reads and writes a connection's configuration; password values only ever touch the database encrypted.</summary>
public sealed class ConnectionConfigStore(SecretProtector protector)
{
    public ConfigValues Read(Connection connection) => new(connection.ConfigValues.Select(v => new KeyValuePair<string, FieldValue?>(
        v.FieldKey,
        v.ProtectedValue is { } p ? FieldValue.Text(protector.Unprotect(p))
        : v.ValueJson is { } json ? JsonSerializer.Deserialize(json, ConnectorJsonContext.Default.FieldValue)
        : null)));

    /// <summary>Replaces the stored values with <paramref name="values"/>, encrypting password fields.</summary>
    public void Write(Connection connection, IReadOnlyList<FieldInfo> fields, ConfigValues values)
    {
        var secretKeys = fields.Where(f => f.Type == FieldType.Password).Select(f => f.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        connection.ConfigValues.Clear();
        foreach (var (key, value) in values)
        {
            if (FieldValues.IsEmpty(value))
            {
                continue;
            }

            var isSecret = secretKeys.Contains(key);
            connection.ConfigValues.Add(new ConnectionConfigValue
            {
                FieldKey = key,
                ProtectedValue = isSecret ? protector.Protect(value.ToInvariantString()) : null,
                ValueJson = isSecret ? null : JsonSerializer.Serialize(value, ConnectorJsonContext.Default.FieldValue),
            });
        }
    }

    public static IReadOnlyList<string> SecretsSet(Connection connection) =>
        connection.ConfigValues.Where(v => v.ProtectedValue is not null).Select(v => v.FieldKey).ToList();
}
