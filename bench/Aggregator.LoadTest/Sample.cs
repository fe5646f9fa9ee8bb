namespace Aggregator.LoadTest;

/// <summary>The worker at one moment: run time in seconds, CPU seconds so far, resident MiB, the machine's 1-minute load average.</summary>
internal sealed record Sample(double At, double Cpu, double RssMiB, double Load1);
