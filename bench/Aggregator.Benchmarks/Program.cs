using System.Globalization;
using Aggregator.Benchmarks.Matching;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "fastest-pass") FastestPass.Run(args[1..]);
else if (args.Length == 3 && args[0] == "cache-misses") CacheMissRegion.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
else if (args.Length > 0 && args[0] == "schedule-memory") await Aggregator.Benchmarks.Scheduling.ScheduleMemory.RunAsync(args[1..]);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
