using Escalation.Core.Actions;
using Escalation.Core.Workflow;

namespace Escalation.Api.Cases;

/// <summary>One action as it was executed (or not): stored with the case, read by the trace and the reply note.</summary>
/// <param name="ProposedAmount">What the decision proposed, when a reviewer lowered the amount.</param>
public sealed record ExecutedAction(string IdempotencyKey, CaseAction Action, decimal? ProposedAmount, bool Executed, string Detail, string Port);

public sealed partial class CaseActivities
{
    /// <summary>The stored artifact with the last execution's outcome of each action.</summary>
    public const string ActionsArtifact = "actions";

    /// <summary>The case index field naming the action that failed, until an execution succeeds.</summary>
    public const string ActionFailureField = "actionFailure";

    private IActionPort Port => actionPort ?? new HelpDeskActionPort(callback, time);

    public async Task<ActionsOutcome> ExecuteActionsAsync(ExecuteActionsInput input, CancellationToken cancellationToken = default)
    {
        var decision = await artifacts.DecisionAsync(input.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.CaseId} has no decision whose actions to execute.");
        var stored = await artifacts.SubmissionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var port = Port;
        var planned = ActionChanges.ToExecute(decision.Actions, input.Review is not null, input.Review?.ActionChanges)
            .Select(p => new KeyedAction(ActionKeys.For(input.CaseId, p.Index, p.Action.Kind), p.Action, p.Proposed))
            .ToArray();

        // An action whose execution is on record is not executed again (the receiver would drop its key anyway).
        var outcomes = new Dictionary<string, ExecutedAction>();
        var pending = new List<KeyedAction>();
        foreach (var k in planned)
        {
            if (await artifacts.DoneDetailAsync(input.CaseId, k.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } done)
            {
                outcomes[k.IdempotencyKey] = new ExecutedAction(k.IdempotencyKey, k.Action, k.ProposedAmount, true, done, port.Name);
            }
            else
            {
                pending.Add(k);
            }
        }

        if (pending.Count > 0)
        {
            var results = await port.ExecuteAsync(new ActionBatch(input.CaseId, stored.Submission.TicketId, stored.Submission.CallbackUrl, pending), cancellationToken).ConfigureAwait(false);
            foreach (var k in pending)
            {
                var r = results.FirstOrDefault(x => x.IdempotencyKey == k.IdempotencyKey) ?? new ActionResult(k.IdempotencyKey, false, "the action port returned no result");
                if (r.Executed)
                {
                    await artifacts.MarkDoneAsync(input.CaseId, k.IdempotencyKey, r.Detail, cancellationToken).ConfigureAwait(false);
                }

                outcomes[k.IdempotencyKey] = new ExecutedAction(k.IdempotencyKey, k.Action, k.ProposedAmount, r.Executed, r.Detail, port.Name);
            }
        }

        var list = planned.Select(k => outcomes[k.IdempotencyKey]).ToArray();
        await artifacts.PutAsync(input.CaseId, ActionsArtifact, list, cancellationToken).ConfigureAwait(false);
        var failed = list.Where(x => !x.Executed).ToArray();
        var failure = failed.Length == 0 ? null
            : "Action failed: " + string.Join("; ", failed.Select(x => $"{x.Action.Describe()} via {x.Port}: {x.Detail}"));
        await UpdateCaseAsync(input.CaseId, c =>
        {
            var extra = new Dictionary<string, string>(c.Extra);
            if (failure is null)
            {
                extra.Remove(ActionFailureField);
            }
            else
            {
                extra[ActionFailureField] = failure;
            }

            return c with { Extra = extra };
        }, cancellationToken).ConfigureAwait(false);
        return new ActionsOutcome(failure is null, list.Count(x => x.Executed), failure);
    }

    /// <summary>The stored outcome of the case's last action execution; empty when none ran.</summary>
    private async Task<IReadOnlyList<ExecutedAction>> ExecutedActionsAsync(string caseId, CancellationToken cancellationToken) =>
        await artifacts.GetAsync<ExecutedAction[]>(caseId, ActionsArtifact, cancellationToken).ConfigureAwait(false) ?? [];

    /// <summary>Trace lines for what was executed: the amount, the proposal when a reviewer lowered it, the key and the outcome.</summary>
    private static IEnumerable<Core.Tracing.TraceEntry> ExecutedEntries(IReadOnlyList<ExecutedAction> executed) => executed.Select(x =>
        Core.Tracing.TraceEntry.Decided(ActionTrace.Stage,
            $"{(x.Executed ? "Executed" : "Failed")}: {x.Action.Describe()}"
            + (x.ProposedAmount is { } p ? $" (proposed {Core.Cases.Money.Format(p, x.Action.Currency ?? "EUR")}, lowered by the reviewer)" : "")
            + $" via {x.Port}, key {x.IdempotencyKey}: {x.Detail}.", x.Action.PolicyCitation));
}
