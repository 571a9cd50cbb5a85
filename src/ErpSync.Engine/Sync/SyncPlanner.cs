using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Sync;

/// <summary>A mapped field as the engine uses it: both sides' metadata, direction, policy and list translation.</summary>
public sealed record SyncField(FieldInfo Erp, CrmField Crm, FieldDirection Direction, ConflictPolicy Policy, ListTranslator? Lists);

/// <summary>What to do for one link: CRM and ERP writes, the new base, or why the record is parked.</summary>
public sealed record LinkPlan(
    IReadOnlyDictionary<string, FieldValue?> ErpWrites,
    IReadOnlyDictionary<string, object?> CrmWrites,
    IReadOnlyDictionary<string, FieldValue?> NewBase,
    SyncIssueClass? IssueClass,
    string? IssueMessage,
    string? IssueDetail);

/// <summary>Plans one link's sync from the CRM record, the ERP actor and the base snapshot — pure.</summary>
public static class SyncPlanner
{
    public static LinkPlan Plan(IReadOnlyList<SyncField> fields, Func<string, object?> crmValue, Actor erp, IReadOnlyDictionary<string, FieldValue?> baseValues,
        DateTimeOffset? crmChangedAt, bool crmFirst)
    {
        var erpWrites = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        var crmWrites = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var newBase = new Dictionary<string, FieldValue?>(baseValues, StringComparer.OrdinalIgnoreCase);
        var reviews = new List<string>();
        foreach (var field in fields.Where(f => f.Direction != FieldDirection.None))
        {
            erp.Fields.TryGetValue(field.Erp.Key, out var erpValue);
            baseValues.TryGetValue(field.Erp.Key, out var baseValue);
            if (field.Crm.Type == CrmFieldType.Date)
            {
                // The CRM keeps dates only: compare the ERP's date in its own offset, not the instant.
                erpValue = SyncValueConverter.DatePart(erpValue);
                baseValue = SyncValueConverter.DatePart(baseValue);
            }

            if (!SyncValueConverter.TryToErp(field.Erp, field.Crm, crmValue(field.Crm.Key), field.Lists, out var crmInErpTerms))
            {
                if (!field.Direction.ToErp())
                {
                    // The CRM value never goes to the ERP, so not being able to express it there does not matter.
                    crmInErpTerms = baseValue;
                }
                else
                {
                    return Parked(SyncIssueClass.UnmappedValue, T($"The CRM value of {field.Crm.DisplayName} has no matching ERP list item; map it in List mapping.",
                    $"De CRM-waarde van {field.Crm.DisplayName} heeft geen overeenkomend ERP-lijstitem; wijs het toe in Lijsttoewijzing."));
                }
            }

            var decision = FieldMerge.Decide(field.Direction, field.Policy, new FieldState(baseValue, crmInErpTerms, erpValue, crmChangedAt, erp.ChangedAt), crmFirst);
            switch (decision.Action)
            {
                case MergeAction.WriteErp when !field.Erp.IsReadOnly && !field.Erp.IsKey:
                    erpWrites[field.Erp.Key] = SyncValues.Normalize(decision.Value);
                    break;
                case MergeAction.WriteCrm:
                    if (decision.Value is ListValue chosen && field.Lists?.IsExplicitlyUnmapped(chosen.Key) == true)
                    {
                        // "(No selection)": the administrator decided this ERP item has no CRM counterpart; leave the field alone.
                        continue;
                    }

                    if (!SyncValueConverter.TryToCrm(field.Crm, decision.Value, field.Lists, out var raw))
                    {
                        var key = (decision.Value as ListValue)?.Key ?? decision.Value?.ToInvariantString();
                        return Parked(SyncIssueClass.UnmappedValue, T($"The ERP value \"{key}\" of {field.Erp.DisplayName} has no CRM list item; map it in List mapping.",
                            $"De ERP-waarde \"{key}\" van {field.Erp.DisplayName} heeft geen CRM-lijstitem; wijs het toe in Lijsttoewijzing."));
                    }

                    crmWrites[field.Crm.Key] = raw;
                    break;
                case MergeAction.Review:
                    reviews.Add($"{field.Erp.DisplayName}: CRM \"{crmInErpTerms?.ToInvariantString()}\" / ERP \"{erpValue?.ToInvariantString()}\"");
                    continue;
            }

            newBase[field.Erp.Key] = SyncValues.Normalize(decision.Base);
        }

        return reviews.Count > 0
            ? new LinkPlan(erpWrites, crmWrites, newBase, SyncIssueClass.Conflict,
                T("Both sides changed; an administrator decides: ", "Beide kanten zijn gewijzigd; een beheerder beslist: ") + string.Join("; ", reviews), string.Join("\n", reviews))
            : new LinkPlan(erpWrites, crmWrites, newBase, null, null, null);

        LinkPlan Parked(SyncIssueClass issue, string message) => new(new Dictionary<string, FieldValue?>(), new Dictionary<string, object?>(), baseValues, issue, message, null);
    }
}
