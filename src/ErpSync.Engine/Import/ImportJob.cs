using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSync.Engine.Import;

public enum ImportJobState
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Cancelled = 3,
    Failed = 4,
}

public enum ImportRowOutcome
{
    Created = 0,
    Updated = 1,
    Unchanged = 2,
    Skipped = 3,
    Failed = 4,
}

/// <summary>
/// One import from an ERP connection (functional spec §3.14): what to import and how (JSON), its state and counts.
/// Progress lives here so the page can be closed and reopened; rows are committed in batches.
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public ActorType ActorType { get; set; }
    public CrmEntity CrmEntity { get; set; }
    public ImportJobState State { get; set; }

    /// <summary><see cref="ImportSelection"/> as JSON.</summary>
    public string SelectionJson { get; set; } = "{}";

    /// <summary><see cref="ImportSettings"/> as JSON.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>ERP key → CRM record id picked for ambiguous matches, as JSON.</summary>
    public string PicksJson { get; set; } = "{}";

    /// <summary>ERP keys unchecked in the preview, as JSON array.</summary>
    public string ExcludedJson { get; set; } = "[]";

    public int? Total { get; set; }
    public int Done { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    /// <summary>Companies created from parent ERP records of imported persons; counted apart so Created stays a count of rows.</summary>
    public int ParentCompaniesCreated { get; set; }

    public bool CancelRequested { get; set; }
    public string? Message { get; set; }
    public int? CreatedByUserId { get; set; }

    /// <summary>
    /// Until when the node running the job holds it; renewed with every page. A running job whose lease ran out was left
    /// by a stopped node and may be resumed by another (<see cref="ImportAdmin.NextJobAsync"/>); a live one never is.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The node (machine/process) that holds or last held the job.</summary>
    public string? Node { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>The outcome of one ERP actor of an import (unchanged rows are counted, not stored).</summary>
public sealed class ImportJobRow
{
    public long Id { get; set; }
    public int ImportJobId { get; set; }
    public required string ErpKey { get; set; }
    public string? DisplayName { get; set; }
    public ImportRowOutcome Outcome { get; set; }
    public int? CrmRecordId { get; set; }
    public string? Reason { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("ImportJobs");
        builder.HasIndex(j => new { j.ConnectionId, j.State });
        builder.Property(j => j.Node).HasMaxLength(200);
        builder.HasOne<Connection>().WithMany().HasForeignKey(j => j.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportJobRowConfiguration : IEntityTypeConfiguration<ImportJobRow>
{
    public void Configure(EntityTypeBuilder<ImportJobRow> builder)
    {
        builder.ToTable("ImportJobRows");
        builder.Property(r => r.ErpKey).HasMaxLength(200);
        builder.Property(r => r.DisplayName).HasMaxLength(300);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.HasIndex(r => new { r.ImportJobId, r.Outcome });
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}
