using System.Text;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Delivery;

internal sealed partial class DeliveryRelay
{
    private const int NoticeLines = 50;

    private void RecordDead(OutboxMessage row, string error)
    {
        if (!OperatorNotice.IsNotice(row.Alert)) _deadThisPass.Enqueue((row, error));
    }

    /// <summary>
    /// One notice per pass to each operator, listing what was dead-lettered: a mass failure gives one
    /// message, not one per alert. Its key comes from the rows, so a repeated pass queues nothing new.
    /// </summary>
    private async Task ReportDeadLettersAsync()
    {
        if (_deadThisPass.IsEmpty) return;
        var dead = new List<(OutboxMessage Row, string Error)>();
        while (_deadThisPass.TryDequeue(out var entry)) dead.Add(entry);
        var now = _time.GetUtcNow();
        var key = "dead-letters:" + DigestIds.For(dead.Select(d => $"{d.Row.Alert.AlertId}/{d.Row.Channel}"));
        var title = dead.Count == 1
            ? $"Delivery to {dead[0].Row.Alert.SubscriberId} by {DeliveryChannelNames.Name(dead[0].Row.Channel)} dead-lettered"
            : $"{dead.Count} deliveries dead-lettered";
        var details = new StringBuilder();
        foreach (var (row, error) in dead.Take(NoticeLines))
        {
            details.Append("- ").Append(row.Alert.SubscriberId).Append(" by ").Append(DeliveryChannelNames.Name(row.Channel))
                .Append(": \"").Append(row.Alert.Item.Title).Append("\" (alert ").Append(row.Alert.AlertId).Append("): ").Append(error).Append('\n');
        }
        if (dead.Count > NoticeLines) details.Append("- and ").Append(dead.Count - NoticeLines).Append(" more\n");

        var drafts = new List<OutboxDraft>();
        var snapshot = _config.Current;
        foreach (var operatorId in snapshot.Config.Settings.Alerts.Operators.Distinct(StringComparer.Ordinal))
        {
            if (!snapshot.Subscribers.TryGetValue(operatorId, out var op))
            {
                _logger.LogWarning("Operator {SubscriberId} is not a configured subscriber; dead letters not reported to it", operatorId);
                continue;
            }
            var notice = OperatorNotice.For(operatorId, "delivery-failed", key, title, details.ToString(), now);
            drafts.AddRange(DeliveryPlanner.Drafts(notice, op, now));
        }
        if (drafts.Count > 0) await _store.QueueAsync(drafts, CancellationToken.None);
    }
}
