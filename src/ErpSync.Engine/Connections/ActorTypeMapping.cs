using ErpSync.Connectors;

namespace ErpSync.Engine.Connections;

/// <summary>An actor type a connection supports, paired with the CRM entity it syncs with.</summary>
public sealed class ActorTypeMapping
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public ActorType ActorType { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>The Dutch name of the actor type, as the connector gave it to a Dutch context.</summary>
    public string? DutchDisplayName { get; set; }

    public string LocalizedName => Localization.Text.IsDutch && DutchDisplayName is { } dutch ? dutch : DisplayName;
    public CrmEntity CrmEntity { get; set; }

    /// <summary>Sync of this actor type is on (its settings are kept either way).</summary>
    public bool IsActive { get; set; }

    public bool CanCreate { get; set; }
    public bool CanWrite { get; set; }

    /// <summary>The connector stopped reporting this actor type.</summary>
    public bool MissingInErp { get; set; }

    public List<FieldMapping> Fields { get; set; } = [];
}
