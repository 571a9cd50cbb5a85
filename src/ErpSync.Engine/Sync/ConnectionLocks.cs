using System.Collections.Concurrent;
using Npgsql;

namespace ErpSync.Engine.Sync;

/// <summary>
/// One sync of a connection at a time, whoever starts it (scheduler, "Sync now" on a record, an administrator's retry).
/// In one process a semaphore per connection; on PostgreSQL also a session advisory lock, so the rule holds across
/// the nodes of a cluster.
/// </summary>
public sealed class ConnectionLocks(ErpSyncOptions options)
{
    // "ERPS" in the high bits keeps our advisory locks apart from anyone else's on the same database.
    private const long Namespace = 0x45525053L << 32;
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _local = new();

    public async Task<IAsyncDisposable> AcquireAsync(int connectionId, CancellationToken cancellationToken)
    {
        var gate = _local.GetOrAdd(connectionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        if (!options.UsePostgres)
        {
            return new Lease(gate, null, 0);
        }

        NpgsqlConnection? connection = null;
        try
        {
            connection = new NpgsqlConnection(options.ResolvedConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Namespace | (uint)connectionId);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Lease(gate, connection, Namespace | (uint)connectionId);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            gate.Release();
            throw;
        }
    }

    private sealed class Lease(SemaphoreSlim gate, NpgsqlConnection? connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection is not null)
                {
                    await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                    command.Parameters.AddWithValue("key", key);
                    await command.ExecuteNonQueryAsync();
                    await connection.DisposeAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
