using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>A small workspace and refund case, a scripted chat model and a clock that never sleeps.</summary>
internal static class GuardedDraftingFixture
{
    public const string Template = """
        Comment for editors.
        ## System
        Write a reply for {{first_name}} in a {{tone_register}} register. Sign off: {{sign_off}}
        You must NOT promise:
        {{must_not_promise}}
        ## User
        Facts:
        {{case_facts}}
        Money: {{offer}}
        Review: {{review}}
        Policies:
        {{policies}}
        Precedents:
        {{precedents}}
        Playbook:
        {{playbook}}
        ## Revision
        Rejected because:
        {{violations}}
        """;

    public const string GoodDraft =
        "Hi Dana,\n\nI understand the outage stopped your team, and I am sorry. You asked for a refund of €450. " +
        "I have shared your case with our billing team. You will hear from us within one business day with the next step.\n\n" +
        "Thank you for your patience.\n\nSam, Support";

    public const string OverCapDraft =
        "Hi Dana,\n\nI understand the outage stopped your team. I have issued a refund of €450 to your card. " +
        "It will show within two days.\n\nThank you.\n\nSam, Support";

    public static Workspace Workspace(string? template = Template, IReadOnlyList<BannedPhrase>? banned = null)
    {
        var refund = new Policy
        {
            Id = "refund",
            Title = "Refund policy",
            Version = "2026.3",
            Effective = new DateOnly(2026, 3, 1),
            Category = PolicyCategories.Refund,
            Numbers = new Dictionary<string, decimal> { ["refundWindowDays"] = 30, ["autoApproveCap"] = 250 },
            Guardrails = ["Never promise more than the cap."],
            Body = "Refunds within 30 days of purchase.",
            ContentHash = "abc123",
        };
        var tone = new ToneGuide
        {
            BrandVoice = "Plain and warm.",
            SignOff = "Sam, Support",
            Calibration = [new ToneCalibration(CustomerTones.Formal, "Clear, structured", "Thank you for contacting us.")],
            BannedPhrases = banned ?? [new BannedPhrase("calm down", "Dismissive.")],
        };
        var documents = template is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ChatPromptTemplate.WorkspacePath] = template };
        return new Workspace("ws-test", new RoutingSettings(), tone, [], [refund], [], [], documents);
    }

    public static DraftRequest Request(bool hold = false, bool legal = false) => new()
    {
        TicketId = "ZD-1",
        CustomerName = "Dana Ruiz",
        Subject = "Refund for the outage week",
        Signals = new CaseSignals
        {
            Priority = "P2",
            Text = new TextSignals { CustomerTone = CustomerTones.Formal, Outage = true, Legal = legal, LegalKinds = legal ? [LegalKinds.Lawyer] : [] },
        },
        Facts = new CaseFacts { Amount = 450, Currency = "EUR", Cause = CaseCauses.Outage, Asks = [CaseAsks.Refund], RefundWindowDays = 30 },
        Retrieval = new PolicyRetrieval
        {
            Policies = [new PolicyMatch("refund", "2026.3", PolicyCategories.Refund, "refund@2026.3#abc123", 0.9, "refund asked")],
            Playbook = new PlaybookMatch("refund-past-window", "Refund past the window", ["Check the dates.", "Ask finance."], "refund"),
        },
        HoldForReview = hold,
        ReviewBy = hold ? new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero) : null,
    };

    public static GuardedDraftingService Service(IChatDraftModel model, SleeplessClock clock, int maxRetries = 2) =>
        new(model, new GuardedDraftingOptions { MaxRetries = maxRetries, MaxRetryAfter = TimeSpan.FromSeconds(20) }, clock);
}

/// <summary>Answers from a script: a text, or an exception to throw. Records every prompt.</summary>
internal sealed class ScriptedModel(params object[] script) : IChatDraftModel
{
    private int _next;

    public List<ChatPrompt> Prompts { get; } = [];

    public string ModelName => "scripted-model";

    public Task<ChatDraftResult> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken)
    {
        Prompts.Add(prompt);
        var step = script[Math.Min(_next++, script.Length - 1)];
        return step is Exception e
            ? Task.FromException<ChatDraftResult>(e)
            : Task.FromResult(new ChatDraftResult((string)step, "scripted-model-v2", 900, 120, TimeSpan.FromMilliseconds(850)));
    }
}

/// <summary>A clock whose timers fire at once, recording how long the code asked to wait.</summary>
internal sealed class SleeplessClock : TimeProvider
{
    public List<TimeSpan> Waits { get; } = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Waits.Add(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
