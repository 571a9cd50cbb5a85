using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Benchmarks;

/// <summary>
/// Users editing both sides between two cycles. Records are spread evenly over the whole id range (CRM and ERP edits
/// on different records), and each round edits other records with new values.
/// </summary>
internal static class Edits
{
    /// <summary>Edits the e-mail of <paramref name="crm"/> companies through EF (so ChangeSeq is assigned) and the phone of <paramref name="erp"/> ERP customers.</summary>
    public static async Task ApplyAsync(BenchEngine bench, Workspace workspace, int crm, int erp, int round)
    {
        var slots = crm + erp;
        var stride = Math.Max(1, workspace.Links / slots);
        var ids = Enumerable.Range(0, slots).Select(s => 1 + ((s * stride) + (round % stride)) % workspace.Links).ToArray();
        var crmIds = ids.Where((_, i) => crm > 0 && (erp == 0 || i % 2 == 0)).Take(crm).ToHashSet();
        var erpIds = ids.Where(i => !crmIds.Contains(i)).Take(erp).ToList();

        await using var db = await bench.OpenAsync();
        foreach (var chunk in crmIds.Chunk(500))
        {
            foreach (var company in await db.Companies.Where(c => chunk.Contains(c.Id)).ToListAsync())
            {
                company.Email = $"r{round}.{company.Id}@crm.bench.example";
            }
        }

        await db.SaveChangesAsync();
        var keys = new List<string>(erp);
        foreach (var chunk in erpIds.Chunk(500))
        {
            keys.AddRange(await db.Links.Where(l => l.ConnectionId == workspace.ConnectionId && chunk.Contains(l.CrmRecordId)).Select(l => l.ErpKey).ToListAsync());
        }

        await UpdateErpPhonesAsync(bench.ErpFile, keys, round);
    }

    /// <summary>
    /// The bulk variant of DemoErpDatabase.UpdateFieldsAsync: the same columns (value, new version from the ERP's
    /// version counter, change time) in one transaction instead of one per record.
    /// </summary>
    private static async Task UpdateErpPhonesAsync(string file, IReadOnlyList<string> keys, int round)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Default Timeout=30");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var reserve = connection.CreateCommand();
        reserve.Transaction = transaction;
        reserve.CommandText = "UPDATE meta SET value = value + $n WHERE name = 'version' RETURNING value";
        reserve.Parameters.AddWithValue("$n", keys.Count);
        var version = (long)(await reserve.ExecuteScalarAsync())! - keys.Count + 1;

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE actors SET phone = $phone, version = $version, changed_at = $at WHERE admin = $admin AND key = $key AND status = 0";
        var phone = update.Parameters.Add(new SqliteParameter { ParameterName = "$phone" });
        var versionParameter = update.Parameters.Add(new SqliteParameter { ParameterName = "$version" });
        var key = update.Parameters.Add(new SqliteParameter { ParameterName = "$key" });
        update.Parameters.AddWithValue("$at", TimeProvider.System.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        update.Parameters.AddWithValue("$admin", Workspaces.Admin);
        for (var i = 0; i < keys.Count; i++)
        {
            phone.Value = $"+31 20 {round % 1000:D3} {i:D6}";
            versionParameter.Value = version++;
            key.Value = keys[i];
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException($"No active ERP customer {keys[i]}.");
            }
        }

        await transaction.CommitAsync();
    }
}
