using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ErpSync.Engine.Data;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.Property(c => c.Name).HasMaxLength(Company.NameMaxLength);
        b.HasIndex(c => c.ChangeSeq).IsUnique();

        // Every write renumbers ChangeSeq, so it doubles as the record's version: an UPDATE based on an older read is refused.
        b.Property(c => c.ChangeSeq).IsConcurrencyToken();
        b.HasIndex(c => c.Name);
        b.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Business).WithMany().HasForeignKey(c => c.BusinessId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.LastName).HasMaxLength(Person.LastNameMaxLength);
        b.Property(p => p.PrivacySource).HasMaxLength(Privacy.SourceMaxLength);
        b.HasIndex(p => p.ChangeSeq).IsUnique();
        b.Property(p => p.ChangeSeq).IsConcurrencyToken();
        b.HasIndex(p => p.LastName);
        b.HasOne(p => p.Company).WithMany(c => c.Persons).HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Country).WithMany().HasForeignKey(p => p.CountryId).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(p => p.FullName);
    }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.Name).HasMaxLength(Project.NameMaxLength);
        b.HasIndex(p => p.ChangeSeq).IsUnique();
        b.Property(p => p.ChangeSeq).IsConcurrencyToken();
        b.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CrmListConfiguration : IEntityTypeConfiguration<CrmList>
{
    public void Configure(EntityTypeBuilder<CrmList> b)
    {
        b.HasIndex(l => l.Key).IsUnique();
        b.HasMany(l => l.Items).WithOne(i => i.List).HasForeignKey(i => i.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrmSequenceConfiguration : IEntityTypeConfiguration<CrmSequence>
{
    public void Configure(EntityTypeBuilder<CrmSequence> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new CrmSequence { Id = 1, Value = 0 });
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.HasIndex(u => u.NormalizedUserName).IsUnique();
        b.Property(u => u.UserName).HasMaxLength(100);
        b.Property(u => u.NormalizedUserName).HasMaxLength(100);
    }
}

internal sealed class UserGroupConfiguration : IEntityTypeConfiguration<UserGroup>
{
    public void Configure(EntityTypeBuilder<UserGroup> b) => b.HasIndex(g => g.Name).IsUnique();
}

internal sealed class UserGroupMemberConfiguration : IEntityTypeConfiguration<UserGroupMember>
{
    public void Configure(EntityTypeBuilder<UserGroupMember> b)
    {
        b.HasKey(m => new { m.UserId, m.GroupId });
        b.HasOne(m => m.User).WithMany(u => u.Groups).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Group).WithMany(g => g.Members).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectorRegistrationConfiguration : IEntityTypeConfiguration<ConnectorRegistration>
{
    public void Configure(EntityTypeBuilder<ConnectorRegistration> b)
    {
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.Url).HasMaxLength(1023);
        b.Property(c => c.ProtectedSecret).HasMaxLength(4000);
    }
}

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> b)
    {
        b.HasIndex(c => c.PublicId).IsUnique();
        b.HasOne(c => c.Connector).WithMany().HasForeignKey(c => c.ConnectorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.ConfigValues).WithOne().HasForeignKey(v => v.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Access).WithOne().HasForeignKey(a => a.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.ActorTypes).WithOne().HasForeignKey(a => a.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectionConfigValueConfiguration : IEntityTypeConfiguration<ConnectionConfigValue>
{
    public void Configure(EntityTypeBuilder<ConnectionConfigValue> b) => b.HasIndex(v => new { v.ConnectionId, v.FieldKey }).IsUnique();
}

internal sealed class ConnectionAccessConfiguration : IEntityTypeConfiguration<ConnectionAccess>
{
    public void Configure(EntityTypeBuilder<ConnectionAccess> b)
    {
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<UserGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActorTypeMappingConfiguration : IEntityTypeConfiguration<ActorTypeMapping>
{
    public void Configure(EntityTypeBuilder<ActorTypeMapping> b)
    {
        b.HasIndex(a => new { a.ConnectionId, a.ActorType }).IsUnique();
        b.HasMany(a => a.Fields).WithOne().HasForeignKey(f => f.ActorTypeMappingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FieldMappingConfiguration : IEntityTypeConfiguration<FieldMapping>
{
    public void Configure(EntityTypeBuilder<FieldMapping> b)
    {
        b.HasIndex(f => new { f.ActorTypeMappingId, f.FieldKey }).IsUnique();
        b.HasMany(f => f.ListItems).WithOne().HasForeignKey(i => i.FieldMappingId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(f => f.Direction);
    }
}

internal sealed class ListItemMappingConfiguration : IEntityTypeConfiguration<ListItemMapping>
{
    public void Configure(EntityTypeBuilder<ListItemMapping> b)
    {
        b.HasIndex(i => new { i.FieldMappingId, i.ErpItemKey }).IsUnique();
        b.HasOne<CrmListItem>().WithMany().HasForeignKey(i => i.CrmListItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SyncSettingsConfiguration : IEntityTypeConfiguration<SyncSettings>
{
    public void Configure(EntityTypeBuilder<SyncSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new SyncSettings());
    }
}
