using System.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>A service's store as its health check, its gRPC error mapping and its hosted services see it.</summary>
public interface IStoreGuard
{
    /// <summary>Where the store lives (the file, or the server and database), as errors and health reports name it.</summary>
    string Name { get; }

    /// <summary>Opens the store unless it is open or its last failed attempt is too recent; returns the problem, or null.</summary>
    string? TryOpen();

    /// <summary>Opens the store if needed, then probes it; returns the problem, or null when the store can be used now.</summary>
    string? Check();

    /// <summary><c>UNAVAILABLE</c> naming the store and the problem, when <paramref name="e"/> says the store cannot be used; else null.</summary>
    RpcException? Unavailable(Exception e);
}

/// <summary>
/// Holds a service's store and keeps the service up when the store is broken: opens it on first use rather than at
/// start, remembers why opening failed and tries again every <see cref="RetryInterval"/>, and meanwhile answers every
/// call with <c>UNAVAILABLE</c> "&lt;file&gt;: &lt;reason&gt;". <see cref="Proxy"/> is the store for the service's classes:
/// each call goes to the store once it is open.
/// </summary>
public sealed class StoreGuard<T> : IStoreGuard, IDisposable
    where T : class
{
    /// <summary>How long a failed open is remembered before the next attempt.</summary>
    public static TimeSpan RetryInterval => StoreGuardExtensions.RetryInterval;

    private readonly Func<T> _open;
    private readonly Func<string?> _probe;
    private readonly Func<Exception, string?> _describe;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private volatile T? _store;
    private string? _error;
    private DateTimeOffset _nextAttempt;

    /// <param name="name">Where the store lives, as errors name it.</param>
    /// <param name="open">Opens (and migrates) the store; throws when it cannot.</param>
    /// <param name="probe">A cheap, truthful check of the open store: the problem, or null.</param>
    /// <param name="describe">The reason an exception gives for the store being unusable (locked, corrupt, unreachable), or null.</param>
    public StoreGuard(string name, Func<T> open, Func<string?> probe, Func<Exception, string?> describe, ILogger logger, TimeProvider? time = null)
    {
        Name = name;
        _open = open;
        _probe = probe;
        _describe = describe;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Proxy = StoreProxy<T>.Create(this);
    }

    public string Name { get; }

    /// <summary>Stands for the store: each call opens it if needed (or throws <c>UNAVAILABLE</c>) and goes to it.</summary>
    public T Proxy { get; }

    /// <summary>The open store; <c>UNAVAILABLE</c> with the reason while it cannot be opened.</summary>
    public T Store => _store ?? Open() ?? throw new RpcException(new Status(StatusCode.Unavailable, $"{Name}: {_error}"));

    public string? TryOpen() => (_store ?? Open()) is null ? _error : null;

    public string? Check()
    {
        if ((_store ?? Open()) is null)
        {
            return _error;
        }

        try
        {
            return _probe();
        }
        catch (Exception e)
        {
            return _describe(e) ?? $"{e.GetType().Name}: {e.Message}";
        }
    }

    public RpcException? Unavailable(Exception e) =>
        e is RpcException || _describe(e) is not { } reason ? null : new RpcException(new Status(StatusCode.Unavailable, $"{Name}: {reason}"), e.Message);

    private T? Open()
    {
        lock (_lock)
        {
            if (_store is not null)
            {
                return _store;
            }

            var now = _time.GetUtcNow();
            if (now < _nextAttempt)
            {
                return null;
            }

            try
            {
                _store = _open();
                if (_error is not null)
                {
                    _logger.LogInformation("Store {Store} opened; it was unavailable: {Problem}", Name, _error);
                }

                _error = null;
                return _store;
            }
            catch (Exception e)
            {
                var error = _describe(e) ?? $"{e.GetType().Name}: {e.Message}";
                if (error != _error)
                {
                    // Once per distinct problem: a broken store is retried every few seconds and must not flood the log.
                    _logger.LogError("Store {Store} cannot be opened: {Problem}. Calls answer UNAVAILABLE and /health is unhealthy; retrying every {Interval} s",
                        Name, error, RetryInterval.TotalSeconds);
                }

                _error = error;
                _nextAttempt = now + RetryInterval;
                return null;
            }
        }
    }

    public void Dispose() => (_store as IDisposable)?.Dispose();
}

/// <summary>The stand-in for a guarded store: forwards every call to the store once it is open.</summary>
public class StoreProxy<T> : DispatchProxy
    where T : class
{
    private StoreGuard<T>? _guard;

    internal static T Create(StoreGuard<T> guard)
    {
        var proxy = DispatchProxy.Create<T, StoreProxy<T>>();
        ((StoreProxy<T>)(object)proxy)._guard = guard;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod!.Invoke(_guard!.Store, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
}

/// <summary>The store's health on <c>/health</c> (not on <c>/alive</c>: a broken store is no reason to restart the process).</summary>
internal sealed class StoreHealthCheck(IStoreGuard guard) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = await Task.Run(guard.Check, cancellationToken);
        return problem is null
            ? HealthCheckResult.Healthy($"{guard.Name}: usable")
            : new HealthCheckResult(context.Registration.FailureStatus, $"{guard.Name}: {problem}");
    }
}

/// <summary>
/// Turns a store error raised inside a gRPC call (locked, corrupt, unreachable) into <c>UNAVAILABLE</c> with its reason, and
/// work cancelled by the call's own token into <c>DEADLINE_EXCEEDED</c> or <c>CANCELLED</c>.
/// </summary>
internal sealed class StoreErrorInterceptor(IEnumerable<IStoreGuard> guards, ILogger<StoreErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Translate(e, context) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (Translate(e, context) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (Translate(e, context) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (Translate(e, context) is { } unavailable)
        {
            throw unavailable;
        }
    }

    private RpcException? Translate(Exception e, ServerCallContext context)
    {
        if (e is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            // The caller's deadline passed or it went away, and the store's work was cancelled with it: the status the client
            // sees (grpc-dotnet answers DEADLINE_EXCEEDED itself once the deadline passes), not an error of the handler.
            return context.Deadline <= DateTime.UtcNow
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "the call's deadline passed"))
                : new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }

        if (e is RpcException or OperationCanceledException)
        {
            return null;
        }

        foreach (var guard in guards)
        {
            if (guard.Unavailable(e) is { } unavailable)
            {
                logger.LogWarning("{Method} answered UNAVAILABLE: {Detail}", context.Method, unavailable.Status.Detail);
                return unavailable;
            }
        }

        return null;
    }
}

/// <summary>
/// Runs a hosted service once the service's stores can be opened, and runs it again (after a pause) when it fails: a
/// store that is broken at start, or breaks later, never stops the host (no crash loop) — /health says what is wrong.
/// </summary>
internal sealed class StoreGatedService<TService>(
    IServiceProvider services, IEnumerable<IStoreGuard> guards, ILogger<StoreGatedService<TService>> logger) : BackgroundService
    where TService : class, IHostedService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitForStoresAsync(stoppingToken);
            var inner = ActivatorUtilities.CreateInstance<TService>(services);
            try
            {
                await inner.StartAsync(stoppingToken);
                if (inner is BackgroundService { ExecuteTask: { } task })
                {
                    await task.WaitAsync(stoppingToken);
                }
                else
                {
                    await Task.Delay(Timeout.Infinite, stoppingToken);
                }

                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await inner.StopAsync(CancellationToken.None);
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Service} failed; it starts again in {Delay} s", typeof(TService).Name, StoreGuardExtensions.RetryInterval.TotalSeconds);
                await StopQuietlyAsync(inner);
                await Task.Delay(StoreGuardExtensions.RetryInterval, stoppingToken);
            }
            finally
            {
                (inner as IDisposable)?.Dispose();
            }
        }
    }

    private async Task WaitForStoresAsync(CancellationToken stoppingToken)
    {
        string? said = null;
        while (guards.Select(g => g.TryOpen() is { } problem ? $"{g.Name}: {problem}" : null).FirstOrDefault(p => p is not null) is { } problem)
        {
            if (problem != said)
            {
                logger.LogWarning("{Service} waits for its store: {Problem}", typeof(TService).Name, problem);
                said = problem;
            }

            await Task.Delay(StoreGuardExtensions.RetryInterval, stoppingToken);
        }
    }

    private async Task StopQuietlyAsync(IHostedService inner)
    {
        try
        {
            await inner.StopAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Stopping the failed {Service}", typeof(TService).Name);
        }
    }
}

/// <summary>Registration of a guarded store and of hosted services that need it.</summary>
public static class StoreGuardExtensions
{
    /// <summary>How long a failed open of a store is remembered before the next attempt; also the pause before a failed hosted service starts again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Registers <typeparamref name="T"/> as a guarded store (<see cref="StoreGuard{T}"/>): opened on first use, calls
    /// answered <c>UNAVAILABLE</c> with the reason while it is broken, and a "store" check on <c>/health</c>.
    /// </summary>
    /// <remarks><paramref name="check"/>: the health check's name (one per store of a service).</remarks>
    public static IHostApplicationBuilder AddDossierStore<T>(
        this IHostApplicationBuilder builder, string name, Func<T> open, Func<string?> probe, Func<Exception, string?> describe, string check = "store")
        where T : class
    {
        builder.Services.AddSingleton(sp => new StoreGuard<T>(name, open, probe, describe, sp.GetRequiredService<ILogger<StoreGuard<T>>>()));
        builder.Services.AddSingleton<IStoreGuard>(sp => sp.GetRequiredService<StoreGuard<T>>());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<StoreGuard<T>>().Proxy);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            check, sp => new StoreHealthCheck(sp.GetRequiredService<StoreGuard<T>>()), failureStatus: HealthStatus.Unhealthy, tags: ["ready"]));
        return builder;
    }

    /// <summary>A hosted service that starts once the stores open, and starts again after a failure instead of stopping the host.</summary>
    public static IServiceCollection AddHostedServiceAfterStores<TService>(this IServiceCollection services)
        where TService : class, IHostedService =>
        services.AddHostedService<StoreGatedService<TService>>();
}
