using Dossier.Contracts.V1;
using Dossier.Domain;
using Dossier.Extraction;
using Dossier.Extraction.Services;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dossier.Services.Tests;

/// <summary>
/// Deadlines honoured end to end (extraction, query), cancellation reaching the extractor, and extraction's bounded queue answering
/// RESOURCE_EXHAUSTED when full. Waits are bounded by <see cref="Bound"/> (a hang guard, not a speed assertion).
/// </summary>
public sealed class DeadlineAndCapacityTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static string LargeArticle() =>
        string.Concat(Enumerable.Repeat("Ministers of the Global Coalition to Defeat ISIS met in Marrakesh, Morocco, on 11 May 2022. ", 10_000));

    [Fact]
    public async Task Extract_AlreadyExpiredDeadline_IsDeadlineExceededAndTheReplicaKeepsServing()
    {
        var client = services.ExtractionClient();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.ExtractAsync(new ExtractRequest { DocumentId = "late", Text = LargeArticle() }, deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        var after = await client.ExtractAsync(new ExtractRequest { DocumentId = "next", Text = "Ministers met in Rome, Italy." }, deadline: DateTime.UtcNow + Bound);
        Assert.Contains(after.Facts.Countries, c => c.Code == "IT");
    }

    [Fact]
    public async Task Search_AlreadyExpiredDeadline_IsDeadlineExceededAndTheQueryServiceKeepsServing()
    {
        var client = services.QueryClient();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.SearchAsync(new SearchRequest { Q = "coalition" }, deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        var stats = await client.GetStatsAsync(new GetStatsRequest(), deadline: DateTime.UtcNow + Bound);
        Assert.Equal("sqlite", stats.Engine);
    }

    [Fact]
    public async Task Extract_TinyDeadlineOnALargeArticle_IsDeadlineExceededOrCancelledAndTheSlotIsReleased()
    {
        var client = services.ExtractionClient();
        var gate = services.Extraction.Services.GetRequiredService<ExtractionGate>();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.ExtractAsync(new ExtractRequest { DocumentId = "tiny", Text = LargeArticle() }, deadline: DateTime.UtcNow.AddMilliseconds(20)).ResponseAsync);

        Assert.True(EndedByDeadline(e), e.Status.ToString());
        var idle = await Dossier.Tests.Shared.Eventually.GetAsync(() => Task.FromResult(gate.InFlight), n => n == 0, Bound);
        Assert.Equal(0, idle);
        var after = await client.ExtractAsync(new ExtractRequest { DocumentId = "next", Text = "Ministers met in Rome, Italy." }, deadline: DateTime.UtcNow + Bound);
        Assert.Contains(after.Facts.Countries, c => c.Code == "IT");
    }

    [Fact]
    public async Task Extract_CallerDeadlinePasses_CancellationReachesTheExtractor()
    {
        await using var blocking = new BlockingExtraction(maxConcurrency: 1, maxQueue: 0);
        var client = blocking.Client();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.ExtractAsync(new ExtractRequest { DocumentId = "d", Text = "Some text." }, deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);

        Assert.True(EndedByDeadline(e), e.Status.ToString());
        Assert.True(blocking.Extractor.Cancelled.Wait(Bound), "the extractor never saw the call's cancellation");
        var gate = blocking.Factory.Services.GetRequiredService<ExtractionGate>();
        Assert.Equal(0, await Dossier.Tests.Shared.Eventually.GetAsync(() => Task.FromResult(gate.InFlight), n => n == 0, Bound));
    }

    [Fact]
    public async Task Extract_SecondCallWhileTheOnlySlotIsTakenAndNoQueue_IsResourceExhausted()
    {
        await using var blocking = new BlockingExtraction(maxConcurrency: 1, maxQueue: 0);
        var client = blocking.Client();
        using var first = client.ExtractAsync(new ExtractRequest { DocumentId = "first", Text = "Some text." }, deadline: DateTime.UtcNow + Bound);
        Assert.True(blocking.Extractor.Entered.Wait(Bound), "the first call never reached the extractor");

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.ExtractAsync(new ExtractRequest { DocumentId = "second", Text = "Some text." }, deadline: DateTime.UtcNow + Bound).ResponseAsync);
        blocking.Extractor.Release.Set();
        var done = await first.ResponseAsync;

        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Contains("capacity", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("first", done.Facts.Doc);
        var status = await client.GetStatusAsync(new GetExtractionStatusRequest(), deadline: DateTime.UtcNow + Bound);
        Assert.Equal((1L, 0, 1, 0), (status.Refused, status.InFlight, status.MaxConcurrency, status.MaxQueue));
    }

    [Fact]
    public async Task EnterAsync_OneSlotNoQueue_RefusesTheSecondEntryUntilTheFirstLeaves()
    {
        using var gate = new ExtractionGate(Options.Create(new ExtractionOptions { MaxConcurrency = 1, MaxQueue = 0 }));

        var first = await gate.EnterAsync(CancellationToken.None);
        var second = await gate.EnterAsync(CancellationToken.None);
        first!.Dispose();
        var third = await gate.EnterAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
        third!.Dispose();
        Assert.Equal((1L, 2L, 0), (gate.Refused, gate.Extracted, gate.InFlight));
    }

    /// <summary>
    /// The call ended by its deadline: DEADLINE_EXCEEDED (or CANCELLED). The server answers DEADLINE_EXCEEDED and resets
    /// the stream; when that reset reaches the in-memory client before the client's own deadline fires, the test host
    /// reports it as INTERNAL "The application reset the request" (a real HTTP/2 client sees the status).
    /// </summary>
    // Two in-memory-host artefacts also mean "the deadline ended the call": the server resetting the stream, and the
    // deadline passing while grpc-dotnet still reads the 1 MB request body, before any Dossier code runs (over a real
    // connection the client's own deadline timer answers DEADLINE_EXCEEDED first).
    private static bool EndedByDeadline(RpcException e) =>
        e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled
        || (e.StatusCode == StatusCode.Internal && e.Status.Detail.Contains("reset the request", StringComparison.Ordinal))
        || (e.StatusCode == StatusCode.Unknown && e.Status.Detail.Contains("Read was canceled on underlying PipeReader", StringComparison.Ordinal));

    /// <summary>An extractor that holds its slot until released (or until the call is cancelled), deterministically.</summary>
    private sealed class BlockingExtractor : IFactExtractor
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public ManualResetEventSlim Cancelled { get; } = new();

        public string Version => "blocking";

        public ExtractionResult Extract(ExtractionRequest request, CancellationToken cancellationToken = default)
        {
            Entered.Set();
            try
            {
                Release.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.Set();
                throw;
            }

            return new ExtractionResult(new Domain.DocumentFacts { Doc = request.DocId, ExtractorVersion = Version }, request.Text);
        }
    }

    /// <summary>An extraction service with the blocking extractor and the given limits.</summary>
    private sealed class BlockingExtraction : IAsyncDisposable
    {
        public BlockingExtraction(int maxConcurrency, int maxQueue)
        {
            Factory = new WebApplicationFactory<ExtractionGrpcService>().WithWebHostBuilder(b =>
            {
                b.UseSetting(ApiKeys.ConfigKey, ServicesFixture.ApiKey);
                b.UseSetting("Dossier:Extraction:MaxConcurrency", maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
                b.UseSetting("Dossier:Extraction:MaxQueue", maxQueue.ToString(System.Globalization.CultureInfo.InvariantCulture));
                b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IFactExtractor>(Extractor)));
            });
        }

        public BlockingExtractor Extractor { get; } = new();

        public WebApplicationFactory<ExtractionGrpcService> Factory { get; }

        public ExtractionService.ExtractionServiceClient Client() => new(ServicesFixture.Channel(Factory));

        public async ValueTask DisposeAsync()
        {
            Extractor.Release.Set();
            await Factory.DisposeAsync();
        }
    }
}
