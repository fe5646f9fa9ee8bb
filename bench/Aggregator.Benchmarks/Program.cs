using Aggregator.Benchmarks.Matching;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "fastest-pass") FastestPass.Run(args[1..]);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
