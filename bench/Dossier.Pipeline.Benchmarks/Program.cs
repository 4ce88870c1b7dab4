using BenchmarkDotNet.Running;
using Dossier.Pipeline.Benchmarks;

// dotnet run -c Release --project bench/Dossier.Pipeline.Benchmarks -- --job short --filter '*'
// dotnet run -c Release --project bench/Dossier.Pipeline.Benchmarks -- profile [passes]   (time and memory per component)
if (args.Length > 0 && args[0] == "profile")
{
    return ComponentProfile.Run(args);
}

// dotnet run -c Release --project bench/Dossier.Pipeline.Benchmarks -- loop [passes]   (throughput with nothing listening)
if (args.Length > 0 && args[0] == "loop")
{
    return CorpusLoop.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;
