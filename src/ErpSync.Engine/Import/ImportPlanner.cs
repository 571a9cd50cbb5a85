using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Import;

/// <summary>What the import does with one ERP actor.</summary>
/// <param name="Target">The existing CRM record to update (null for a new one or when nothing is written).</param>
/// <param name="Writes">CRM field → raw value to set.</param>
/// <param name="MissingItems">List values without a CRM item that the runner adds and maps first (then plans again).</param>
public sealed record ImportPlan(PreviewOutcome Outcome, ICrmRecord? Target, IReadOnlyDictionary<string, object?> Writes, IReadOnlyList<FieldChange> Changes,
    IReadOnlyDictionary<string, FieldValue?> Base, string? Reason, IReadOnlyList<(SyncField Field, string ErpKey)> MissingItems, IReadOnlyList<ICrmRecord> Candidates);

/// <summary>Plans one row of an import — pure: no reads, no writes.</summary>
public static class ImportPlanner
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <param name="linkedRecordId">The CRM record the actor is already linked to in this connection, if any.</param>
    /// <param name="candidates">Unlinked CRM records with the same duplicate key.</param>
    /// <param name="pick">The candidate the administrator picked for an ambiguous match.</param>
    public static ImportPlan Plan(CrmEntity entity, IReadOnlyList<SyncField> fields, Actor actor, int? linkedRecordId, IReadOnlyList<ICrmRecord> candidates, int? pick,
        ImportSettings settings)
    {
        var baseValues = fields.ToDictionary(f => f.Erp.Key, f => SyncValues.Normalize(actor.Fields.GetValueOrDefault(f.Erp.Key)), StringComparer.OrdinalIgnoreCase);
        if (linkedRecordId is not null)
        {
            return Result(PreviewOutcome.Unchanged, null, Empty, [], baseValues, T("Already linked; the sync keeps it up to date.", "Al gekoppeld; de synchronisatie houdt het bij."));
        }

        // The ERP values in CRM terms, for the fields that flow to the CRM.
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<(SyncField Field, string ErpKey)>();
        foreach (var field in fields.Where(f => f.Direction.ToCrm()))
        {
            var erp = actor.Fields.GetValueOrDefault(field.Erp.Key);
            if (SyncValueConverter.TryToCrm(field.Crm, erp, field.Lists, out var raw))
            {
                values[field.Crm.Key] = raw;
                continue;
            }

            var key = (SyncValues.Normalize(erp) as ListValue)?.Key ?? erp?.ToInvariantString() ?? "";
            switch (settings.UnmappedList)
            {
                case UnmappedListAction.StopRow:
                    return Result(PreviewOutcome.Skipped, null, Empty, [], baseValues, T($"The ERP value \"{key}\" of {field.Erp.DisplayName} has no CRM list item.",
                        $"De ERP-waarde \"{key}\" van {field.Erp.DisplayName} heeft geen CRM-lijstitem."));
                case UnmappedListAction.AddItem:
                    missing.Add((field, key ?? ""));
                    values[field.Crm.Key] = null;
                    break;
                default:
                    values[field.Crm.Key] = null;
                    break;
            }
        }

        ICrmRecord? target = null;
        if (settings.OnMatch != DuplicateAction.AddAlways && candidates.Count > 0)
        {
            target = pick is { } id ? candidates.FirstOrDefault(c => c.Id == id) : candidates.Count == 1 ? candidates[0] : null;
            if (target is null)
            {
                return new ImportPlan(PreviewOutcome.Ambiguous, null, values, [], baseValues,
                    T($"{candidates.Count} CRM records match; pick one.", $"{candidates.Count} CRM-records komen overeen; kies er een."), missing, candidates);
            }

            if (settings.OnMatch == DuplicateAction.Skip)
            {
                return Result(PreviewOutcome.Skipped, target, Empty, [], baseValues, T($"Matches existing CRM record {target.Id}.", $"Komt overeen met bestaand CRM-record {target.Id}."));
            }
        }

        var writes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var changes = new List<FieldChange>();
        foreach (var field in fields.Where(f => f.Direction.ToCrm()))
        {
            var after = values[field.Crm.Key];
            var before = target is null ? null : CrmFieldAccess.Get(entity, target, field.Crm.Key);
            var write = target is null
                ? !IsEmpty(after)
                : settings.OnMatch == DuplicateAction.Merge ? IsEmpty(before) && !IsEmpty(after) : !SameRaw(before, after);
            if (write)
            {
                writes[field.Crm.Key] = after;
                changes.Add(new FieldChange(field.Crm.Key, field.Crm.DisplayName, Display(before), Display(after)));
            }
        }

        foreach (var (field, key) in missing)
        {
            if (target is null || settings.OnMatch == DuplicateAction.Replace || IsEmpty(CrmFieldAccess.Get(entity, target, field.Crm.Key)))
            {
                changes.Add(new FieldChange(field.Crm.Key, field.Crm.DisplayName, Display(target is null ? null : CrmFieldAccess.Get(entity, target, field.Crm.Key)),
                    T($"(new list item {key})", $"(nieuw lijstitem {key})")));
            }
        }

        var outcome = target is null ? PreviewOutcome.New : changes.Count > 0 ? PreviewOutcome.Changed : PreviewOutcome.Unchanged;
        return new ImportPlan(outcome, target, writes, changes, baseValues, null, missing, candidates);
    }

    private static ImportPlan Result(PreviewOutcome outcome, ICrmRecord? target, IReadOnlyDictionary<string, object?> writes, IReadOnlyList<FieldChange> changes,
        IReadOnlyDictionary<string, FieldValue?> baseValues, string? reason) => new(outcome, target, writes, changes, baseValues, reason, [], []);

    private static bool IsEmpty(object? value) => value is null || value is string s && string.IsNullOrWhiteSpace(s);

    private static bool SameRaw(object? a, object? b) =>
        IsEmpty(a) && IsEmpty(b) || a is string x && b is string y ? string.Equals((a as string)?.Trim(), (b as string)?.Trim(), StringComparison.Ordinal) : Equals(a, b);

    private static string? Display(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        int id => "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
