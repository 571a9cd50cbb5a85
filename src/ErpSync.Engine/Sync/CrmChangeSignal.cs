using System.Threading.Channels;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Sync;

/// <summary>A CRM record saved by a user (not by the sync engine itself).</summary>
public sealed record CrmRecordChanged(CrmEntity Entity, int RecordId);

/// <summary>
/// Carries user edits of CRM records from the database context to the dispatcher that syncs them within seconds,
/// so users do not wait for the interval. Bounded and lossy on purpose: a dropped signal only means the change
/// waits for the next scheduled run.
/// </summary>
public sealed class CrmChangeSignal
{
    private readonly Channel<CrmRecordChanged> _channel = Channel.CreateBounded<CrmRecordChanged>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<CrmRecordChanged> Reader => _channel.Reader;

    public void Publish(CrmRecordChanged change) => _channel.Writer.TryWrite(change);
}
