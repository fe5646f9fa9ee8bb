using Aggregator.Health;

namespace Aggregator.Tests.Health;

public sealed class HeartbeatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fresh_heartbeat_of_a_working_worker_has_no_problem() =>
        new Heartbeat(Now.AddSeconds(-5), 42, true, true, null, Now.AddSeconds(-30)).Problems(Now).ShouldBeEmpty();

    [Fact]
    public void Each_failing_part_is_named()
    {
        var problems = new Heartbeat(Now.AddMinutes(-5), 42, false, false, "disk I/O error", Now.AddHours(-1)).Problems(Now);
        problems.Count.ShouldBe(4);
        problems.ShouldContain(p => p.StartsWith("no heartbeat for 300s", StringComparison.Ordinal));
        problems.ShouldContain("scheduler not running");
        problems.ShouldContain("store unreachable: disk I/O error");
        problems.ShouldContain(p => p.StartsWith("delivery stuck", StringComparison.Ordinal));
    }

    [Fact]
    public void Liveness_asks_only_whether_the_worker_still_beats()
    {
        new Heartbeat(Now.AddSeconds(-5), 42, false, false, "disk I/O error", Now.AddHours(-1)).LivenessProblems(Now)
            .ShouldBeEmpty("a worker whose store is down is alive: restarting it would not help");
        new Heartbeat(Now.AddMinutes(-5), 42, true, true, null, null).LivenessProblems(Now)
            .ShouldHaveSingleItem().ShouldStartWith("no heartbeat for 300s");
    }

    [Fact]
    public void It_survives_a_round_trip_and_an_unreadable_file_is_null()
    {
        var beat = new Heartbeat(Now, 7, true, true, null, null);
        Heartbeat.FromJson(beat.ToJson()).ShouldBe(beat);
        Heartbeat.FromJson("{ not json").ShouldBeNull();
    }
}
