using Escalation.Api.Endpoints;
using Escalation.Api.Hosting;
using Escalation.Functions.Http;
using Escalation.Http.Contract;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Escalation.Functions.Tests.Http;

/// <summary>
/// The HTTP contract against the Functions triggers: each request goes to the trigger its route names, with the
/// app's real services (file storage in a temporary folder) and the Durable client mocked at its edge.
/// </summary>
public sealed class FunctionsHttpContractTests : HttpContractTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fn-contract-").FullName;
    private readonly ServiceProvider _services;
    private readonly CaseHttpFunctions _functions;
    private readonly DurableTaskClient _client = new Mock<DurableTaskClient>("test").Object;

    public FunctionsHttpContractTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalation:DataDirectory"] = _dir,
            ["Escalation:Workspace"] = Path.Combine(Repo(), "samples", "workspace"),
        }).Build();
        _services = new ServiceCollection().AddLogging().AddEscalation(configuration).AddEscalationHttp().BuildServiceProvider();
        _functions = ActivatorUtilities.CreateInstance<CaseHttpFunctions>(_services);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    protected override async Task<ContractResponse> SendAsync(string method, string pathAndQuery, byte[]? body = null, string? contentType = null, string? accept = null)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (contentType is not null)
        {
            headers.Add(new("Content-Type", contentType));
        }

        if (accept is not null)
        {
            headers.Add(new("Accept", accept));
        }

        var request = TestHttp.Request(_services, method, "https://fn.example.com" + pathAndQuery, body, headers);
        Task<IActionResult> trigger = (method, request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)) switch
        {
            ("GET", ["api", "health"]) => _functions.Health(request),
            ("GET", ["api", "openapi.json"]) => _functions.OpenApi(request),
            ("POST", ["api", "cases"]) => _functions.SubmitCase(request, _client),
            ("GET", ["api", "cases"]) => _functions.ListCases(request),
            ("GET", ["api", "cases", var caseId]) => _functions.GetCase(request, caseId, _client),
            ("GET", ["api", "review", var caseId]) => _functions.GetReviewPage(request, caseId),
            _ => throw new NotSupportedException($"{method} {pathAndQuery}: no trigger in this test's table"),
        };
        var response = await TestHttp.RespondAsync(request, trigger);
        var answered = response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new ContractResponse((int)response.StatusCode, response.Header("Content-Type"), answered, System.Text.Encoding.UTF8.GetString(response.BodyBytes));
    }

    private static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
