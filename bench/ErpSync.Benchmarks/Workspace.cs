using System.Diagnostics;
using System.Globalization;
using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ErpSync.Benchmarks;

/// <summary>A CRM and a demo ERP with <see cref="Links"/> linked customers, ready in <see cref="Directory"/>.</summary>
internal sealed record Workspace(string Directory, int ConnectionId, int Links, TimeSpan Setup, string SetupKind);

/// <summary>
/// Builds the databases of a figure: N ERP customers (DemoErpDatabase.GenerateCustomersAsync), one active connection
/// mapping Customer to company through the real admin services, then N CRM companies and N links with their base
/// snapshots bulk-inserted with raw SQL in one transaction, and both cursors set to "now". The result is cached under
/// artifacts/bench/cache keyed by size, so re-runs only copy files.
/// </summary>
internal static partial class Workspaces
{
    public const string Admin = "NL01";
    private const string CacheVersion = "v1";
    private const int GenerateChunk = 50_000;

    /// <summary>The synced fields: ERP key, CRM field, ERP column and CRM column; all text, all both ways.</summary>
    private static readonly (string ErpKey, string CrmField, string ErpColumn, string CrmColumn)[] Fields =
    [
        ("NAME", "name", "name", "Name"),
        ("EMAIL", "email", "email", "Email"),
        ("PHONE", "phone", "phone", "Phone"),
        ("URL", "website", "url", "Website"),
        ("VATNO", "vatNumber", "vatno", "VatNumber"),
    ];

    /// <summary>The ERP field keys the bench mapping syncs (what the import reads from the connector).</summary>
    public static IReadOnlyList<string> ErpKeys => Fields.Select(f => f.ErpKey).ToList();

    /// <summary>A copy of the cached databases with <paramref name="links"/> links on the built-in demo ERP connector.</summary>
    public static async Task<Workspace> InProcessAsync(BenchOptions options, int links)
    {
        var name = $"links-{links}";
        var work = Path.Combine(options.Root, "artifacts", "bench", "work", name);
        var cache = Path.Combine(options.Root, "artifacts", "bench", "cache", $"{name}-{CacheVersion}");
        var marker = Path.Combine(cache, "connection-id");
        var clock = Stopwatch.StartNew();
        if (!options.Fresh && File.Exists(marker))
        {
            Copy(cache, work);
            var id = int.Parse(await File.ReadAllTextAsync(marker), CultureInfo.InvariantCulture);
            return new Workspace(work, id, links, clock.Elapsed, "copied from cache");
        }

        Console.WriteLine($"  building {links:N0} linked customers in {work} (cached for later runs) ...");
        var connectionId = await BuildAsync(work, links, async bench => (await bench.Get<ConnectorAdmin>().ListAsync(CancellationToken.None)).Single(c => c.Kind == ConnectorKind.BuiltIn).Id);
        var built = clock.Elapsed;
        Copy(work, cache);
        await File.WriteAllTextAsync(marker, connectionId.ToString(CultureInfo.InvariantCulture));
        return new Workspace(work, connectionId, links, built, "built");
    }

    /// <summary>Fresh databases with <paramref name="links"/> links whose connection uses a remote connector at <paramref name="url"/>.</summary>
    public static async Task<Workspace> RemoteAsync(BenchOptions options, int links, Uri url, string secret)
    {
        var work = Path.Combine(options.Root, "artifacts", "bench", "work", $"remote-{links}");
        var clock = Stopwatch.StartNew();
        var connectionId = await BuildAsync(work, links, async bench =>
            (await bench.Get<ConnectorAdmin>().AddRemoteAsync("Demo ERP over HTTP", url.ToString(), secret, CancellationToken.None)).Id);
        return new Workspace(work, connectionId, links, clock.Elapsed, "built (not cached: the URL changes per run)");
    }

    private static async Task<int> BuildAsync(string directory, int links, Func<BenchEngine, Task<int>> connector, bool link = true)
    {
        Reset(directory);
        var ct = CancellationToken.None;
        await using var bench = new BenchEngine(directory);
        await bench.Get<DatabaseInitializer>().InitializeAsync(TextWriter.Null, ct);

        var erp = await DemoErpDatabase.OpenAsync(bench.ErpFile, TimeProvider.System, ct);
        for (var have = await erp.CountAsync(Admin, ActorType.Customer, ct); have < links;)
        {
            var count = Math.Min(GenerateChunk, links - have);
            await erp.GenerateCustomersAsync(Admin, count, ct);
            have += count;
        }

        var created = await bench.Get<ConnectionAdmin>().CreateAsync(new ConnectionInput("Bench ERP", await connector(bench), null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = bench.ErpFile,
            ["Administration"] = Admin,
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }), ct);
        await bench.Get<MappingAdmin>().SaveActorTypeAsync(created.Id, ActorType.Customer,
            new ActorTypeMappingInput(true, Fields.Select(f => new FieldMappingInput(f.ErpKey, f.CrmField, FieldDirection.Both, false, false)).ToList()), ct);
        var activation = await bench.Get<ConnectionAdmin>().SetActiveAsync(created.Id, true, ct);
        if (activation.Problems.Count > 0)
        {
            throw new InvalidOperationException("The bench connection cannot be activated: " + string.Join("; ", activation.Problems));
        }

        if (link)
        {
            await LinkAllAsync(bench, created.Id, links);
        }

        return created.Id;
    }

    /// <summary>One CRM company per ERP customer with equal values, and its link with the base snapshot, in one transaction.</summary>
    private static async Task LinkAllAsync(BenchEngine bench, int connectionId, int links)
    {
        var ct = CancellationToken.None;
        var stamp = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(TimeProvider.System.GetUtcNow())!;
        await using var erp = new SqliteConnection($"Data Source={bench.ErpFile};Mode=ReadOnly");
        await using var crm = new SqliteConnection($"Data Source={bench.CrmFile}");
        await erp.OpenAsync(ct);
        await crm.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await crm.BeginTransactionAsync(ct);

        var sequence = (long)(await Scalar(crm, transaction, "SELECT Value FROM CrmSequences WHERE Id = 1"))!;
        var firstId = (long)(await Scalar(crm, transaction, "SELECT COALESCE(MAX(Id), 0) FROM Companies"))! + 1;
        await using var company = Prepared(crm, transaction,
            $"INSERT INTO Companies (Id, {string.Join(", ", Fields.Select(f => f.CrmColumn))}, ChangeSeq, CreatedAt, UpdatedAt) VALUES ($id, {string.Join(", ", Fields.Select((_, i) => "$v" + i))}, $seq, $at, $at)",
            ["$id", .. Fields.Select((_, i) => "$v" + i), "$seq", "$at"]);
        await using var link = Prepared(crm, transaction,
            "INSERT INTO Links (ConnectionId, CrmEntity, CrmRecordId, ActorType, ErpKey, ErpVersion, CrmChangeSeq, BaseJson, CreatedAt, LastSyncedAt) VALUES ($connection, $entity, $id, $type, $key, $version, $seq, $base, $at, $at)",
            ["$connection", "$entity", "$id", "$type", "$key", "$version", "$seq", "$base", "$at"]);
        company.Parameters["$at"].Value = stamp;
        link.Parameters["$at"].Value = stamp;
        link.Parameters["$connection"].Value = connectionId;
        link.Parameters["$entity"].Value = (int)CrmEntity.Company;
        link.Parameters["$type"].Value = (int)ActorType.Customer;

        await using var read = erp.CreateCommand();
        read.CommandText = $"SELECT key, version, {string.Join(", ", Fields.Select(f => f.ErpColumn))} FROM actors WHERE admin = $admin AND type = $type AND status = 0 ORDER BY seq LIMIT $take";
        read.Parameters.AddWithValue("$admin", Admin);
        read.Parameters.AddWithValue("$type", (int)ActorType.Customer);
        read.Parameters.AddWithValue("$take", links);
        var scratch = new Link { ErpKey = "" };
        var baseValues = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        var id = firstId;
        await using (var rows = await read.ExecuteReaderAsync(ct))
        {
            while (await rows.ReadAsync(ct))
            {
                var seq = ++sequence;
                company.Parameters["$id"].Value = id;
                company.Parameters["$seq"].Value = seq;
                for (var i = 0; i < Fields.Length; i++)
                {
                    var text = rows.IsDBNull(2 + i) ? null : rows.GetString(2 + i);
                    company.Parameters["$v" + i].Value = (object?)text ?? (i == 0 ? "" : DBNull.Value);
                    baseValues[Fields[i].ErpKey] = text is null ? null : SyncValues.Normalize(FieldValue.Text(text));
                }

                await company.ExecuteNonQueryAsync(ct);
                LinkBase.Write(scratch, baseValues);
                link.Parameters["$id"].Value = id;
                link.Parameters["$key"].Value = rows.GetString(0);
                link.Parameters["$version"].Value = rows.GetInt64(1).ToString(CultureInfo.InvariantCulture);
                link.Parameters["$seq"].Value = seq;
                link.Parameters["$base"].Value = scratch.BaseJson;
                await link.ExecuteNonQueryAsync(ct);
                id++;
            }
        }

        if (id - firstId != links)
        {
            throw new InvalidOperationException($"The demo ERP has {id - firstId} customers, {links} were needed.");
        }

        // Start both cursors at "now": the first cycle must not read the whole generated ERP as changes.
        var erpVersion = (long)(await Scalar(erp, null, "SELECT value FROM meta WHERE name = 'version'"))!;
        await using var cursors = Prepared(crm, transaction,
            "UPDATE CrmSequences SET Value = $seq WHERE Id = 1; UPDATE Connections SET CrmSequenceSeen = $seq, ErpCursorsJson = $cursors WHERE Id = $connection",
            ["$seq", "$cursors", "$connection"]);
        cursors.Parameters["$seq"].Value = sequence;
        cursors.Parameters["$cursors"].Value = $$"""{"{{ActorType.Customer}}":"{{erpVersion.ToString(CultureInfo.InvariantCulture)}}"}""";
        cursors.Parameters["$connection"].Value = connectionId;
        await cursors.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        await using var analyze = Prepared(crm, null, "ANALYZE", []);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction? transaction, string sql, IEnumerable<string> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }

    private static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = Prepared(connection, transaction, sql, []);
        return await command.ExecuteScalarAsync();
    }

    private static void Reset(string directory)
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
    }

    private static void Copy(string from, string to)
    {
        Reset(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);

            // Write the copy through now: otherwise the first commit of the timed cycle pays for flushing the whole file.
            using var stream = new FileStream(target, FileMode.Open, FileAccess.ReadWrite);
            stream.Flush(flushToDisk: true);
        }
    }
}
