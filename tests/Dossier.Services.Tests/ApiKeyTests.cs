using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Query.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dossier.Services.Tests;

/// <summary>Writes need the API key (x-api-key), reads are open unless locked, and neither text nor key reaches the logs.</summary>
public sealed class ApiKeyTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    private static IngestRequest Request() => new() { Text = $"The coalition met in Rome, Italy. (key test {Guid.NewGuid():N})" };

    [Fact]
    public async Task Ingest_WithoutKey_IsUnauthenticatedWithTheReasonAndNothingStored()
    {
        var client = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(services.Ingestion, apiKey: null));
        var request = Request();
        request.Id = "no-key-1";

        var e = await Assert.ThrowsAsync<RpcException>(() => client.IngestAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("x-api-key", e.Status.Detail);
        var missing = await Assert.ThrowsAsync<RpcException>(() => services.IngestionClient().GetDocumentAsync(new GetDocumentRequest { Id = "no-key-1" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Ingest_WrongKey_IsUnauthenticated()
    {
        var client = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(services.Ingestion, apiKey: "not-the-key"));

        var e = await Assert.ThrowsAsync<RpcException>(() => client.IngestAsync(Request()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("does not hold the right API key", e.Status.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task EveryWrite_WithoutTheRightKey_IsRefused(string? key)
    {
        var ingestion = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(services.Ingestion, apiKey: key));
        var query = new QueryService.QueryServiceClient(ServicesFixture.Channel(services.Query, apiKey: key));
        using var stream = ingestion.IngestStream();

        var calls = new Func<Task>[]
        {
            () => ingestion.IngestAsync(Request()).ResponseAsync,
            () => ingestion.RetryAsync(new RetryRequest()).ResponseAsync,
            () => ingestion.DeleteDocumentAsync(new DeleteDocumentRequest { Id = "x" }).ResponseAsync,
            async () =>
            {
                using var call = ingestion.Reextract(new ReextractRequest { Ids = { "x" } });
                await call.ResponseStream.MoveNext(CancellationToken.None);
            },
            async () =>
            {
                await stream.RequestStream.WriteAsync(Request());
                await stream.ResponseStream.MoveNext(CancellationToken.None);
            },
            () => query.IndexFactsAsync(new IndexFactsRequest { Document = new Document { Id = "x", Text = "x" }, Facts = new DocumentFacts() }).ResponseAsync,
            () => query.DeleteDocumentFactsAsync(new DeleteDocumentFactsRequest { Id = "x" }).ResponseAsync,
        };

        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        }
    }

    [Fact]
    public async Task RestIngest_WithoutKey_Is401WithJsonReason()
    {
        using var http = ServicesFixture.Http(services.Ingestion, apiKey: null);

        using var response = await http.PostAsync(new Uri("/v1/documents", UriKind.Relative),
            new StringContent("""{"text":"The coalition met in Rome."}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("x-api-key", body);
    }

    [Fact]
    public async Task Reads_WithoutKey_AreOpenByDefault()
    {
        var ingestion = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(services.Ingestion, apiKey: null));
        var query = new QueryService.QueryServiceClient(ServicesFixture.Channel(services.Query, apiKey: null));

        var queue = await ingestion.GetQueueStatusAsync(new GetQueueStatusRequest());
        var stats = await query.GetStatsAsync(new GetStatsRequest());

        Assert.Equal(("sqlite", 50_000), (queue.Engine, queue.MaxPending));
        Assert.Equal("sqlite", stats.Engine);
    }

    [Fact]
    public async Task Reads_LockedByConfiguration_NeedTheKeyButHealthStaysOpen()
    {
        using var locked = new WebApplicationFactory<QueryGrpcService>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Dossier:DataDir", Path.Combine(services.DataDir, "locked"));
            b.UseSetting(ApiKeys.ConfigKey, ServicesFixture.ApiKey);
            b.UseSetting(ApiKeys.LockReadsKey, "true");
        });
        var anonymous = new QueryService.QueryServiceClient(ServicesFixture.Channel(locked, apiKey: null));
        var keyed = new QueryService.QueryServiceClient(ServicesFixture.Channel(locked));
        using var http = ServicesFixture.Http(locked, apiKey: null);

        var e = await Assert.ThrowsAsync<RpcException>(() => anonymous.GetStatsAsync(new GetStatsRequest()).ResponseAsync);
        var stats = await keyed.GetStatsAsync(new GetStatsRequest());
        using var rest = await http.GetAsync(new Uri("/v1/stats", UriKind.Relative));
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(0, stats.Articles);
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Writes_ServiceWithoutAKey_AreRefusedSayingSo()
    {
        using var keyless = new WebApplicationFactory<QueryGrpcService>().WithWebHostBuilder(b =>
            b.UseSetting("Dossier:DataDir", Path.Combine(services.DataDir, "keyless")));
        var client = new QueryService.QueryServiceClient(ServicesFixture.Channel(keyless, apiKey: "anything"));

        var e = await Assert.ThrowsAsync<RpcException>(() => client.DeleteDocumentFactsAsync(new DeleteDocumentFactsRequest { Id = "x" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("none is configured", e.Status.Detail);
    }

    [Fact]
    public async Task Writes_KeyFromAKeyFile_AcceptTheFilesKeyAndRefuseAnother()
    {
        var dataDir = Path.Combine(services.DataDir, "key-file");
        Directory.CreateDirectory(dataDir);
        var keyFile = Path.Combine(dataDir, "api-key");
        await File.WriteAllTextAsync(keyFile, "file-key-5c2e\n");
        using var keyed = new WebApplicationFactory<QueryGrpcService>().WithWebHostBuilder(b =>
            b.UseSetting("Dossier:DataDir", dataDir).UseSetting("Dossier:ApiKeyFile", keyFile));
        var right = new QueryService.QueryServiceClient(ServicesFixture.Channel(keyed, apiKey: "file-key-5c2e"));
        var wrong = new QueryService.QueryServiceClient(ServicesFixture.Channel(keyed, apiKey: "file-key-5c2f"));

        await right.DeleteDocumentFactsAsync(new DeleteDocumentFactsRequest { Id = "absent" });
        var e = await Assert.ThrowsAsync<RpcException>(() => wrong.DeleteDocumentFactsAsync(new DeleteDocumentFactsRequest { Id = "absent" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("does not hold the right API key", e.Status.Detail);
    }

    [Fact]
    public async Task Logs_AtDebug_NeverHoldArticleTextOrKeys()
    {
        var logs = new ConcurrentQueue<string>();
        var secretText = $"Zanzibarian minister Quixotl met coalition envoys in Rome, Italy. {Guid.NewGuid():N}";
        using var system = ServicesFixture.Create(maxAttempts: 8, everyService: b =>
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Debug).AddFilter<CollectingProvider>(null, LogLevel.Debug).AddProvider(new CollectingProvider(logs))));
        var ingestion = system.Ingestion;
        var client = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(ingestion));
        var wrong = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(ingestion, apiKey: "wrong-key-0123456789"));

        var receipt = await client.IngestAsync(new IngestRequest { Text = secretText, Title = "Quixotl in Rome", Wait = true });
        await Assert.ThrowsAsync<RpcException>(() => wrong.IngestAsync(new IngestRequest { Text = secretText + " again" }).ResponseAsync);

        Assert.Equal(DocumentStatus.Indexed, receipt.Status);
        Assert.NotEmpty(logs);
        Assert.Contains(logs, l => l.Contains(receipt.DocumentId, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("Quixotl", StringComparison.Ordinal) || l.Contains("Zanzibarian", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(ServicesFixture.ApiKey, StringComparison.Ordinal) || l.Contains("wrong-key-0123456789", StringComparison.Ordinal));
    }

    /// <summary>Every log line at Debug or above (the per-article lines are at Debug), rendered with its arguments and exception.</summary>
    private sealed class CollectingProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
                }
            }
        }
    }
}
