using Escalation.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
// ASP.NET Core integration: the HTTP triggers take HttpRequest and answer with the endpoints' results.
builder.ConfigureFunctionsWebApplication();
builder.Services.AddEscalationFunctions(builder.Configuration);
builder.Build().Run();
