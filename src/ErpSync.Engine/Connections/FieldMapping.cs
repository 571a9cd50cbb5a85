using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Connections;

/// <summary>
/// One ERP field of an actor type: the connector's metadata (cached as JSON), how it is mapped to the
/// CRM, its default for new ERP records and its rank on the ERP tab. Directions stay off until an
/// administrator sets them.
/// </summary>
public sealed class FieldMapping
{
    public int Id { get; set; }
    public int ActorTypeMappingId { get; set; }
    public required string FieldKey { get; set; }
    /// <summary>The connector's <see cref="ErpSync.Connectors.FieldInfo"/> as read in English.</summary>
    public required string MetadataJson { get; set; }

    /// <summary>The Dutch display name and tooltip, read with a Dutch context, so the dialogs follow each user's language.</summary>
    public string? DutchName { get; set; }

    public string? DutchTooltip { get; set; }
    public string? CrmField { get; set; }
    public bool ToCrm { get; set; }
    public bool ToErp { get; set; }
    public bool ShowInSearch { get; set; }
    public bool ShowInErpTab { get; set; }
    public bool IsSearchable { get; set; }
    public int Rank { get; set; }
    public bool MissingInErp { get; set; }

    /// <summary>For fields synced both ways; null means the default, <see cref="ConflictPolicy.NewestWins"/>.</summary>
    public ConflictPolicy? ConflictPolicy { get; set; }

    /// <summary>A value sent when the CRM creates a new ERP record (typed JSON), when <see cref="HasDefault"/>.</summary>
    public bool HasDefault { get; set; }

    public string? DefaultValueJson { get; set; }

    /// <summary>The "Create in ERP" dialog asks the user for this field.</summary>
    public bool AskUser { get; set; }

    /// <summary>The user must fill the field when creating (always true for connector-mandatory fields with a default entry).</summary>
    public bool DefaultMandatory { get; set; }

    public List<ListItemMapping> ListItems { get; set; } = [];

    public FieldDirection Direction => FieldDirections.From(ToCrm, ToErp);
}
