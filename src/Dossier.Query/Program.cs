using Dossier.Query;
using Dossier.Query.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDossierGrpc();
app.MapGrpcService<QueryGrpcService>();

app.Run();
