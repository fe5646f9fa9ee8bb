using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// The worker as a child process writing mail to the pickup directory, killed with SIGKILL after the message
/// file is in place and before its alert is marked sent: the restart writes the message again under the same
/// name and Message-Id, replacing the file rather than adding a second one.
/// </summary>
public sealed class PickupCrashTests
{
    private static readonly Dictionary<string, string> ShortLease = new() { ["AGGREGATOR_DELIVERY_LEASE"] = "2s" };

    [Fact]
    public async Task Killed_between_the_pickup_file_and_the_mark_the_restart_replaces_the_file_with_the_same_message()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var feed = new FeedServer();
        feed.AddItem("n-1", "Troops cross the border", "Units were seen at the crossing.");
        work.Write("config/aggregator.yaml", $"""
            settings:
              polling:
                minEvery: 1s
                timeout: 5s
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
            feeds:
              - id: world
                url: {feed.FeedUrl}
                every: 1s
                firstPoll: notify
            rules:
              - id: troops
                query: troops AND border
                notify: [desk]
            subscribers:
              - id: desk
                email: [desk@example.org]
            """);
        var pickup = work.Combine("data", "mail");
        Directory.CreateDirectory(pickup);
        var database = $"Data Source={work.Combine("data", "aggregator.db")};Pooling=False";

        // The moment the worker starts its file, the state database's write lock is taken, so the mark that
        // follows the file waits; the kill lands while it does.
        var locked = new TaskCompletionSource<SqliteConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(pickup, "*.tmp");
        watcher.Created += (_, _) =>
        {
            if (locked.Task.IsCompleted) return;
            var connection = new SqliteConnection(database);
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout=5000; BEGIN IMMEDIATE;");
            locked.TrySetResult(connection);
        };
        watcher.EnableRaisingEvents = true;

        using (var worker = AggregatorProcess.Start(work.Path, ShortLease, "run", "--config", "config"))
        {
            var connection = await locked.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            (await Eventually.TrueAsync(() => Directory.GetFiles(pickup, "*.eml").Length == 1, TimeSpan.FromSeconds(10), ct))
                .ShouldBeTrue(worker.StandardOutput + worker.StandardError);
            worker.KillHard();
            (await worker.WaitForExitAsync(TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();
            watcher.EnableRaisingEvents = false;

            Scalar(connection, "SELECT count(*) FROM outbox WHERE sent_at IS NULL").ShouldBe(1L, "the kill came before the mark");
            Execute(connection, "ROLLBACK;");
            await connection.DisposeAsync();
        }

        var first = Directory.GetFiles(pickup, "*.eml").ShouldHaveSingleItem();
        var firstName = Path.GetFileName(first);
        var firstMessageId = (await MimeMessage.LoadAsync(first, ct)).MessageId;
        firstMessageId.ShouldNotBeNullOrEmpty();
        // Marks this copy, so the test sees the restart write the message again rather than leave it be.
        await File.WriteAllTextAsync(first, "left by the killed worker", ct);

        using (var worker = AggregatorProcess.Start(work.Path, ShortLease, "run", "--config", "config"))
        {
            (await Eventually.TrueAsync(() => SentCount(database) == 1, TimeSpan.FromSeconds(45), ct))
                .ShouldBeTrue(worker.StandardOutput + worker.StandardError);
            await Task.Delay(2000, ct); // a second copy would appear meanwhile
            worker.Terminate();
            await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct);
        }

        var files = Directory.GetFiles(pickup);
        var again = files.ShouldHaveSingleItem("one message file, no second copy and no temporary file left");
        Path.GetFileName(again).ShouldBe(firstName);
        var message = await MimeMessage.LoadAsync(again, ct);
        message.MessageId.ShouldBe(firstMessageId);
        message.Subject.ShouldBe("[troops] Troops cross the border");
    }

    private static long SentCount(string database)
    {
        using var connection = new SqliteConnection(database);
        connection.Open();
        return Scalar(connection, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
