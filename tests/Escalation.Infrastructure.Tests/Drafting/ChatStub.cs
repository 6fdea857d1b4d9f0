using System.Text.Json;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Infrastructure.Tests.Workspace;
using Escalation.Infrastructure.Workspace;
using WireMock.Server;

namespace Escalation.Infrastructure.Tests.Drafting;

/// <summary>An OpenAI-compatible stub server on 127.0.0.1, the sample prompt template and a refund case.</summary>
internal static class ChatStub
{
    public const string Model = "stub-model";

    public const string GoodDraft =
        "Hi Ada,\n\nI understand the outage stopped your team, and I am sorry. You asked for a refund of €450. " +
        "I have shared your case with our billing team. You will hear from us within one business day with the next step.\n\n" +
        "Thank you for your patience.\n\nSam, Support";

    public const string OverCapDraft =
        "Hi Ada,\n\nI understand the outage stopped your team. I have issued a refund of €450 to your card. " +
        "It will show within two days.\n\nThank you.\n\nSam, Support";

    public static WireMockServer Start() => WireMockServer.Start(new WireMock.Settings.WireMockServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
    });

    /// <summary>The base URL the OpenAI client is pointed at, e.g. <c>http://127.0.0.1:5123/v1</c>.</summary>
    public static string BaseUrl(WireMockServer server) => server.Url!.TrimEnd('/') + "/v1";

    /// <summary>A chat.completion body with usage.</summary>
    public static string Completion(string text) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-stub",
        @object = "chat.completion",
        created = 1763800000,
        model = Model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 812, completion_tokens = 64, total_tokens = 876 },
    });

    public static Core.Knowledge.Workspace StubWorkspace()
    {
        var files = MinimalWorkspace.Files();
        files[ChatPromptTemplate.WorkspacePath] = File.ReadAllText(
            Path.Combine(SampleWorkspaceTests.RepoRoot(), "samples", "workspace", "prompts", "draft-reply.md"));
        return WorkspaceLoader.Load(MinimalWorkspace.AsFiles(files));
    }

    public static DraftRequest RefundCase() => new()
    {
        TicketId = "ZD-1",
        CustomerName = "Ada Example",
        Subject = "Refund for the outage week",
        Signals = new CaseSignals { Priority = "P2", Text = new TextSignals { CustomerTone = CustomerTones.Formal, Outage = true } },
        Facts = new CaseFacts { Amount = 450, Currency = "EUR", Cause = CaseCauses.Outage, Asks = [CaseAsks.Refund], RefundWindowDays = 30 },
        Retrieval = new PolicyRetrieval
        {
            Policies = [new PolicyMatch("refund", "2026.3", PolicyCategories.Refund, "refund@2026.3#x", 0.9, "refund asked")],
        },
    };
}
