using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ErpSync.Engine.Data;

/// <summary>
/// Inserts many rows of one entity with multi-row <c>INSERT … VALUES (…), (…)</c> statements inside the caller's
/// transaction, from EF's own table, column and value-conversion metadata (so enums, the SQLite DateTimeOffset
/// converter and max lengths are the model's). For rows whose generated keys nobody reads afterwards, such as an import
/// page's links and result rows: EF on SQLite sends one statement per row, and those two tables were most of an
/// import's time (bench/README.md, "import").
/// </summary>
internal static class BulkInsert
{
    // Small on purpose: Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by a linear scan, so
    // binding costs grow with the square of a statement's parameters. Measured on 20,000 links: 2,000 parameters per
    // statement took 0.83 s, 250 took 0.19 s (single-row inserts: about 0.7 s).
    private const int MaxParameters = 250;

    public static async Task InsertAsync<T>(ErpSyncDb db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var converters = columns.Select(c => c.GetTypeMapping().Converter).ToList();
        await using var probe = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / columns.Count)))
        {
            var text = new StringBuilder(head);
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            foreach (var row in chunk)
            {
                text.Append(parameters.Count == 0 ? "(" : ", (");
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].GetGetter().GetClrValue(row);
                    var parameter = probe.CreateParameter();
                    parameter.ParameterName = "@p" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parameter.Value = (value is null ? null : converters[i]?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                    text.Append(i == 0 ? "" : ", ").Append(parameter.ParameterName);
                    parameters.Add(parameter);
                }

                text.Append(')');
            }

            try
            {
                await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
            }
            catch (DbException ex)
            {
                // Callers treat a refused write like EF's own (for example a unique index): one exception type for both.
                throw new DbUpdateException($"Inserting {typeof(T).Name} rows failed: {ex.Message}", ex);
            }
        }
    }
}
