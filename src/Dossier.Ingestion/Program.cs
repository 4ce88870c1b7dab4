using Dossier.Ingestion;
using Dossier.Ingestion.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDossierGrpc();
app.MapGrpcService<IngestionGrpcService>();
app.MapGrpcService<FeedGrpcService>();

app.Run();
