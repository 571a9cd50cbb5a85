namespace ErpSync.Connectors;

/// <summary>The fixed kinds of ERP actor a connector can offer.</summary>
public enum ActorType
{
    /// <summary>Placeholder; never exchanged.</summary>
    Unknown = 0,

    /// <summary>A receivable account; maps to a CRM company.</summary>
    Customer = 1,

    /// <summary>A vendor (payable account); maps to a CRM company.</summary>
    Supplier = 2,

    /// <summary>Both customer and supplier; maps to a CRM company.</summary>
    Partner = 3,

    /// <summary>A contact person, usually under a customer or supplier; maps to a CRM person.</summary>
    Person = 4,

    /// <summary>An ERP project; maps to a CRM project.</summary>
    Project = 5,
}
