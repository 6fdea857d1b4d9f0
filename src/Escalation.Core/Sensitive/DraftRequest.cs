using Escalation.Core.Cases;
using Escalation.Core.Signals;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>Everything a draft writer may use: the facts, signals and retrieved policy, and whether money must wait for review.</summary>
public sealed record DraftRequest
{
    public required string TicketId { get; init; }
    public required string CustomerName { get; init; }
    public string? Subject { get; init; }
    public required CaseSignals Signals { get; init; }
    public required CaseFacts Facts { get; init; }
    public required PolicyRetrieval Retrieval { get; init; }

    /// <summary>A human must look first: the draft promises no money and says the request is reviewed, and by when.</summary>
    public bool HoldForReview { get; init; }

    /// <summary>When the reviewer must have acted (said in the draft when <see cref="HoldForReview"/>).</summary>
    public DateTimeOffset? ReviewBy { get; init; }

    /// <summary>Money the policy authorises now (e.g. a computed SLA credit); never stated when held for review.</summary>
    public DraftOffer? Offer { get; init; }

    /// <summary>
    /// The money a reviewer is asked to approve (an exception refund, a refund or credit above the cap). A held draft is
    /// the reply as it goes out once approved, so it states this resolution; unused when the draft is not held.
    /// </summary>
    public DraftOffer? Proposal { get; init; }

    /// <summary>
    /// The cancellation carried out with this reply, when one is (asked for and within authority; a held draft is the
    /// reply as it goes out once approved): when it takes effect, <c>yyyy-MM-dd</c> or <c>end-of-term</c>. The draft says
    /// the plan is cancelled and until when it runs.
    /// </summary>
    public string? CancelEffective { get; init; }

    /// <summary>
    /// When the plan's term ends, for a cancellation the customer asked at a time of their own (<c>yyyy-MM-dd</c> or
    /// <c>end-of-term</c>): nothing is cancelled; the draft says what they asked and until when the term runs, for a person
    /// to agree the date.
    /// </summary>
    public string? CancelTermEnds { get; init; }

    /// <summary>The plan's regular payments continue until <see cref="CancelEffective"/> (a term running more than a month on).</summary>
    public bool CancelBilledUntil { get; init; }

    /// <summary>Why an exception to policy is considered, when one is.</summary>
    public string? ExceptionRationale { get; init; }

    /// <summary>Second attempt after a failed tone-check: shorter sentences, no flagged phrases.</summary>
    public bool Plain { get; init; }
}

/// <summary>Money a draft may state: a refund or credit the policy authorises.</summary>
/// <param name="Kind"><c>refund</c> or <c>credit</c>.</param>
/// <param name="Amount">How much.</param>
/// <param name="Currency">ISO currency code.</param>
/// <param name="PolicyCitation">The policy that authorises it.</param>
public sealed record DraftOffer(string Kind, decimal Amount, string Currency, string PolicyCitation);

/// <summary>A customer reply, never sent by the writer.</summary>
public sealed record Draft
{
    public required string Text { get; init; }

    /// <summary>Which writer produced it (<c>composer</c>, <c>chat</c>…).</summary>
    public required string Writer { get; init; }
    public bool Revised { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];

    /// <summary>
    /// A short message the customer may get while a held draft waits for review (when they will hear from us), kept out
    /// of <see cref="Text"/> so the draft itself is the final answer; null when nothing is held.
    /// </summary>
    public string? Acknowledgement { get; init; }

    /// <summary>What a chat model did for this draft (internal trace only, never the public view); null for the composer alone.</summary>
    public ModelInfo? Model { get; init; }
}

/// <summary>
/// Writes the reply to a case. The deterministic <see cref="ComposerDraftWriter"/> is the default; a chat model can replace it
/// (<see cref="GuardedDraftWriter"/>). The port is asynchronous so a model call never holds a thread: the hosts' activities
/// await it. A writer that does no I/O (the composer) returns an already completed <see cref="ValueTask{TResult}"/>, so the
/// in-memory pipelines' synchronous <c>Run</c> costs nothing extra; <c>Run</c> refuses (<see cref="Decisions.PendingStepException"/>)
/// a writer whose task is still pending instead of blocking on it, and <c>RunAsync</c> takes any writer.
/// </summary>
public interface IDraftWriter
{
    /// <summary>Short name shown in traces.</summary>
    string Name { get; }

    /// <summary>True when a failed tone-check may be fixed by writing again with <see cref="DraftRequest.Plain"/>.</summary>
    bool CanRevise { get; }

    /// <summary>Writes the reply for <paramref name="request"/>; completes synchronously when the writer does no I/O.</summary>
    ValueTask<Draft> WriteAsync(DraftRequest request, Knowledge.Workspace workspace, CancellationToken cancellationToken = default);
}
