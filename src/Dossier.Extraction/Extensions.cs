using Dossier.Domain;
using Dossier.Pipeline;
using OpenTelemetry.Trace;

namespace Dossier.Extraction;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDossierGrpc();
        // One pipeline for the process: its gazetteers load once, and Extract is thread-safe.
        builder.Services.AddSingleton<IFactExtractor>(_ => ExtractionPipeline.CreateDefault());
        builder.Services.Configure<ExtractionOptions>(builder.Configuration.GetSection(ExtractionOptions.Section));
        builder.Services.AddSingleton<ExtractionGate>();
        builder.AddExtractRateLimit();
        // Component timings as attributes of the pipeline's span, not 26 spans an article (see StageSpanFolding).
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new StageSpanFolding()));
    }
}
