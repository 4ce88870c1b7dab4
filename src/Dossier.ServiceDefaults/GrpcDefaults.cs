using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>How every Dossier gRPC service is hosted: limits, JSON transcoding and its OpenAPI document, reflection (switchable) and gRPC health.</summary>
public static class GrpcDefaults
{
    /// <summary>Largest gRPC message accepted or sent (an article at the text limit fits with room to spare).</summary>
    public const int MaxMessageSize = 8 * 1024 * 1024;

    /// <summary>Switches gRPC reflection on or off (default: on in Development only).</summary>
    public const string ReflectionKey = "Dossier:Reflection";

    public static IHostApplicationBuilder AddDossierGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddGrpc(options =>
            {
                options.MaxReceiveMessageSize = MaxMessageSize;
                options.MaxSendMessageSize = MaxMessageSize;
                options.EnableDetailedErrors = builder.Environment.IsDevelopment();
                options.Interceptors.Add<StoreErrorInterceptor>();
                options.Interceptors.Add<NulGuardInterceptor>();
            })
            .AddJsonTranscoding();
        if (ReflectionEnabled(builder.Configuration, builder.Environment))
        {
            builder.Services.AddGrpcReflection();
        }

        builder.Services.AddGrpcHealthChecks();
        builder.AddDossierApiKey();
        builder.AddDossierOpenApi();
        return builder;
    }

    /// <summary>Whether gRPC reflection is served: <c>Dossier:Reflection</c>, by default on in Development only.</summary>
    public static bool ReflectionEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(ReflectionKey, environment.IsDevelopment());

    public static WebApplication MapDossierGrpc(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        if (ReflectionEnabled(app.Configuration, app.Environment))
        {
            app.MapGrpcReflectionService();
        }

        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapDossierOpenApi();
        return app;
    }
}

/// <summary>Turns a refused input into the right gRPC status (HTTP 400 through JSON transcoding).</summary>
public static class GrpcErrors
{
    public static void ThrowIfInvalid(string? problem)
    {
        if (problem is not null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }
    }

    public static RpcException NotFound(string what) => new(new Status(StatusCode.NotFound, $"{what} not found"));
}
