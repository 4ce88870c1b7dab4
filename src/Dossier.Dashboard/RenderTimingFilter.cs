using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Dossier.Dashboard;

/// <summary>
/// Logs how long each page takes on the server, from its handler to the end of rendering (gRPC reads included), and
/// adds it as a <c>Server-Timing</c> header so it shows in the browser's network panel.
/// </summary>
internal sealed partial class RenderTimingFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var http = context.HttpContext;
        http.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            http.Response.Headers.Append("Server-Timing", "handler;dur=" + ms.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        });
        await next();
        var logger = http.RequestServices.GetRequiredService<ILogger<RenderTimingFilter>>();
        http.Response.OnCompleted(() =>
        {
            Log.Rendered(logger, context.ActionDescriptor.ViewEnginePath, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Task.CompletedTask;
        });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Page {Page} answered {Status} in {ElapsedMs:0.0} ms")]
        public static partial void Rendered(ILogger logger, string page, int status, double elapsedMs);
    }
}
