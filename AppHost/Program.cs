using Microsoft.Extensions.DependencyInjection;

// Dossier: ingestion → extraction → query over gRPC, and the dashboard reading query.
var builder = DistributedApplication.CreateBuilder(args);

var settings = DossierSettings.From(builder);

var extraction = builder.AddProject<Projects.Dossier_Extraction>("extraction")
    .WithHttpHealthCheck("/health", endpointName: "http");

var query = builder.AddProject<Projects.Dossier_Query>("query")
    .WithEnvironment("DOSSIER_DATA_DIR", settings.DataDir)
    .WithHttpHealthCheck("/health", endpointName: "http");
if (settings.UsePostgres)
{
    // The knowledge store on PostgreSQL instead of embedded SQLite: ConnectionStrings:dossier of the app host.
    query.WithReference(builder.AddConnectionString("dossier"));
}

var ingestion = builder.AddProject<Projects.Dossier_Ingestion>("ingestion")
    .WithEnvironment("DOSSIER_DATA_DIR", settings.DataDir)
    .WithEnvironment("Dossier__Seeds", settings.Seeds)
    .WithReference(extraction.GetEndpoint("grpc")).WaitFor(extraction)
    .WithReference(query.GetEndpoint("grpc")).WaitFor(query)
    .WithHttpHealthCheck("/health", endpointName: "http");

builder.AddProject<Projects.Dossier_Dashboard>("dashboard")
    .WithReference(query.GetEndpoint("grpc")).WaitFor(query)
    .WithReference(ingestion.GetEndpoint("grpc"))
    .WithEnvironment(context =>
    {
        // The Aspire dashboard's own address, read from its resource once ports are allocated (under
        // Aspire.Hosting.Testing it listens on a random port, not on the app host's ASPNETCORE_URLS).
        var model = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>();
        context.EnvironmentVariables["Dossier__AspireDashboardUrl"] =
            model.Resources.OfType<IResourceWithEndpoints>().FirstOrDefault(r => r.Name == "aspire-dashboard") is { } aspire
                ? aspire.GetEndpoint("http")
                : settings.AspireDashboardUrl;
    })
    .WithEnvironment("Dossier__AspireDashboardApiKey", settings.AspireDashboardApiKey)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
