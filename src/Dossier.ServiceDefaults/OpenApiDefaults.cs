using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The REST contract as a document: an OpenAPI description of the JSON-transcoded routes (the protos'
/// <c>google.api.http</c> rules), with the proto comments, served at <c>/openapi/v1.json</c> to anyone.
/// </summary>
public static class OpenApiDefaults
{
    public const string DocumentName = "v1";

    /// <summary>Where the document is served; <c>{documentName}</c> is <see cref="DocumentName"/>.</summary>
    public const string RouteTemplate = "/openapi/{documentName}.json";

    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The XML doc of the generated contract code, which carries the proto comments.</summary>
    public const string ContractsXmlFile = "Dossier.Contracts.xml";

    public static IHostApplicationBuilder AddDossierOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpcSwagger();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = builder.Environment.ApplicationName,
                Version = DocumentName,
                Description = "The JSON-transcoded REST routes of this service's gRPC API. Writes need the API key in the x-api-key header.",
            });
            options.AddSecurityDefinition(ApiKeys.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.Header,
                Description = "The Dossier API key (Dossier:ApiKey / DOSSIER_API_KEY).",
            });
            options.OperationFilter<ApiKeyOperationFilter>();
            var xml = Path.Combine(AppContext.BaseDirectory, ContractsXmlFile);
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
                options.IncludeGrpcXmlComments(xml, includeControllerXmlComments: true);
            }
        });
        return builder;
    }

    /// <summary>Maps the document at <see cref="DocumentPath"/>, readable without the key even when reads are locked.</summary>
    public static IEndpointConventionBuilder MapDossierOpenApi(this WebApplication app) =>
        app.MapSwagger(RouteTemplate).AllowAnonymous();
}
