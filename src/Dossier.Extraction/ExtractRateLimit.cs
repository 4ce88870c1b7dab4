using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Dossier.Extraction;

/// <summary>The rate limit of <c>Extract</c> for callers without the API key (configuration <c>Dossier:Extraction:RateLimit</c>).</summary>
public sealed class ExtractRateLimitOptions
{
    public const string Section = "Dossier:Extraction:RateLimit";

    /// <summary>Extractions one client address may ask for per <see cref="Window"/> without the API key; 0 turns the limit off.</summary>
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Extraction is CPU-heavy and open to read: ASP.NET Core's rate limiter gives each client address a fixed window of
/// extractions when it calls without the API key; callers with the key (ingestion) are not limited. Over the limit a
/// gRPC caller gets <c>RESOURCE_EXHAUSTED</c>, a REST caller 429, both with <c>Retry-After</c>.
/// </summary>
public static class ExtractRateLimit
{
    public const string Policy = "extract";

    public static IHostApplicationBuilder AddExtractRateLimit(this IHostApplicationBuilder builder)
    {
        var limit = builder.Configuration.GetSection(ExtractRateLimitOptions.Section).Get<ExtractRateLimitOptions>() ?? new ExtractRateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => limit.PermitLimit <= 0 || context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                }));
            o.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        var message = $"too many extractions from this address without the API key; retry after {seconds} s (callers with the key are not limited)";
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.HttpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // Trailers-only, so the client sees RESOURCE_EXHAUSTED with the reason (and retry-after among the trailers).
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "8";
            response.Headers["grpc-message"] = message;
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        await response.WriteAsJsonAsync(new { code = 8, message }, cancellationToken);
    }
}
