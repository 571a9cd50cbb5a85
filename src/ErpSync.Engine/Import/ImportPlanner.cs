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
    /// <param name="takenMatch">A CRM record with the same duplicate key that is already linked to another ERP record of this
    /// connection (also one created earlier in this import): a match that cannot be merged into, so not a reason to duplicate it.</param>
    public static ImportPlan Plan(CrmEntity entity, IReadOnlyList<SyncField> fields, Actor actor, int? linkedRecordId, IReadOnlyList<ICrmRecord> candidates, int? pick,
        ImportSettings settings, int? takenMatch = null)
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

        if (settings.OnMatch != DuplicateAction.AddAlways && candidates.Count == 0 && takenMatch is { } taken)
        {
            return Result(PreviewOutcome.Skipped, null, Empty, [], baseValues,
                T($"Matches CRM record {taken}, which is already linked to another ERP record of this connection; choose \"Add always\" to import it as a new record.",
                    $"Komt overeen met CRM-record {taken}, dat al aan een ander ERP-record van deze verbinding gekoppeld is; kies \"Altijd toevoegen\" om het als nieuw record te importeren."));
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
            if (target is not null && ContactDetails.IsContactField(entity, field.Crm.Key))
            {
                PlanContact(entity, fields, values, target, field, before, after, settings.ContactDetails, writes, changes);
                continue;
            }

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

    /// <summary>A phone number, e-mail address or URL of an existing record; blank ERP values never clear one.</summary>
    private static void PlanContact(CrmEntity entity, IReadOnlyList<SyncField> fields, Dictionary<string, object?> values, ICrmRecord target, SyncField field,
        object? before, object? after, ContactDetailsAction action, Dictionary<string, object?> writes, List<FieldChange> changes)
    {
        var key = field.Crm.Key;
        if (action == ContactDetailsAction.Ignore || IsEmpty(after) || ContactDetails.Same(key, before as string, after as string))
        {
            return;
        }

        if (IsEmpty(before) || action == ContactDetailsAction.Replace)
        {
            writes[key] = after;
            changes.Add(new FieldChange(key, field.Crm.DisplayName, Display(before), Display(after)));
            return;
        }

        // Add new: keep the existing value and put the ERP value in a free slot of the same kind, unless it is there already.
        var slots = ContactDetails.Slots(entity, key);
        string? Current(string slot) => writes.TryGetValue(slot, out var written) ? written as string : CrmFieldAccess.Get(entity, target, slot) as string;
        if (slots.Any(slot => ContactDetails.Same(key, Current(slot), after as string)))
        {
            return;
        }

        var free = slots.FirstOrDefault(slot => !string.Equals(slot, key, StringComparison.OrdinalIgnoreCase) && IsEmpty(Current(slot))
            && !fields.Any(f => f.Direction.ToCrm() && string.Equals(f.Crm.Key, slot, StringComparison.OrdinalIgnoreCase) && !IsEmpty(values.GetValueOrDefault(f.Crm.Key))));
        if (free is not null)
        {
            writes[free] = after;
            changes.Add(new FieldChange(free, Mapping.CrmFieldCatalog.Find(entity, free)?.DisplayName ?? free, null, Display(after)));
        }
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
