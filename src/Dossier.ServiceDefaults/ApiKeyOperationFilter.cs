using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Microsoft.Extensions.Hosting;

/// <summary>Marks the operations whose gRPC method carries <see cref="RequiresApiKeyAttribute"/> as needing the API key header.</summary>
internal sealed class ApiKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKeyAttribute>().Any())
        {
            return;
        }

        var scheme = new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = ApiKeys.Scheme } };
        operation.Security.Add(new OpenApiSecurityRequirement { [scheme] = [] });
    }
}
