using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Dossier.Pipeline.Benchmarks -- --job short --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Dossier.Pipeline.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
