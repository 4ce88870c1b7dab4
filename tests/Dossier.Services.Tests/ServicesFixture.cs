using System.Globalization;
using System.Net;
using Dossier.Contracts.V1;
using Dossier.Extraction.Services;
using Dossier.Tests.Shared;
using Dossier.Ingestion.Services;
using Dossier.Query.Services;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dossier.Services.Tests;

/// <summary>
/// The three services in memory, chained as in production: ingestion's gRPC clients talk to the extraction and
/// query test servers through their handlers, each behind a switch that can take the service "down" or make it fail.
/// Each fixture has its own data folder.
/// </summary>
public sealed class ServicesFixture : IDisposable
{
    public ServicesFixture()
        : this(new Dictionary<string, string>
        {
            ["Dossier:Ingestion:PollInterval"] = "00:00:00.100",
            ["Dossier:Ingestion:RetryBaseDelay"] = "00:00:00.050",
        }, null, null, null)
    {
    }

    private ServicesFixture(
        IReadOnlyDictionary<string, string> ingestionSettings, string? dataDir, Action<IWebHostBuilder>? everyService, Func<Dossier.Domain.IFactExtractor, Dossier.Domain.IFactExtractor>? extractor)
    {
        DataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "dossier-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
        Extraction = new WebApplicationFactory<ExtractionGrpcService>().WithWebHostBuilder(b =>
        {
            // Ingestion calls extraction with the key, as in production: it is not rate limited.
            b.UseSetting(ApiKeys.ConfigKey, ApiKey);
            everyService?.Invoke(b);
            if (extractor is not null)
            {
                b.ConfigureTestServices(services => services.AddSingleton(_ => extractor(Dossier.Pipeline.ExtractionPipeline.CreateDefault())));
            }
        });
        Query = new WebApplicationFactory<QueryGrpcService>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Dossier:DataDir", DataDir);
            b.UseSetting(ApiKeys.ConfigKey, ApiKey);
            everyService?.Invoke(b);
        });
        Ingestion = new WebApplicationFactory<IngestionGrpcService>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Dossier:DataDir", DataDir);
            b.UseSetting(ApiKeys.ConfigKey, ApiKey);
            b.UseSetting("Dossier:Seeds", "off");
            foreach (var (key, value) in ingestionSettings)
            {
                b.UseSetting(key, value);
            }

            everyService?.Invoke(b);
            b.ConfigureTestServices(services =>
            {
                services.AddGrpcClient<ExtractionService.ExtractionServiceClient>(o => o.Address = Extraction.Server.BaseAddress)
                    .ConfigurePrimaryHttpMessageHandler(() => new Switch(ExtractionSwitch) { InnerHandler = Extraction.Server.CreateHandler() });
                services.AddGrpcClient<QueryService.QueryServiceClient>(o => o.Address = Query.Server.BaseAddress)
                    .ConfigurePrimaryHttpMessageHandler(() => new Switch(QuerySwitch) { InnerHandler = Query.Server.CreateHandler() });
            });
        });
    }

    /// <summary>
    /// A system of its own for one test, with fast retries and the given queue settings (on <paramref name="dataDir"/> to
    /// restart on an earlier one's data); <paramref name="everyService"/> configures all three hosts (e.g. logging).
    /// </summary>
    /// <remarks>
    /// <paramref name="settings"/>: more ingestion settings (e.g. <c>Dossier:Ingestion:Feeds:*</c>); <paramref name="extractor"/>:
    /// what extraction runs instead of the default pipeline (given that pipeline, e.g. to wrap it).
    /// </remarks>
    public static ServicesFixture Create(
        int maxAttempts = 4, int maxPending = 1000, int workers = 2, string? dataDir = null, Action<IWebHostBuilder>? everyService = null,
        IReadOnlyDictionary<string, string>? settings = null, Func<Dossier.Domain.IFactExtractor, Dossier.Domain.IFactExtractor>? extractor = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Dossier:Ingestion:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Dossier:Ingestion:MaxPending"] = maxPending.ToString(CultureInfo.InvariantCulture),
            ["Dossier:Ingestion:Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Dossier:Ingestion:PollInterval"] = "00:00:00.050",
            ["Dossier:Ingestion:RetryBaseDelay"] = "00:00:00.020",
            ["Dossier:Ingestion:RetryMaxDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return new(all, dataDir, everyService, extractor);
    }

    /// <summary>The write key of the query and ingestion test servers; clients of <see cref="Channel{T}"/> send it.</summary>
    public const string ApiKey = "test-key-3f9c2a";

    public string DataDir { get; }

    public WebApplicationFactory<ExtractionGrpcService> Extraction { get; }

    public WebApplicationFactory<QueryGrpcService> Query { get; }

    public WebApplicationFactory<IngestionGrpcService> Ingestion { get; }

    /// <summary>While off, ingestion's calls to extraction fail as if it were down (connection refused → UNAVAILABLE).</summary>
    public ServiceSwitch ExtractionSwitch { get; } = new();

    public ServiceSwitch QuerySwitch { get; } = new();

    /// <summary>A channel to the test server that sends <paramref name="apiKey"/> (the fixture's key unless told otherwise; null for none).</summary>
    public static GrpcChannel Channel<T>(WebApplicationFactory<T> factory, string? apiKey = ApiKey)
        where T : class =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = apiKey is null ? factory.Server.CreateHandler() : new Dossier.Contracts.ApiKeyHandler(apiKey) { InnerHandler = factory.Server.CreateHandler() },
        });

    /// <summary>An HTTP client of the test server (REST through JSON transcoding) that sends the fixture's key.</summary>
    public static HttpClient Http<T>(WebApplicationFactory<T> factory, string? apiKey = ApiKey)
        where T : class
    {
        var client = factory.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.Header, apiKey);
        }

        return client;
    }

    public ExtractionService.ExtractionServiceClient ExtractionClient() => new(Channel(Extraction));

    public QueryService.QueryServiceClient QueryClient() => new(Channel(Query));

    public IngestionService.IngestionServiceClient IngestionClient() => new(Channel(Ingestion));

    /// <summary>Waits (bounded) until ingestion reports the article in <paramref name="status"/>, and returns it.</summary>
    public async Task<Document> WaitForAsync(string id, DocumentStatus status)
    {
        var client = IngestionClient();
        var document = await Eventually.GetAsync(
            async () => await client.GetDocumentAsync(new GetDocumentRequest { Id = id }), d => d.Status == status, TimeSpan.FromSeconds(30));
        Assert.True(document.Status == status, $"{id}: {document.Status} after {document.Attempts} attempts ({document.Error}), expected {status}");
        return document;
    }

    /// <summary>Stops the services and keeps the data folder (for a restart on it).</summary>
    public void Stop()
    {
        Ingestion.Dispose();
        Query.Dispose();
        Extraction.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed class ServiceSwitch
    {
        public volatile bool Up = true;

        /// <summary>When set, the service answers this status instead of being down.</summary>
        public volatile string? FailWith;

        public int Refused;
    }

    private sealed class Switch(ServiceSwitch state) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!state.Up)
            {
                Interlocked.Increment(ref state.Refused);
                throw new HttpRequestException("Connection refused (test switch)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
            }

            if (state.FailWith is { } status)
            {
                // A trailers-only gRPC response with that status, as a failing server sends it.
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
                response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
                response.Headers.Add("grpc-status", status);
                response.Headers.Add("grpc-message", "failing on purpose (test switch)");
                return Task.FromResult(response);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
