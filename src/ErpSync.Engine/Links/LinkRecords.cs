using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Links;

/// <summary>One read-only ERP field on the ERP tab, with list keys already turned into their texts.</summary>
public sealed record ErpTabField(string Key, string Label, string? Value);

/// <summary>An actor type the record can be linked to in a connection.</summary>
public sealed record ErpActorTypeOption(ActorType ActorType, string DisplayName, bool CanCreate);

/// <summary>One connection's section of the ERP tab.</summary>
/// <param name="CanLink">The user may connect, create and disconnect in this connection.</param>
/// <param name="CanCreate">The user may create ERP actors in this connection (the actor type must allow it too).</param>
/// <param name="LinkId">Set when the record is linked in this connection.</param>
/// <param name="Fields">For a linked record: the "Show in ERP tab" fields, live from the ERP, in rank order.</param>
/// <param name="IssueMessage">The record's open sync issue, if any.</param>
/// <param name="Error">Why the ERP data could not be read (the rest of the section still shows).</param>
/// <param name="ActorTypes">For an unlinked record: the actor types it may be linked to.</param>
public sealed record ErpTabSection(
    int ConnectionId,
    string ConnectionName,
    bool CanLink,
    bool CanCreate,
    int? LinkId,
    ActorType? ActorType,
    string? ActorTypeName,
    string? ErpKey,
    IReadOnlyList<ErpTabField> Fields,
    DateTimeOffset? LastSyncedAt,
    string? IssueMessage,
    string? Error,
    IReadOnlyList<ErpActorTypeOption> ActorTypes);

/// <summary>The ERP tab of one CRM record for one user.</summary>
public sealed record ErpTabView(CrmEntity Entity, int RecordId, string RecordName, IReadOnlyList<ErpTabSection> Sections);

/// <summary>A column of the search hit list (a "Show in search" field).</summary>
public sealed record ErpSearchColumn(string Key, string Label);

/// <summary>One ERP actor in the hit list; <see cref="Values"/> follow the columns.</summary>
public sealed record ErpSearchRow(string Key, string? DisplayName, IReadOnlyList<string?> Values, bool IsLinked);

/// <summary>One page of "Connect to ERP" search results.</summary>
public sealed record ErpSearchResult(IReadOnlyList<ErpSearchColumn> Columns, IReadOnlyList<ErpSearchRow> Rows, int? Total, bool HasMore, int Skip, int Take, string? ParentKey);

/// <summary>Which side's value wins for a field when connecting.</summary>
public enum ValueSource
{
    Erp = 0,
    Crm = 1,
}

/// <summary>A mapped field whose CRM and ERP values differ, and which side may win.</summary>
/// <param name="Default">The side chosen when the user does not choose.</param>
public sealed record ConnectDifference(string FieldKey, string Label, string? CrmValue, string? ErpValue, bool CrmAllowed, bool ErpAllowed, ValueSource Default);

/// <summary>What "Connect" will do: the ERP actor and the fields to decide.</summary>
public sealed record ConnectPreview(ActorType ActorType, string ErpKey, string? DisplayName, IReadOnlyList<ConnectDifference> Differences);

/// <summary>"Connect" confirmed: the actor and the winning side per differing field (missing fields take their default).</summary>
public sealed record ConnectInput(ActorType ActorType, string ErpKey, IReadOnlyDictionary<string, ValueSource>? Choices = null);

/// <summary>A field of the "Create in ERP" form: a default marked "ask user", prefilled with its value.</summary>
public sealed record CreateFormField(string FieldKey, string Label, FieldType Type, string? Value, bool Mandatory, IReadOnlyList<ListItem>? Items);

/// <summary>The "Create in ERP" form, with the idempotency key to send back with <see cref="CreateInput"/>.</summary>
public sealed record CreateForm(ActorType ActorType, string IdempotencyKey, string? ParentKey, IReadOnlyList<CreateFormField> Fields);

/// <summary>"Create" confirmed: the user's values per field key (invariant text; list fields: the ERP item key).</summary>
/// <param name="IdempotencyKey">From <see cref="CreateForm"/>; sending the same key again never makes a second ERP record.</param>
public sealed record CreateInput(ActorType ActorType, string IdempotencyKey, IReadOnlyDictionary<string, string?>? Values = null);

/// <summary>One condition of the "Advanced" search: values as invariant text, parsed by the field's type.</summary>
public sealed record SearchCriterion(string FieldKey, SearchOperator Operator, IReadOnlyList<string> Values);

/// <summary>A field the ERP can search on, with the operators its type allows.</summary>
public sealed record SearchableField(string Key, string Label, FieldType Type, string? ListName, IReadOnlyList<SearchOperator> Operators, IReadOnlyList<ListItem>? Items);
