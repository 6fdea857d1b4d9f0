using Escalation.Core.Sensitive;
using Escalation.Infrastructure.Drafting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Escalation.Infrastructure.Tests.Drafting.ChatStub;

namespace Escalation.Infrastructure.Tests.Drafting;

/// <summary>The real OpenAI HTTP client, through <see cref="DraftingSetup"/>, against a scripted local stub server.</summary>
public sealed class OpenAiChatDraftModelTests : IDisposable
{
    private readonly WireMockServer _server = Start();

    public void Dispose() => _server.Dispose();

    private GuardedDraftingService Service(double timeoutSeconds = 10, int maxRetries = 1, double maxRetryAfter = 5) =>
        DraftingSetup.CreateDraftingService(new DraftingOptions
        {
            Provider = DraftingProviders.OpenAi,
            Endpoint = BaseUrl(_server),
            Model = Model,
            ApiKey = "test-key",
            TimeoutSeconds = timeoutSeconds,
            MaxRetries = maxRetries,
            MaxRetryAfterSeconds = maxRetryAfter,
        })!;

    private void Respond(Func<IResponseBuilder, IResponseBuilder> response, string? state = null, string? next = null)
    {
        var given = _server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost());
        if (state is not null || next is not null)
        {
            given = given.InScenario("s");
        }

        if (state is not null)
        {
            given = given.WhenStateIs(state);
        }

        if (next is not null)
        {
            given = given.WillSetStateTo(next);
        }

        given.RespondWith(response(Response.Create()));
    }

    private static Func<IResponseBuilder, IResponseBuilder> Ok(string text) =>
        r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Completion(text));

    [Fact]
    public async Task WriteAsync_GoodCompletion_IsAcceptedWithModelInfo()
    {
        Respond(Ok(GoodDraft));

        var result = await Service().WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(DraftingPaths.Model, result.Path);
        Assert.Equal(GoodDraft, result.Result.Draft.Text);
        Assert.Equal(Model, result.Model.ModelName);
        Assert.Equal(812, result.Model.InputTokens);
        Assert.Equal(64, result.Model.OutputTokens);
        Assert.Equal(64, result.Model.PromptHash.Length);
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal("Bearer test-key", request.Headers!["Authorization"].Single());
        Assert.Contains("\"model\":\"stub-model\"", request.Body);
        Assert.Contains("A refund above €250 (the auto-approve cap).", request.Body);
        Assert.Contains("Refund policy (refund@2026.3)", request.Body);
    }

    [Fact]
    public async Task WriteAsync_OverCapRefundTwice_RetriesOnceWithViolationsThenFallsBack()
    {
        Respond(Ok(OverCapDraft));

        var result = await Service().WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(DraftingPaths.ComposerFallback, result.Path);
        Assert.Equal(FallbackReasons.Violations, result.FallbackReason);
        Assert.Equal("composer", result.Result.Draft.Writer);
        Assert.Equal(2, _server.LogEntries.Count());
        var second = _server.LogEntries.Last().RequestMessage.Body!;
        Assert.Contains("Our guardrails rejected that draft", second);
        Assert.Contains("[promise-above-cap] (blocking) Promises €450, above the auto-approve cap of 250.", second);
        Assert.Contains("\"role\":\"assistant\"", second);
        Assert.DoesNotContain("promise-above-cap", _server.LogEntries.First().RequestMessage.Body);
    }

    [Fact]
    public async Task WriteAsync_EndpointTooSlow_FallsBackWithReasonTimeout()
    {
        Respond(r => Ok(GoodDraft)(r).WithDelay(TimeSpan.FromSeconds(5)));

        var result = await Service(timeoutSeconds: 0.5, maxRetries: 0).WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(DraftingPaths.ComposerFallback, result.Path);
        Assert.Equal(ChatModelFailures.Timeout, result.FallbackReason);
        Assert.Equal(ChatModelFailures.Timeout, Assert.Single(result.Model.Calls).Outcome);
    }

    [Fact]
    public async Task WriteAsync_429WithRetryAfter_WaitsAndRetriesThenSucceeds()
    {
        Respond(r => r.WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("{\"error\":{\"message\":\"slow down\"}}"), state: null, next: "limited");
        Respond(Ok(GoodDraft), state: "limited");

        // A generous timeout: on a loaded machine the first answers of the local endpoint can take seconds.
        var result = await Service(timeoutSeconds: 60).WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(DraftingPaths.Model, result.Path);
        Assert.Equal([ChatModelFailures.RateLimited, "accepted"], result.Model.Calls.Select(c => c.Outcome));
        Assert.Equal(1000, result.Model.Calls[1].WaitedMs);
        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task WriteAsync_429WithRetryAfterBeyondTheBound_FallsBackAtOnce()
    {
        Respond(r => r.WithStatusCode(429).WithHeader("Retry-After", "120"));

        var result = await Service(maxRetries: 3, maxRetryAfter: 5).WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(ChatModelFailures.RateLimited, result.FallbackReason);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task WriteAsync_ServerErrors_RetriesBoundedThenFallsBack()
    {
        Respond(r => r.WithStatusCode(503));

        var result = await Service(maxRetries: 1).WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(ChatModelFailures.ServerError, result.FallbackReason);
        Assert.Equal(2, _server.LogEntries.Count());
    }

    [Fact]
    public async Task WriteAsync_NothingListening_FallsBackWithReasonNetwork()
    {
        var url = BaseUrl(_server);
        _server.Stop();
        var service = DraftingSetup.CreateDraftingService(new DraftingOptions
        {
            Provider = DraftingProviders.OpenAi, Endpoint = url, Model = Model, MaxRetries = 0,
        })!;

        var result = await service.WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(ChatModelFailures.Network, result.FallbackReason);
        Assert.Equal("composer", result.Result.Draft.Writer);
    }

    [Fact]
    public async Task WriteAsync_AzureOpenAiWithKey_CallsTheDeploymentRoute()
    {
        _server.Given(Request.Create().WithPath("/openai/deployments/drafts/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Completion(GoodDraft)));
        var service = DraftingSetup.CreateDraftingService(new DraftingOptions
        {
            Provider = DraftingProviders.AzureOpenAi, Endpoint = _server.Url!, Model = "drafts", ApiKey = "azure-key",
        })!;

        var result = await service.WriteAsync(RefundCase(), StubWorkspace());

        Assert.Equal(DraftingPaths.Model, result.Path);
        Assert.Equal("azure-key", Assert.Single(_server.LogEntries).RequestMessage.Headers!["api-key"].Single());
    }
}
