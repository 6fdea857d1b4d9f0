using Escalation.Functions.Hosting;
using Escalation.Functions.Language;
using Escalation.Api.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// The same services as the embedded server; the Functions host adds only its bindings and Azure-only adapters.
builder.Services.AddEscalation(builder.Configuration);
builder.Services.AddAzureLanguageSentiment(builder.Configuration);
builder.Services.AddAzureMonitorTelemetry(builder.Configuration);

builder.Build().Run();
