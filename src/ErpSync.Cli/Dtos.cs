using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpSync.Cli;

// The few shapes of the server's API the command line reads, kept here so the CLI stays decoupled from the server.
internal sealed record ConnectionRow(int Id, string Name, string ConnectorName, bool IsActive, bool IsDeleted);

internal sealed record ConnectionDetailsDto(int Id, string Name, int ConnectorId, Dictionary<string, string?> Values);

internal sealed record ConnectionStatusDto(int ConnectionId, string Name, string State, string? PausedReason, DateTimeOffset? LastRunAt, RunDto? LastRun, int OpenIssues);

internal sealed record RunDto(int Id, int ConnectionId, string ConnectionName, string Kind, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    double? DurationSeconds, int ErpChangesRead, int CrmChangesRead, int CrmWrites, int ErpWrites, int IssuesRaised, string? Message)
{
    [JsonIgnore]
    public bool IsRunning => Status == "Running";

    [JsonIgnore]
    public bool Failed => Status == "Failed";
}

internal sealed record Page<T>(List<T> Items, int Total);

internal sealed record TestCheckDto(string? Name, bool IsOk, string? Message);

internal sealed record TestResultDto(bool IsOk, string Message, JsonElement? ErrorCode, List<TestCheckDto>? Checks);

internal sealed record LogRowDto(long Id, DateTimeOffset At, int ConnectionId, string ConnectionName, string Entity, int RecordId, string RecordName, string ErpKey,
    string FieldKey, string? CrmField, bool TargetIsCrm, string Direction, string? OldValue, string? NewValue, int? RunId);

internal sealed record CreatedConnectionDto(int Id, string Name, bool IsActive);

internal sealed record PreviewCountsDto(int New, int Changed, int Unchanged, int Skipped, int Ambiguous);

internal sealed record FieldChangeDto(string Field, string Name, string? Before, string? After);

internal sealed record CandidateDto(int Id, string Name);

internal sealed record PreviewRowDto(string ErpKey, string? DisplayName, string Outcome, int? CrmRecordId, string? Reason, List<FieldChangeDto>? Changes, List<CandidateDto>? Candidates);

internal sealed record ImportPreviewDto(PreviewCountsDto Counts, List<PreviewRowDto> Rows, List<PreviewRowDto> Ambiguous, int Skip, int Take);

internal sealed record ImportJobDto(int Id, int ConnectionId, string ActorType, string State, int? Total, int Done, int Created, int Updated, int Unchanged,
    int Skipped, int Failed, double? RowsPerSecond, TimeSpan? TimeLeft, bool CancelRequested, string? Message, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    [JsonIgnore]
    public bool IsRunning => State is "Queued" or "Running";
}

internal sealed record ImportResultRowDto(string ErpKey, string? DisplayName, string Outcome, int? CrmRecordId, string? Reason);

internal sealed record ImportResultPageDto(List<ImportResultRowDto> Rows, int Total, int Skip, int Take);

internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>One JSON object per line, for <c>log tail --follow --output json</c>.</summary>
    public static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);
}
