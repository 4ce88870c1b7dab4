using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Dossier.Pipeline.Benchmarks;

/// <summary>A column with the throughput in MB/s (10^6 bytes of UTF-8 text per second of median time).</summary>
public sealed class ThroughputColumn : IColumn
{
    /// <summary>Bytes in one operation; the corpus size is recomputed here because columns run in the host process.</summary>
    public static long CorpusBytes { get; set; }

    public string Id => "Throughput";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Megabytes (10^6 bytes) of UTF-8 text extracted per second, from the median time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats)
        {
            return "NA";
        }

        if (CorpusBytes == 0)
        {
            Corpus.Load(out var bytes);
            CorpusBytes = bytes;
        }

        var seconds = stats.Median / 1e9;
        return (CorpusBytes / 1e6 / seconds).ToString("F2", CultureInfo.InvariantCulture);
    }
}

/// <summary>Adds the MB/s column.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());
}
