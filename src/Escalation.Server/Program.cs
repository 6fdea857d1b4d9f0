using Escalation.Api.Hosting;
using Escalation.Api.Http;
using Escalation.Api.Privacy;
using Escalation.Api.Simulations;
using Escalation.Infrastructure.Storage;
using Escalation.Core.Knowledge;
using Escalation.Core.Workflow;
using Escalation.Server;

// appsettings.json ships beside the server's dll. The content root defaults to the current directory — the repository
// root under `dotnet run --project src/Escalation.Server` — where it is not, and without it every request was logged
// at Information. Use the app's folder unless the current directory has an appsettings.json of its own.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
});
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:7071");
}

var configuredUrls = (builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:7071")
    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

// Links (review emails, audit URLs) follow the server's address unless Escalation:PublicBaseUrl says otherwise: the
// configured one until the server has bound (a case resumed at start may email a link), then the one it bound.
var publicBaseUrlSet = !string.IsNullOrEmpty(builder.Configuration["Escalation:PublicBaseUrl"]);
if (!publicBaseUrlSet)
{
    builder.Configuration["Escalation:PublicBaseUrl"] = ServerAddresses.PublicBase(configuredUrls);
}

WebApplication app;
EscalationSettings settings;
Workspace workspace;
CaseApi api;
ICaseOrchestrationClient cases;
StartedClock? clock = null;
try
{
    // Escalation:ClockStart (local server only): decide sample or past tickets as of their own day.
    if ((clock = StartedClock.FromSetting(builder.Configuration["Escalation:ClockStart"])) is not null)
    {
        builder.Services.AddSingleton<TimeProvider>(clock);
    }

    builder.Services.AddEscalation(builder.Configuration).AddEmbeddedWorkflow();
    app = builder.Build();
    settings = app.Services.GetRequiredService<EscalationSettings>();
    settings.CreateDataDirectory();
    workspace = app.Services.GetRequiredService<Func<Workspace>>()();
    api = app.Services.GetRequiredService<CaseApi>();
    cases = app.Services.GetRequiredService<ICaseOrchestrationClient>();
}
catch (Exception ex) when (ex is WorkspaceValidationException or IOException or InvalidOperationException or UriFormatException)
{
    Console.Error.WriteLine("The service cannot start:");
    Console.Error.WriteLine("  " + ex.Message);
    return 2;
}
var keyRequired = !string.IsNullOrEmpty(settings.CaseService.ApiKey);
if (!keyRequired && !configuredUrls.All(ServerAddresses.IsLoopback))
{
    return RefuseWithoutKey(configuredUrls);
}

// Kestrel's own configuration (Kestrel:Endpoints) binds other addresses than --urls: what counts is what the server
// bound. Until that is checked (when the server has started) no request is served; when it fails, none ever is.
var mayServe = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
var exitCode = 0;
app.Use(async (context, next) =>
{
    if (await mayServe.Task)
    {
        await next(context);
    }
    else
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }
});

// One mapping per route; each a line over the shared handlers. "open" routes carry their own signatures.
void Map(string method, string pattern, bool open, Func<ApiRequest, RouteValueDictionary, CancellationToken, Task<ApiResponse>> handle) =>
    app.MapMethods(pattern, [method], async (HttpContext context) =>
    {
        // The key is in the headers: a caller without it is answered before its body (up to 256 KB) is read.
        if (!open && api.Authorize(HttpAdapter.WithoutBody(context)) is { } refused)
        {
            await HttpAdapter.WriteAsync(context, refused);
            return;
        }

        var request = await HttpAdapter.ToApiRequestAsync(context);
        if (request is null)
        {
            return;
        }

        async Task<ApiResponse> HandleAsync(ApiRequest r) => await handle(r, context.Request.RouteValues, context.RequestAborted);

        await HttpAdapter.WriteAsync(context, await CaseApi.AnswerAsync(request, HandleAsync, app.Logger, context.RequestAborted));
    });

static string Route(RouteValueDictionary values, string name) => values[name]?.ToString() ?? "";

Map("POST", "/api/cases", false, (r, _, ct) => api.SubmitCaseAsync(r, cases, ct));
Map("POST", "/api/webhooks/zendesk", false, (r, _, ct) => api.SubmitZendeskAsync(r, cases, ct));
Map("GET", "/api/cases", false, (r, _, ct) => api.ListCasesAsync(r, ct));
Map("GET", "/api/cases/{caseId}", false, (r, v, ct) => api.GetCaseAsync(r, Route(v, "caseId"), cases, ct));
Map("GET", "/api/review/{caseId}", true, (r, v, ct) => api.GetReviewPageAsync(r, Route(v, "caseId"), ct));
Map("POST", "/api/review/{caseId}", true, (r, v, ct) => api.PostReviewAsync(r, Route(v, "caseId"), cases, ct));
Map("GET", "/api/audit/{traceId}", false, (r, v, ct) => api.GetAuditAsync(r, Route(v, "traceId"), ct));
Map("GET", "/api/audit/{traceId}/verify", false, (r, v, ct) => api.VerifyAuditAsync(r, Route(v, "traceId"), ct));
Map("GET", "/api/public/audit/{traceId}", true, (r, v, ct) => api.GetPublicAuditAsync(r, Route(v, "traceId"), ct));
Map("GET", "/api/metrics/summary", false, (r, _, ct) => api.MetricsSummaryAsync(r, ct));
Map("POST", "/api/cases/{caseId}/resume", false, (r, v, ct) => api.ResumeCaseAsync(r, Route(v, "caseId"), cases, ct));
Map("POST", "/api/customers/{customerId}/erasure", false, (r, v, ct) => api.EraseCustomerAsync(r, Route(v, "customerId"), app.Services.GetRequiredService<CustomerErasure>(), ct));
Map("POST", "/api/simulations", false, (r, _, ct) => api.StartSimulationAsync(r, app.Services.GetRequiredService<SimulationSteps>(), app.Services.GetRequiredService<ISimulationLauncher>(), app.Services.GetService<AzureStorageAccount>(), ct));
Map("GET", "/api/simulations/{simulationId}", false, (r, v, ct) => api.GetSimulationAsync(r, Route(v, "simulationId"), app.Services.GetRequiredService<SimulationSteps>(), app.Services.GetRequiredService<ISimulationLauncher>(), ct));
Map("GET", "/api/health", true, (r, _, ct) => api.HealthAsync(r, ct));
Map("GET", "/api/openapi.json", true, (r, _, _) => Task.FromResult(api.OpenApi(r)));

app.Lifetime.ApplicationStarted.Register(() =>
{
    var urls = app.Urls.ToArray();
    if (!keyRequired && !urls.All(ServerAddresses.IsLoopback))
    {
        exitCode = RefuseWithoutKey(urls);
        mayServe.SetResult(false);
        app.Lifetime.StopApplication();
        return;
    }

    try
    {
        if (!publicBaseUrlSet && urls.Length > 0)
        {
            settings.CaseService.UseBoundAddress(ServerAddresses.PublicBase(urls));
        }
    }
    finally
    {
        mayServe.TrySetResult(true);
    }

    var url = urls.FirstOrDefault() ?? "http://localhost:7071";
    Console.WriteLine($"Escalation server listening on {string.Join(", ", urls)}");
    Console.WriteLine($"  workspace {workspace.Version} from {settings.Workspace} ({workspace.Policies.Count} policies, {workspace.Customers.Count} customers)");
    Console.WriteLine($"  links (review emails, audit URLs) start with {settings.CaseService.PublicBaseUrl}{(publicBaseUrlSet ? "" : "; set Escalation:PublicBaseUrl to the address reviewers open")}");
    Console.WriteLine($"  data in {settings.DataDirectory} (review emails in {Path.Combine(settings.DataDirectory, "outbox")}/<yyyy-MM-dd>/)");
    if (clock is not null)
    {
        Console.WriteLine($"  the clock started at {clock.Start:yyyy-MM-dd'T'HH:mm:ssK} (Escalation:ClockStart), not at the system's time");
    }

    Console.WriteLine(keyRequired
        ? "  help-desk routes need the x-functions-key header"
        : "  no API key set: requests are accepted without one because the server listens on loopback only");
    Console.WriteLine("Try:");
    Console.WriteLine($"  curl {url}/api/health");
    Console.WriteLine($"  curl -s -X POST '{url}/api/cases?wait=5' -H 'content-type: application/json' --data @samples/tickets/01-delegatezero-refund-past-window-outage.json");
});

await app.RunAsync();
return exitCode;

static int RefuseWithoutKey(IEnumerable<string> urls)
{
    Console.Error.WriteLine($"Escalation:ApiKey is empty but the server would listen beyond loopback ({string.Join(", ", urls)}).");
    Console.Error.WriteLine("Set an API key (Escalation__ApiKey) or listen on localhost only.");
    return 2;
}
