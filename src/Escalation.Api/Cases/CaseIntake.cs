using Escalation.Core.Cases;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;

namespace Escalation.Api.Cases;

/// <summary>
/// Takes a valid submission in: stores it and its first case-index record once (a repeat finds them), and returns the
/// orchestration input. Starting the orchestration is the caller's, so every host starts it its own way.
/// </summary>
public sealed class CaseIntake(CaseArtifacts artifacts, ICaseIndex index)
{
    /// <summary>A case's first index record: received, nothing decided yet.</summary>
    public static CaseRecord ReceivedRecord(string caseId, CaseSubmission submission, DateTimeOffset receivedAt) => new()
    {
        CaseId = caseId,
        TicketId = submission.TicketId,
        Revision = submission.Revision,
        CustomerId = submission.Customer.Id,
        Kind = submission.ResolvedKind.ToName(),
        Status = CaseStatuses.Received,
        Created = receivedAt,
        Updated = receivedAt,
    };

    /// <summary>
    /// Stores the case unless it exists; <c>Existed</c> tells a repeated submission: false for exactly one of any number
    /// of identical submissions, the one whose index record was written, however they interleave.
    /// </summary>
    public async Task<StoredCase> StoreAsync(CaseSubmission submission, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        var caseId = CaseIds.For(submission.TicketId, submission.Revision);
        var earlier = await index.GetAsync(caseId, ct).ConfigureAwait(false);
        var existed = earlier is not null;
        if (!existed)
        {
            // The submission and its index record are written side by side: one wait for the disk instead of two. Both are
            // stored before this returns (and before the orchestration starts); a crash that keeps only one of them leaves
            // a case the help desk's retry stores again, since the submission was not acknowledged.
            var submissionStored = artifacts.PutSubmissionAsync(caseId, submission, receivedAt, ct);
            var recordStored = index.UpsertAsync(ReceivedRecord(caseId, submission, receivedAt), ifMatch: null, ct);
            try
            {
                await Task.WhenAll(submissionStored, recordStored).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (submissionStored.IsCompletedSuccessfully)
            {
                // The same ticket arrived twice at once: the other request created the case.
                existed = true;
            }
        }

        // The stored submission wins over this one: a repeat with other content does not change a running case. A crash
        // that kept the index record but not the submission (sealing it waits for the case key first) left a case without
        // one: this retry stores it, as the help desk was never told it was.
        if (await artifacts.GetAsync<StoredSubmission>(caseId, CaseArtifacts.Submission, ct).ConfigureAwait(false) is not { } stored)
        {
            stored = await artifacts.PutSubmissionAsync(caseId, submission, receivedAt, ct).ConfigureAwait(false);
        }

        return new StoredCase(InputFor(caseId, stored), existed, earlier is not null && earlier.Case.Status != CaseStatuses.Received);
    }

    /// <summary>The orchestration input for a stored case.</summary>
    public static CaseWorkflowInput InputFor(string caseId, StoredSubmission stored) =>
        new(caseId, stored.Submission.ResolvedKind.ToName(), stored.Submission.TicketId, stored.Hash);
}

/// <summary>
/// A case the intake stored or found. <c>PastIntake</c>: its orchestration already moved it on from received (it decided,
/// or waits for a reviewer or a retry); starting it is never needed again, and must not be tried once the engine no
/// longer remembers the completed run — it would decide and send a second time.
/// </summary>
public readonly record struct StoredCase(CaseWorkflowInput Input, bool Existed, bool PastIntake)
{
    public void Deconstruct(out CaseWorkflowInput input, out bool existed)
    {
        input = Input;
        existed = Existed;
    }
}
