using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Dossier: ingestion → extraction (one or more replicas) → query over gRPC, and the dashboard reading query.
var builder = DistributedApplication.CreateBuilder(args);

var settings = DossierSettings.From(builder);

// Writes need this key (x-api-key); see ApiKeyResources for how each service gets it.
// A secret parameter, so the Aspire dashboard masks it.
var apiKey = builder.AddParameter("dossier-api-key", settings.ApiKey, secret: true);
// Never printed: the CLI reads it from where it is kept, the dashboard signs people in with a one-time link instead.
Console.WriteLine($"Dossier API key for writes (x-api-key): {settings.ApiKeyOrigin}");

// Extraction is stateless: replicas "extraction", "extraction-2", … each on its own ports; ingestion lists them all
// under the one service name and spreads its calls across them (client-side load balancing via service discovery).
var extractions = Enumerable.Range(1, settings.ExtractionReplicas).Select(i =>
{
    var replica = builder.AddProject<Projects.Dossier_Extraction>(i == 1 ? "extraction" : $"extraction-{i}")
        // One service in traces and metrics; replicas differ by service.instance.id.
        .WithEnvironment("OTEL_SERVICE_NAME", "extraction")
        .WithEnvironment("Dossier__LockReads", settings.LockReads.ToString())
        .WithApiKey(settings, apiKey)
        .WithHttpHealthCheck("/health", endpointName: "http");
    PassSection(builder, replica, "Dossier:Extraction");
    if (i > 1)
    {
        // The first replica keeps the ports of appsettings.json; the others take free ones.
        replica.WithEndpoint("grpc", e => e.Port = null).WithEndpoint("http", e => e.Port = null);
    }

    return replica;
}).ToList();

var query = builder.AddProject<Projects.Dossier_Query>("query")
    .WithEnvironment("DOSSIER_DATA_DIR", settings.DataDir)
    .WithApiKey(settings, apiKey)
    .WithEnvironment("Dossier__LockReads", settings.LockReads.ToString())
    .WithHttpHealthCheck("/health", endpointName: "http");

var ingestion = builder.AddProject<Projects.Dossier_Ingestion>("ingestion")
    .WithEnvironment("DOSSIER_DATA_DIR", settings.DataDir)
    .WithEnvironment("Dossier__Seeds", settings.Seeds)
    .WithApiKey(settings, apiKey)
    .WithEnvironment("Dossier__LockReads", settings.LockReads.ToString())
    .WithReference(query.GetEndpoint("grpc")).WaitFor(query)
    .WithHttpHealthCheck("/health", endpointName: "http");
// Every Dossier:Ingestion:* setting, nested ones too: e.g. --Dossier:Ingestion:Feeds:AllowPrivateNetworks=true (feeds on the
// local network) or --Dossier:Ingestion:Feeds:DefaultIntervalSeconds=300.
PassSection(builder, ingestion, "Dossier:Ingestion");
for (var i = 0; i < extractions.Count; i++)
{
    var endpoint = extractions[i].GetEndpoint("grpc");
    var variable = $"services__extraction__grpc__{i}";
    ingestion.WithEnvironment(context => context.EnvironmentVariables[variable] = endpoint).WaitFor(extractions[i]);
}

if (settings.UsePostgres)
{
    // Articles, work queue and knowledge in PostgreSQL instead of embedded SQLite: ConnectionStrings:dossier of the app host.
    var database = builder.AddConnectionString("dossier");
    query.WithReference(database);
    ingestion.WithReference(database);
}

var dashboard = builder.AddProject<Projects.Dossier_Dashboard>("dashboard")
    .WithReference(query.GetEndpoint("grpc")).WaitFor(query)
    .WithReference(ingestion.GetEndpoint("grpc"))
    .WithApiKey(settings, apiKey)
    .WithEnvironment("Dossier__LockReads", settings.LockReads.ToString())
    .WithOneTimeSignInLink(settings.SignInLinkLifetime)
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
if (settings.DashboardPasswordHash is { } passwordHash)
{
    dashboard.WithEnvironment("Dossier__Dashboard__PasswordHash", builder.AddParameter("dashboard-password-hash", passwordHash, secret: true));
}

builder.Build().Run();

// Tuning given to the app host (e.g. --Dossier:Ingestion:MaxPending=5000) reaches the service it is for.
static void PassSection<T>(IDistributedApplicationBuilder builder, IResourceBuilder<T> resource, string section)
    where T : IResourceWithEnvironment
{
    foreach (var (key, value) in builder.Configuration.GetSection(section).AsEnumerable(makePathsRelative: true))
    {
        if (value is not null)
        {
            resource.WithEnvironment($"{section.Replace(":", "__", StringComparison.Ordinal)}__{key.Replace(":", "__", StringComparison.Ordinal)}", value);
        }
    }
}
