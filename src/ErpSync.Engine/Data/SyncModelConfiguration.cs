using ErpSync.Engine.Connections;
using ErpSync.Engine.Links;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSync.Engine.Data;

internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public void Configure(EntityTypeBuilder<Link> b)
    {
        b.HasIndex(l => new { l.ConnectionId, l.CrmEntity, l.CrmRecordId }).IsUnique();
        b.HasIndex(l => new { l.ConnectionId, l.ActorType, l.ErpKey }).IsUnique();
        b.HasIndex(l => new { l.CrmEntity, l.CrmRecordId });
        b.Property(l => l.ErpKey).HasMaxLength(200);
        b.HasOne<Connection>().WithMany().HasForeignKey(l => l.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxIntentConfiguration : IEntityTypeConfiguration<OutboxIntent>
{
    public void Configure(EntityTypeBuilder<OutboxIntent> b)
    {
        b.HasIndex(o => o.IdempotencyKey).IsUnique();
        b.HasIndex(o => new { o.ConnectionId, o.State });
        b.HasOne<Connection>().WithMany().HasForeignKey(o => o.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> b)
    {
        b.HasIndex(r => new { r.ConnectionId, r.StartedAt });
        b.HasOne<Connection>().WithMany().HasForeignKey(r => r.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncLogEntryConfiguration : IEntityTypeConfiguration<SyncLogEntry>
{
    public void Configure(EntityTypeBuilder<SyncLogEntry> b)
    {
        b.HasIndex(e => new { e.ConnectionId, e.At });
        b.HasIndex(e => new { e.CrmEntity, e.CrmRecordId });
        b.HasOne<Connection>().WithMany().HasForeignKey(e => e.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncIssueConfiguration : IEntityTypeConfiguration<SyncIssue>
{
    public void Configure(EntityTypeBuilder<SyncIssue> b)
    {
        b.HasIndex(i => new { i.ConnectionId, i.ResolvedAt });
        b.HasIndex(i => new { i.CrmEntity, i.CrmRecordId });
        b.HasIndex(i => i.LinkId);
        b.HasOne<Connection>().WithMany().HasForeignKey(i => i.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
