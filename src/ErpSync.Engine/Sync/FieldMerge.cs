using ErpSync.Connectors;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Sync;

/// <summary>What the three-way merge decided for one field.</summary>
public enum MergeAction
{
    /// <summary>Nothing to write; <see cref="MergeDecision.Base"/> may still move (both sides agree on a new value).</summary>
    None,

    /// <summary>Write <see cref="MergeDecision.Value"/> to the CRM.</summary>
    WriteCrm,

    /// <summary>Write <see cref="MergeDecision.Value"/> to the ERP.</summary>
    WriteErp,

    /// <summary>Both sides changed and the policy is Review: park both values for an administrator.</summary>
    Review,
}

/// <summary>The three values of one mapped field, in ERP terms (CRM values already translated), and when each side changed.</summary>
public sealed record FieldState(FieldValue? Base, FieldValue? Crm, FieldValue? Erp, DateTimeOffset? CrmChangedAt = null, DateTimeOffset? ErpChangedAt = null);

/// <param name="Action">What to do.</param>
/// <param name="Value">The value to write, for WriteCrm / WriteErp.</param>
/// <param name="Base">The new base snapshot value after the action is applied.</param>
/// <param name="WasConflict">Both sides had changed to different values.</param>
public sealed record MergeDecision(MergeAction Action, FieldValue? Value, FieldValue? Base, bool WasConflict);

/// <summary>
/// The field-level three-way merge of design.md §5.2 — pure. Only one side changed: that side's value flows to
/// the other if the direction allows. Both changed to the same value: nothing to write. Both changed differently:
/// one-way fields follow their direction; two-way fields follow the conflict policy (newest wins, ties broken by
/// the sync priority).
/// </summary>
public static class FieldMerge
{
    /// <param name="crmFirst">Whether the CRM ranks above this connection in the sync priority (breaks ties of NewestWins).</param>
    public static MergeDecision Decide(FieldDirection direction, ConflictPolicy policy, FieldState state, bool crmFirst)
    {
        var crmChanged = !SyncValues.Same(state.Base, state.Crm);
        var erpChanged = !SyncValues.Same(state.Base, state.Erp);
        if (!crmChanged && !erpChanged)
        {
            return new(MergeAction.None, null, state.Base, false);
        }

        if (crmChanged && erpChanged && SyncValues.Same(state.Crm, state.Erp))
        {
            return new(MergeAction.None, null, state.Crm, false);
        }

        if (crmChanged && !erpChanged)
        {
            return direction.ToErp() ? new(MergeAction.WriteErp, state.Crm, state.Crm, false) : new(MergeAction.None, null, state.Base, false);
        }

        if (erpChanged && !crmChanged)
        {
            return direction.ToCrm() ? new(MergeAction.WriteCrm, state.Erp, state.Erp, false) : new(MergeAction.None, null, state.Base, false);
        }

        // Both changed, to different values.
        return direction switch
        {
            FieldDirection.ToErp => new(MergeAction.WriteErp, state.Crm, state.Crm, true),
            FieldDirection.ToCrm => new(MergeAction.WriteCrm, state.Erp, state.Erp, true),
            FieldDirection.Both => Resolve(policy, state, crmFirst),
            _ => new(MergeAction.None, null, state.Base, true),
        };
    }

    private static MergeDecision Resolve(ConflictPolicy policy, FieldState state, bool crmFirst)
    {
        var crmWins = policy switch
        {
            ConflictPolicy.CrmWins => true,
            ConflictPolicy.ErpWins => false,
            ConflictPolicy.Review => (bool?)null,
            _ => state.CrmChangedAt is { } crm && state.ErpChangedAt is { } erp && crm != erp ? crm > erp : crmFirst,
        };
        return crmWins switch
        {
            true => new(MergeAction.WriteErp, state.Crm, state.Crm, true),
            false => new(MergeAction.WriteCrm, state.Erp, state.Erp, true),
            null => new(MergeAction.Review, null, state.Base, true),
        };
    }
}
