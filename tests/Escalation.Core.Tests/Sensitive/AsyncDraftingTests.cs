using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>
/// Issue 30, no blocking calls: a writer or reader that calls a model is awaited (RunAsync, the activities); the
/// synchronous in-memory Run refuses it at once instead of holding a thread until the model answers.
/// </summary>
public sealed class AsyncDraftingTests
{
    private const string Refund = "Hello, I was charged €49 on 2026-11-20 but I changed my mind. Could I get a refund?";
    private static readonly CaseDetector Embedded = CaseDetectors.From(new DetectStage());

    /// <summary>The composer's reply, handed over only after <paramref name="delay"/> (a model that takes its time).</summary>
    private sealed class LateWriter(TimeSpan delay) : IDraftWriter
    {
        private readonly ComposerDraftWriter _composer = new();

        public string Name => "late";

        public bool CanRevise => true;

        public async ValueTask<Draft> WriteAsync(DraftRequest request, Knowledge.Workspace workspace, CancellationToken cancellationToken = default)
        {
            await Task.Delay(delay, cancellationToken);
            return _composer.Write(request, workspace);
        }
    }

    /// <summary>A writer whose model never answers.</summary>
    private sealed class SilentWriter : IDraftWriter
    {
        public string Name => "silent";

        public bool CanRevise => false;

        public ValueTask<Draft> WriteAsync(DraftRequest request, Knowledge.Workspace workspace, CancellationToken cancellationToken = default) =>
            new(new TaskCompletionSource<Draft>().Task);
    }

    /// <summary>A chat model that never answers.</summary>
    private sealed class SilentModel : IChatDraftModel
    {
        public string ModelName => "silent";

        public Task<ChatDraftResult> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken) => new TaskCompletionSource<ChatDraftResult>().Task;
    }

    [Fact]
    public async Task RunAsync_WriterAnswersLater_SameDecisionAsTheComposerAtOnce()
    {
        var ticket = TestWorkspace.Ticket(Refund, "cus_100");
        var now = new SensitiveCasePipeline(Embedded, new ComposerDraftWriter()).Run(ticket, TestWorkspace.Build(), TestWorkspace.Now);

        var later = await new SensitiveCasePipeline(Embedded, new LateWriter(TimeSpan.FromMilliseconds(30))).RunAsync(ticket, TestWorkspace.Build(), TestWorkspace.Now);

        Assert.Equal(Routes.DraftAndSend, now.Decision.Route);
        Assert.Equal((now.Decision.Route, now.Decision.Draft), (later.Decision.Route, later.Decision.Draft));
    }

    [Fact]
    public void Run_WriterThatHasNotAnswered_RefusesAtOnceNamingRunAsync()
    {
        var pipeline = new SensitiveCasePipeline(Embedded, new SilentWriter());

        var refused = Assert.Throws<PendingStepException>(() => pipeline.Run(TestWorkspace.Ticket(Refund, "cus_100"), TestWorkspace.Build(), TestWorkspace.Now));

        Assert.Contains("SensitiveCasePipeline.RunAsync", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelReaderThatHasNotAnswered_RefusesInsteadOfWaitingForIt()
    {
        var reader = new ModelReader(new SilentModel(), TimeSpan.FromMinutes(5));
        var pipeline = new SensitiveCasePipeline(Embedded, new ComposerDraftWriter(), reader);

        Assert.Throws<PendingStepException>(() => pipeline.Run(TestWorkspace.Ticket(Refund, "cus_100"), TestWorkspace.Build(), TestWorkspace.Now));
    }

    [Fact]
    public async Task Escalation_RunAsyncWithALateWriter_ResolvesAsTheComposerDoes_AndRunRefusesIt()
    {
        var handoff = new Tickets.TierOneHandoff
        {
            Summary = "Customer wants compensation for the outage", Category = "billing", Priority = "P2", Started = TestWorkspace.Now.AddDays(-2),
            WhatTried = [new Tickets.HandoffAttempt { Action = "Confirmed the incident on the status page", Result = "Outage confirmed" }],
            WhatNeeded = "Decide the SLA credit", CustomerExpectation = "A service credit for the downtime",
        };
        var ticket = TestWorkspace.Ticket("Your outage took us offline for 6 hours. We expect a credit.", handoff: handoff);
        CaseDetector outage = (_, _, _, _) => TestWorkspace.Signals(new TextSignals { Outage = true });
        var late = new EscalationCasePipeline(outage, new LateWriter(TimeSpan.FromMilliseconds(30)));

        var r = await late.RunAsync(ticket, TestWorkspace.Build(), TestWorkspace.Now);

        Assert.Equal(Routes.ResolveInPlace, r.Decision.Route);
        Assert.Contains("€135", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Throws<PendingStepException>(() => late.Run(ticket, TestWorkspace.Build(), TestWorkspace.Now));
    }
}
