using System.Security.Cryptography;
using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Data;

/// <summary>Brings the database to the current schema and makes sure a fresh installation can be used right away.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<ErpSyncDb> dbFactory, ErpSyncOptions options, ConnectorAdmin connectors, TimeProvider time)
{
    public const string AdminUserName = "admin";

    public async Task InitializeAsync(TextWriter console, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            await CrmListSeed.EnsureAsync(db, cancellationToken);
            await EnsureAdminAsync(db, console, cancellationToken);
            if (options.SeedDemoData && !await db.Companies.AnyAsync(cancellationToken))
            {
                await DemoCrmData.SeedAsync(db, cancellationToken);
            }
        }

        await connectors.EnsureBuiltInsAsync(cancellationToken);
    }

    private async Task EnsureAdminAsync(ErpSyncDb db, TextWriter console, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var generated = string.IsNullOrEmpty(options.AdminPassword);
        var password = generated ? RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 16) : options.AdminPassword!;
        db.Users.Add(new User
        {
            UserName = AdminUserName,
            NormalizedUserName = AdminUserName.ToUpperInvariant(),
            DisplayName = "Administrator",
            PasswordHash = PasswordHasher.Hash(password),
            Role = UserRole.Administrator,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);

        // Printed to the console once, on purpose, and never written to the log.
        await console.WriteLineAsync(generated
            ? $"ErpSync: created the administrator account '{AdminUserName}' with password: {password}  (change it on the profile page)"
            : $"ErpSync: created the administrator account '{AdminUserName}' with the password from ErpSync:AdminPassword.");
    }
}
