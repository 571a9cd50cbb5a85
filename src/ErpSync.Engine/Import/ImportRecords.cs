using System.Text.Json.Serialization;
using ErpSync.Connectors;

namespace ErpSync.Engine.Import;

[JsonConverter(typeof(JsonStringEnumConverter<CompanyMatchKey>))]
public enum CompanyMatchKey
{
    None = 0,
    Name = 1,
    NameAndDepartment = 2,
    Number = 3,
    Code = 4,
    VatNumber = 5,
}

[JsonConverter(typeof(JsonStringEnumConverter<PersonMatchKey>))]
public enum PersonMatchKey
{
    None = 0,
    Name = 1,
    Email = 2,
    MobilePhone = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<DuplicateAction>))]
public enum DuplicateAction
{
    /// <summary>Create a new CRM record even when one matches.</summary>
    AddAlways = 0,

    /// <summary>Fill only the empty CRM fields of the match.</summary>
    Merge = 1,

    /// <summary>Overwrite the match's fields with the ERP values.</summary>
    Replace = 2,

    /// <summary>Do not import the row.</summary>
    Skip = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<UnmappedListAction>))]
public enum UnmappedListAction
{
    /// <summary>Add a CRM list item named after the ERP item and map it.</summary>
    AddItem = 0,
    LeaveBlank = 1,
    StopRow = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<MissingCompanyAction>))]
public enum MissingCompanyAction
{
    /// <summary>Import the parent ERP actor as a linked company first.</summary>
    CreateFromParent = 0,
    Skip = 1,

    /// <summary>
    /// Import the person without a company. Offered by the spec only when the CRM does not require a company on a
    /// person; this CRM always does, so the option is refused with a reason (kept so settings files say it explicitly).
    /// </summary>
    ImportWithout = 2,
}

/// <summary>Phone numbers, e-mail addresses and URLs of records that already exist in the CRM (spec §3.14 step 6).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactDetailsAction>))]
public enum ContactDetailsAction
{
    /// <summary>Keep the existing value; put a different ERP value in a free slot of the same kind (e-mail 2, other phone), if any.</summary>
    AddNew = 0,

    /// <summary>Overwrite the existing value with the ERP value.</summary>
    Replace = 1,

    /// <summary>Leave the record's phone numbers, e-mail addresses and URLs as they are.</summary>
    Ignore = 2,
}

/// <summary>
/// The import settings of §3.14 step 6. Privacy (lawful basis and source for "Sales and service") is set on persons the
/// import creates, and on matched persons that have none recorded yet; a recorded basis is never overwritten by an import.
/// </summary>
public sealed record ImportSettings(
    CompanyMatchKey CompanyMatch = CompanyMatchKey.Name,
    PersonMatchKey PersonMatch = PersonMatchKey.Email,
    DuplicateAction OnMatch = DuplicateAction.Merge,
    UnmappedListAction UnmappedList = UnmappedListAction.LeaveBlank,
    MissingCompanyAction MissingCompany = MissingCompanyAction.Skip,
    ContactDetailsAction ContactDetails = ContactDetailsAction.AddNew,
    Crm.LegalBasis? PrivacyBasis = null,
    string? PrivacySource = null)
{
    /// <summary>The lawful basis imported persons get: the chosen one, or the CRM's default ("use default").</summary>
    public Crm.LegalBasis EffectivePrivacyBasis => PrivacyBasis is null or Crm.LegalBasis.None ? Crm.Privacy.DefaultBasis : PrivacyBasis.Value;

    /// <summary>The consent source imported persons get; "Import" unless named.</summary>
    public string EffectivePrivacySource => string.IsNullOrWhiteSpace(PrivacySource) ? Crm.Privacy.ImportSource : PrivacySource.Trim();
}

/// <summary>What to import: the given ERP keys, or every match of the criteria, or of a free-text search, or (none of these) everything of the actor type.</summary>
public sealed record ImportSelection(IReadOnlyList<string>? Keys = null, string? Text = null, IReadOnlyList<ImportCriterion>? Criteria = null);

/// <summary>Step 1–3 of the wizard in one request.</summary>
public sealed record ImportRequest(int ConnectionId, ActorType ActorType, ImportSelection Selection, ImportSettings Settings,
    IReadOnlyDictionary<string, int>? Picks = null, IReadOnlyList<string>? Excluded = null);

public sealed record ImportSource(int ConnectionId, string ConnectionName, IReadOnlyList<ImportActorTypeOption> ActorTypes, bool Busy);

public sealed record ImportActorTypeOption(ActorType ActorType, string Name, Connections.CrmEntity CrmEntity, bool CanSearch);

public sealed record ImportSearchColumn(string Key, string Name);

public sealed record ImportSearchRow(string Key, string? DisplayName, IReadOnlyList<string?> Values, bool Linked);

public sealed record ImportSearchResult(IReadOnlyList<ImportSearchColumn> Columns, IReadOnlyList<ImportSearchRow> Rows, int? Total, bool HasMore, int Skip, int Take);

public enum PreviewOutcome
{
    New = 0,
    Changed = 1,
    Unchanged = 2,
    Skipped = 3,
    Ambiguous = 4,
}

public sealed record FieldChange(string Field, string Name, string? Before, string? After);

public sealed record ImportCandidate(int Id, string Name);

public sealed record PreviewRow(string ErpKey, string? DisplayName, PreviewOutcome Outcome, int? CrmRecordId, string? Reason,
    IReadOnlyList<FieldChange> Changes, IReadOnlyList<ImportCandidate> Candidates);

public sealed record PreviewCounts(int New, int Changed, int Unchanged, int Skipped, int Ambiguous)
{
    public int Total => New + Changed + Unchanged + Skipped + Ambiguous;
}

/// <summary>The dry run: counts over the whole selection, the rows of one page, and every ambiguous row (up to a cap).</summary>
public sealed record ImportPreview(PreviewCounts Counts, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<PreviewRow> Ambiguous, int Skip, int Take);

/// <param name="ParentCompaniesCreated">Companies created from the parent ERP records of imported persons (not in <paramref name="Created"/>).</param>
public sealed record ImportJobView(int Id, int ConnectionId, ActorType ActorType, ImportJobState State, int? Total, int Done, int Created, int Updated, int Unchanged,
    int Skipped, int Failed, double? RowsPerSecond, TimeSpan? TimeLeft, bool CancelRequested, string? Message, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt, int ParentCompaniesCreated = 0);

public sealed record ImportResultRow(string ErpKey, string? DisplayName, ImportRowOutcome Outcome, int? CrmRecordId, string? Reason);

public sealed record ImportResultPage(IReadOnlyList<ImportResultRow> Rows, int Total, int Skip, int Take);
