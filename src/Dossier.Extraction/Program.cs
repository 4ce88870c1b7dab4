using Dossier.Extraction;
using Dossier.Extraction.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDossierGrpc();
app.UseRateLimiter();
app.MapGrpcService<ExtractionGrpcService>();

app.Run();
