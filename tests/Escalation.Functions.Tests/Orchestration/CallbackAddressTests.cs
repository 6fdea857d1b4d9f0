using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Escalation.Api.Cases;
using Escalation.Api.Hosting;
using Escalation.Api.Submissions;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;
using Escalation.Functions.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Functions.Tests.Orchestration;

/// <summary>
/// The Functions app's DeliverReply activity over the services its Program registers (file storage in a temporary
/// folder): a callback URL on loopback is not posted to unless allow-listed, as on the local server.
/// </summary>
public sealed class CallbackAddressTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "esc-fn-" + Guid.NewGuid().ToString("N"));
    private readonly HttpListener _helpDesk = new();
    private readonly ConcurrentQueue<string> _received = new();
    private readonly string _url;
    private ServiceProvider? _provider;

    public CallbackAddressTests()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _url = $"http://127.0.0.1:{port}/hooks/";
        _helpDesk.Prefixes.Add(_url);
        _helpDesk.Start();
        _ = Task.Run(async () =>
        {
            while (_helpDesk.IsListening)
            {
                try
                {
                    var context = await _helpDesk.GetContextAsync();
                    _received.Enqueue(context.Request.Headers["Idempotency-Key"] ?? "");
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
    }

    [Fact]
    public async Task DeliverReply_CallbackOnLoopback_IsNotPostedAndTheCaseShowsOnlyThatItFailed()
    {
        var (functions, index, caseId) = await StoreCaseAsync(allowedHosts: null);

        var result = await functions.DeliverReply(new DeliverReplyInput(caseId, "escalated", null, caseId + ":escalated"));

        Assert.False(result.Delivered);
        Assert.Empty(_received);
        var failure = (await index.GetAsync(caseId))!.Case.Extra["callbackFailure"];
        Assert.Equal("escalated: not delivered to the callbackUrl (the service log has the reason)", failure);
    }

    [Fact]
    public async Task DeliverReply_CallbackOnAnAllowListedHost_IsPosted()
    {
        var (functions, _, caseId) = await StoreCaseAsync(allowedHosts: "127.0.0.1");

        var result = await functions.DeliverReply(new DeliverReplyInput(caseId, "escalated", null, caseId + ":escalated"));

        Assert.True(result.Delivered, result.Detail);
        Assert.Equal([caseId + ":escalated"], _received);
    }

    private async Task<(CaseActivityFunctions Functions, ICaseIndex Index, string CaseId)> StoreCaseAsync(string? allowedHosts)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Escalation:DataDirectory"] = _data,
            ["Escalation:Workspace"] = "samples/workspace",
            ["Escalation:Callbacks:AllowedHosts"] = allowedHosts,
        };
        var services = new ServiceCollection().AddLogging().AddEscalation(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = _provider = services.BuildServiceProvider();
        var body = $$"""{"ticketId": "FN-SSRF", "customer": {"id": "cus_014"}, "messages": [{"from": "customer", "text": "Refund please"}], "callbackUrl": "{{_url}}"}""";
        var parsed = provider.GetRequiredService<SubmissionParser>().Parse(Encoding.UTF8.GetBytes(body), _ => true);
        Assert.True(parsed.IsValid, parsed.Problem?.Detail);
        var (input, _) = await provider.GetRequiredService<CaseIntake>().StoreAsync(parsed.Submission!, DateTimeOffset.UtcNow);
        return (new CaseActivityFunctions(provider.GetRequiredService<ICaseActivities>()), provider.GetRequiredService<ICaseIndex>(), input.CaseId);
    }

    public void Dispose()
    {
        _provider?.Dispose();
        try
        {
            _helpDesk.Stop();
            _helpDesk.Close();
        }
        catch (HttpListenerException)
        {
            // Close binds the freed port again to remove its prefix; another process may have taken it. Nothing is left to free.
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
