using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dossier.Ingestion;

public sealed class SeedOptions
{
    public const string Section = "Dossier";

    /// <summary>Folder whose <c>*.txt</c> articles are ingested at start; empty or "off" for none.</summary>
    public string Seeds { get; set; } = "";
}

/// <summary>
/// Ingests a folder of articles when the service starts (the app host points it at the repo's <c>seeds/</c>).
/// Each file's stem is its document id; articles already stored are recognised and not stored again.
/// </summary>
public sealed class SeedLoader(Ingestor ingestor, IOptions<SeedOptions> options, ILogger<SeedLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = options.Value.Seeds;
        if (string.IsNullOrWhiteSpace(folder) || folder.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Seed folder {Folder} does not exist; no seeds ingested", folder);
            return;
        }

        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        int added = 0, duplicates = 0, failed = 0;
        await Task.Yield();
        foreach (var file in files)
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            try
            {
                var text = await File.ReadAllTextAsync(file, Encoding.UTF8, stoppingToken);
                var receipt = ingestor.Accept(new IngestCommand(text, Source: "seeds/" + Path.GetFileName(file), Id: stem));
                if (receipt.Duplicate)
                {
                    duplicates++;
                }
                else
                {
                    added++;
                }
            }
            catch (RpcException e)
            {
                failed++;
                logger.LogWarning("Seed {File} refused: {Detail}", file, e.Status.Detail);
            }
        }

        logger.LogInformation("Seeds from {Folder}: {Added} queued, {Duplicates} already stored, {Failed} refused",
            folder, added, duplicates, failed);
    }
}
