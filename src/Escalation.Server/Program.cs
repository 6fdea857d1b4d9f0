using Escalation.Core.Knowledge;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Workspace;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:7071");
}

var options = builder.Configuration.GetSection(EscalationOptions.Section).Get<EscalationOptions>() ?? new EscalationOptions();
var workspacePath = WorkspaceLocator.Resolve(options.Workspace);
Workspace workspace;
try
{
    workspace = await WorkspaceLoader.LoadFolderAsync(workspacePath);
}
catch (Exception ex) when (ex is WorkspaceValidationException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"The workspace at {workspacePath} cannot be loaded:");
    Console.Error.WriteLine("  " + ex.Message);
    return 2;
}

Directory.CreateDirectory(options.DataDirectory);
builder.Services.AddSingleton(workspace);

var app = builder.Build();
app.MapGet("/api/health", (Workspace ws) => Results.Json(new
{
    status = "ok",
    workspaceVersion = ws.Version,
    policies = ws.Policies.Count,
    customers = ws.Customers.Count,
}));

app.Lifetime.ApplicationStarted.Register(() =>
{
    var url = app.Urls.FirstOrDefault() ?? "http://localhost:7071";
    Console.WriteLine($"Escalation server listening on {url}");
    Console.WriteLine($"  workspace {workspace.Version} from {workspacePath} ({workspace.Policies.Count} policies, {workspace.Customers.Count} customers)");
    Console.WriteLine($"  data in {Path.GetFullPath(options.DataDirectory)}");
    Console.WriteLine($"Try: curl {url}/api/health");
});

await app.RunAsync();
return 0;
