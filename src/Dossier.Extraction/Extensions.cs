using Dossier.Domain;
using Dossier.Pipeline;

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
    }
}
