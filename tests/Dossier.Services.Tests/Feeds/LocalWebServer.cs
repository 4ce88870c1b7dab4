using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Dossier.Services.Tests.Feeds;

/// <summary>
/// A real Kestrel server on a loopback port for the fetcher and feed tests: each path answers what the test put there
/// (static content with an ETag and conditional GET, or a handler of its own), every request is counted.
/// </summary>
public sealed class LocalWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, DateTimeOffset At, int Status)> _requests = new();

    private LocalWebServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Requests served so far, in order: path, time and status.</summary>
    public IReadOnlyList<(string Path, DateTimeOffset At, int Status)> Requests => [.. _requests];

    public static async Task<LocalWebServer> StartAsync()
    {
        // An empty builder: no appsettings.json of the services (their Kestrel endpoints) and no fixed port.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalWebServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First());
        return server;
    }

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> with an ETag of its own; If-None-Match with it answers 304.</summary>
    public void Serve(string path, string content, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"";
        Handle(path, async context =>
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = contentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });
    }

    public void Handle(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public void Redirect(string path, string location, int status = StatusCodes.Status302Found) => Handle(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    public int Count(string path) => _requests.Count(r => r.Path == path);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }

        _requests.Enqueue((path, DateTimeOffset.UtcNow, context.Response.StatusCode));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
