using System.Globalization;
using System.Text;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The default draft writer: deterministic, template-and-policy based, following HEART and seed 003's ticket checklist:
/// one greeting in the register of the customer's tone and tier, an acknowledgement (with a specific apology when the
/// customer is frustrated), the action taken, the outcome with the policy's timeline, prevention when it applies, and a
/// closing that thanks and invites them back. A held draft is the reply as it goes out once approved (it states the
/// proposed resolution); what the customer hears meanwhile is the separate <see cref="Draft.Acknowledgement"/>.
/// Amounts and dates come only from the case facts, the policy numbers and the review deadline.
/// </summary>
public sealed class ComposerDraftWriter : IDraftWriter
{
    private const string Stage = "draft";

    public string Name => "composer";

    public bool CanRevise => true;

    /// <summary>Writes the reply for <paramref name="request"/>: no I/O, so the task is always already completed.</summary>
    public ValueTask<Draft> WriteAsync(DraftRequest request, Workspace workspace, CancellationToken cancellationToken = default) =>
        new(Write(request, workspace));

    /// <summary>Writes the reply for <paramref name="request"/>.</summary>
    public Draft Write(DraftRequest request, Workspace workspace)
    {
        var tone = request.Signals.Text.CustomerTone;
        var guide = workspace.ToneGuide;
        var money = request.HoldForReview ? request.Proposal : request.Offer;
        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(Stage, $"Customer tone {tone}{(request.Signals.Vip ? ", VIP" : "")}; " +
                (request.HoldForReview ? "held for review: the draft is the reply once approved" : "no review pending") +
                $"; playbook {request.Retrieval.Playbook?.Id ?? "none"}."),
        };

        var t = ReplyText.For(request, workspace);
        var body = new List<string>();
        body.AddRange(ComposerSentences.Opening(request, workspace, t));
        body.Add(ComposerSentences.Acknowledge(request, workspace, t));
        body.AddRange(ComposerSentences.ActAndResolve(request, workspace, t));
        body.AddRange(ComposerSentences.Prevention(request, money, t));
        body.AddRange(ComposerSentences.Closing(request, workspace, t));

        // "mon mari Pierre est décédé … Cordialement, Hélène Girard": on a bereavement the writer is greeted, not the account holder.
        // "Marco here (not an admin on the account)": the writer is greeted, not the account's contact.
        var first = ComposerSentences.FirstName(request.Signals.Text.Bereavement && request.Facts.SignedName is { } signer ? signer
            : request.Facts.NotAccountHolder is not null && request.Facts.WriterName is { } writer ? writer : request.CustomerName);
        var text = new StringBuilder();
        text.Append(ComposerSentences.Greeting(request, first, t)).Append("\n\n");
        text.Append(string.Join(request.Plain ? "\n" : " ", body));
        text.Append("\n\n").Append(t.SignOff);

        var register = request.Signals.Vip ? "VIP (warm, formal)" : guide.For(tone)?.MatchWith ?? "default";
        trace.Add(TraceEntry.Decided(Stage,
            $"Wrote a {(request.Plain ? "plain revised " : "")}HEART reply ({t.Code}) in the '{register}' register" +
            (money is { } o ? $", stating a {o.Kind} of {Money.Format(o.Amount, o.Currency)} from {o.PolicyCitation}{(request.HoldForReview ? " as the proposal for review" : "")}." : "."),
            money is { } oc ? [oc.PolicyCitation] : []));
        return new Draft
        {
            Text = text.ToString(),
            Writer = Name,
            Revised = request.Plain,
            Trace = trace,
            Acknowledgement = request.HoldForReview ? HoldingMessage(request, first, t) : null,
        };
    }

    /// <summary>The short message sent while the draft waits for review: when the full answer comes, nothing promised.</summary>
    private static string HoldingMessage(DraftRequest r, string first, ReplyText t)
    {
        var about = t[r.Facts.HasAsk(CaseAsks.Refund) ? "holding.refund" : r.Facts.HasAsk(CaseAsks.Credit) ? "holding.credit" : "holding.message"];
        var when = r.ReviewBy is { } by ? t["deadline.by", ("deadline", t.Deadline(by))] : t["holding.soon"];
        return $"{ComposerSentences.Greeting(r, first, t)}\n\n{t["holding.text", ("about", about), ("when", when)]}\n\n{t.SignOff}";
    }

    /// <summary>"Monday 23 November 2026 at 16:00 UTC".</summary>
    public static string FormatDeadline(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
