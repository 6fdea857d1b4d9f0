using Escalation.Api.Endpoints;
using Escalation.Api.Hosting;
using Escalation.Api.Http;
using Escalation.Core.Knowledge;
using Escalation.Core.Workflow;
using Escalation.Server;
using Microsoft.Extensions.Options;

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
StartedClock? clock = null;
try
{
    // Escalation:ClockStart (local server only): decide sample or past tickets as of their own day.
    if ((clock = StartedClock.FromSetting(builder.Configuration["Escalation:ClockStart"])) is not null)
    {
        builder.Services.AddSingleton<TimeProvider>(clock);
    }

    builder.Services.AddEscalation(builder.Configuration).AddEmbeddedWorkflow().AddEscalationHttp();
    app = builder.Build();
    app.Services.ValidateSettings(); // every wrong setting, one line each, before anything runs

    settings = app.Services.GetRequiredService<EscalationSettings>();
    settings.CreateDataDirectory();
    workspace = app.Services.GetRequiredService<Func<Workspace>>()();
    // The handlers' services open the data folder's stores: a folder another process writes is refused here, with the reason.
    _ = app.Services.GetRequiredService<CaseApi>();
    _ = app.Services.GetRequiredService<ICaseOrchestrationClient>();
}
catch (Exception ex) when (ex is WorkspaceValidationException or IOException or InvalidOperationException or UriFormatException or OptionsValidationException)
{
    Console.Error.WriteLine("The service cannot start:");
    foreach (var problem in ex is OptionsValidationException invalid ? invalid.Failures : [ex.Message])
    {
        Console.Error.WriteLine("  " + problem);
    }

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
        // Refused at start: the connection is dropped rather than answered, so no client (a health probe included) takes
        // the server for one that is up and reporting a problem while it stops.
        context.Abort();
    }
});

// The route table, the key check, the body limit and the security headers: src/Escalation.Api/Endpoints.
app.MapEscalationApi();

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
