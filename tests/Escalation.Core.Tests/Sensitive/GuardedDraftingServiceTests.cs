using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using static Escalation.Core.Tests.Sensitive.GuardedDraftingFixture;

namespace Escalation.Core.Tests.Sensitive;

public sealed class GuardedDraftingServiceTests
{
    private readonly SleeplessClock _clock = new();

    [Fact]
    public async Task WriteAsync_ModelDraftPasses_UsesItAndRecordsModelInfo()
    {
        var model = new ScriptedModel(GoodDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace());

        Assert.Equal(DraftingPaths.Model, result.Path);
        Assert.Null(result.FallbackReason);
        Assert.True(result.Result.ToneCheck.Passed);
        Assert.Equal("chat", result.Result.Draft.Writer);
        Assert.Equal(GoodDraft, result.Result.Draft.Text);
        var info = result.Result.Draft.Model!;
        Assert.Equal("scripted-model-v2", info.ModelName);
        Assert.Equal(900, info.InputTokens);
        Assert.Equal(120, info.OutputTokens);
        Assert.Equal(850, info.LatencyMs);
        Assert.Equal(ChatPromptTemplate.HashOf(Template.Replace("\r\n", "\n")), info.PromptHash);
        Assert.Contains(result.Result.Draft.Trace, t => t.Refs.Contains($"{ChatPromptTemplate.WorkspacePath}#{info.PromptHash}"));
        Assert.Single(model.Prompts);
    }

    [Fact]
    public async Task WriteAsync_Prompt_IsGroundedAndListsWhatMayNotBePromised()
    {
        var model = new ScriptedModel(GoodDraft);

        await Service(model, _clock).WriteAsync(Request(), Workspace());

        var system = model.Prompts[0].Messages[0].Text;
        var user = model.Prompts[0].Messages[1].Text;
        Assert.Contains("A refund above €250 (the auto-approve cap).", system);
        Assert.Contains("Any specific amount of money: none has been authorised.", system);
        Assert.Contains("Clear, structured", system);
        Assert.Contains("Amount in dispute: €450", user);
        Assert.Contains("Refund policy (refund@2026.3)", user);
        Assert.Contains("autoApproveCap = 250", user);
        Assert.Contains("Guardrail (never break): Never promise more than the cap.", user);
        Assert.Contains("2. Ask finance.", user);
        Assert.DoesNotContain("{{", system + user);
    }

    [Fact]
    public async Task WriteAsync_HeldForReviewOnLegalCase_ForbidsMoneyAndLiability()
    {
        var model = new ScriptedModel(GoodDraft);

        await Service(model, _clock).WriteAsync(Request(hold: true, legal: true), Workspace());

        var system = model.Prompts[0].Messages[0].Text;
        Assert.Contains("Any amount of money, and any promise that a refund or credit will be given", system);
        Assert.Contains("Any admission of fault, liability or negligence", system);
        Assert.Contains("Any calendar date other than 23 November 2026.", system);
        Assert.Contains("hear from us by Monday 23 November 2026 at 16:00 UTC", model.Prompts[0].Messages[1].Text);
    }

    [Fact]
    public async Task WriteAsync_ModelHoldingReplyOnResolvableCase_FailsTheSameQualityScoreAndFallsBack()
    {
        // A €45 refund inside the window: the policy resolves it, so "we will get back to you" is not an answer.
        var holding = GoodDraft.Replace("€450", "€45", StringComparison.Ordinal);
        var model = new ScriptedModel(holding, holding);
        var request = Request() with
        {
            Facts = Request().Facts with { Amount = 45, DaysPastWindow = 0 },
            Offer = new DraftOffer("refund", 45, "EUR", "refund@2026.3#abc123"),
        };

        var result = await Service(model, _clock).WriteAsync(request, Workspace());

        Assert.Equal(DraftingPaths.ComposerFallback, result.Path);
        Assert.Equal(FallbackReasons.Violations, result.FallbackReason);
        Assert.All(result.Model.Calls, c => Assert.Contains(ToneViolationCodes.HoldingReply, c.ViolationCodes));
        Assert.Contains("I have refunded €45 to the card or account you paid with.", result.Result.Draft.Text, StringComparison.Ordinal);
        Assert.True(result.Result.ToneCheck.Passed);
        Assert.Contains("Say you have done it", model.Prompts[0].Messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_OverCapThenCompliant_RetriesOnceWithTheViolations()
    {
        var model = new ScriptedModel(OverCapDraft, GoodDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace());

        Assert.Equal(DraftingPaths.ModelRevised, result.Path);
        Assert.True(result.Result.Draft.Revised);
        Assert.Equal(2, model.Prompts.Count);
        var retry = model.Prompts[1].Messages;
        Assert.Equal(4, retry.Count);
        Assert.Equal(ChatPromptRoles.Assistant, retry[2].Role);
        Assert.Equal(OverCapDraft, retry[2].Text);
        Assert.Contains("[promise-above-cap] (blocking)", retry[3].Text);
        Assert.StartsWith("Rejected because:", retry[3].Text);
        Assert.Equal(["violations", "accepted"], result.Model.Calls.Select(c => c.Outcome));
        Assert.Contains(ToneViolationCodes.AboveCap, result.Model.Calls[0].ViolationCodes);
    }

    [Fact]
    public async Task WriteAsync_StillViolatingAfterRetry_FallsBackToComposer()
    {
        var model = new ScriptedModel(OverCapDraft, OverCapDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace());

        Assert.Equal(DraftingPaths.ComposerFallback, result.Path);
        Assert.Equal(FallbackReasons.Violations, result.FallbackReason);
        Assert.Equal("composer", result.Result.Draft.Writer);
        Assert.True(result.Result.ToneCheck.Passed);
        Assert.DoesNotContain("€450 to your card", result.Result.Draft.Text);
        Assert.Equal(2, model.Prompts.Count);
        Assert.Equal(FallbackReasons.Violations, result.Result.Draft.Model!.FallbackReason);
        Assert.Contains(result.Result.Draft.Trace, t => t.Text.Contains("Fell back to the deterministic composer draft (violations)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_ComposerDraftFailsToo_MarksForReview()
    {
        var model = new ScriptedModel(OverCapDraft);
        var workspace = Workspace(banned: [new BannedPhrase("thank you", "Test: every draft thanks the customer.")]);

        var result = await Service(model, _clock).WriteAsync(Request(), workspace);

        Assert.Equal(DraftingPaths.Review, result.Path);
        Assert.True(result.NeedsReview);
        Assert.False(result.Result.ToneCheck.Passed);
        Assert.Equal("composer", result.Result.Draft.Writer);
    }

    [Fact]
    public async Task WriteAsync_EveryCallTimesOut_RetriesBoundedThenFallsBackWithReason()
    {
        var model = new ScriptedModel(new ChatModelException(ChatModelFailures.Timeout, "slow"));

        var result = await Service(model, _clock, maxRetries: 2).WriteAsync(Request(), Workspace());

        Assert.Equal(3, model.Prompts.Count);
        Assert.Equal(DraftingPaths.ComposerFallback, result.Path);
        Assert.Equal(ChatModelFailures.Timeout, result.FallbackReason);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _clock.Waits);
    }

    [Fact]
    public async Task WriteAsync_RateLimitedWithRetryAfter_WaitsThatLongThenUsesTheAnswer()
    {
        var model = new ScriptedModel(new ChatModelException(ChatModelFailures.RateLimited, "429", TimeSpan.FromSeconds(7)), GoodDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace());

        Assert.Equal(DraftingPaths.Model, result.Path);
        Assert.Equal([TimeSpan.FromSeconds(7)], _clock.Waits);
        Assert.Equal(["rate-limited", "accepted"], result.Model.Calls.Select(c => c.Outcome));
        Assert.Equal(7000, result.Model.Calls[1].WaitedMs);
    }

    [Fact]
    public async Task WriteAsync_RetryAfterLongerThanTheBound_FallsBackWithoutWaiting()
    {
        var model = new ScriptedModel(new ChatModelException(ChatModelFailures.RateLimited, "429", TimeSpan.FromMinutes(5)), GoodDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace());

        Assert.Equal(ChatModelFailures.RateLimited, result.FallbackReason);
        Assert.Single(model.Prompts);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task WriteAsync_ClientErrorOrUnexpectedException_IsNotRetried()
    {
        var rejected = new ScriptedModel(new ChatModelException(ChatModelFailures.ClientError, "401"));
        var broken = new ScriptedModel(new InvalidOperationException("bug"));

        var r1 = await Service(rejected, _clock).WriteAsync(Request(), Workspace());
        var r2 = await Service(broken, _clock).WriteAsync(Request(), Workspace());

        Assert.Equal((ChatModelFailures.ClientError, 1), (r1.FallbackReason, rejected.Prompts.Count));
        Assert.Equal((ChatModelFailures.Error, 1), (r2.FallbackReason, broken.Prompts.Count));
        Assert.Equal("composer", r2.Result.Draft.Writer);
    }

    [Fact]
    public async Task WriteAsync_WorkspaceWithoutTemplate_FallsBackWithoutCallingTheModel()
    {
        var model = new ScriptedModel(GoodDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace(template: null));

        Assert.Empty(model.Prompts);
        Assert.Equal(FallbackReasons.NoPromptTemplate, result.FallbackReason);
    }

    [Fact]
    public async Task WriteAsync_TemplateWithUnknownPlaceholder_FallsBackAsInvalid()
    {
        var model = new ScriptedModel(GoodDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace(template: "## System\n{{secret_sauce}}\n## User\n{{case_facts}}"));

        Assert.Empty(model.Prompts);
        Assert.Equal(FallbackReasons.InvalidPromptTemplate, result.FallbackReason);
        Assert.Contains(result.Result.Draft.Trace, t => t.Text.Contains("secret_sauce", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_ModelEmitsReasoning_ReasoningIsNeitherSentNorKept()
    {
        var model = new ScriptedModel("<think>The customer wants €450; maybe I should promise it.</think>\n" + GoodDraft);

        var result = await Service(model, _clock).WriteAsync(Request(), Workspace());

        Assert.Equal(GoodDraft, result.Result.Draft.Text);
        Assert.DoesNotContain(result.Result.Draft.Trace, t => t.Text.Contains("maybe I should", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GuardedDraftWriter_InThePipelineSeat_ReturnsTheGuardedDraft()
    {
        var writer = new GuardedDraftWriter(Service(new ScriptedModel(OverCapDraft, OverCapDraft), _clock));

        var draft = await writer.WriteAsync(Request(), Workspace());

        Assert.False(writer.CanRevise);
        Assert.Equal("composer", draft.Writer);
        Assert.Equal(DraftingPaths.ComposerFallback, draft.Model!.Path);
    }
}
