using System.Globalization;
using Escalation.Api.Cases;
using Escalation.Core.Notifications;
using Escalation.Core.Privacy;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Email;

namespace Escalation.Api.Privacy;

/// <summary>
/// Erases a customer's personal data from every case of theirs (a GDPR erasure request): each case gets an
/// <c>erasure</c> record on its trace chain, then its key is destroyed — which makes its sealed artifacts and the sealed
/// fields of its traces unreadable where they lie — its e-mails are removed from the outbox, and the case index notes
/// when. The chains still verify: nothing hashed was changed. Running it again finishes what a crash interrupted and
/// changes nothing more.
/// </summary>
/// <remarks>
/// A customer with a case still being decided or waiting for a reviewer is refused (nothing is changed): the open case
/// would go on storing the data being erased. Decide or let it run out first. docs/privacy.md lists what is erased and
/// what is not (e-mails already delivered, the workspace's own customer list).
/// </remarks>
public sealed class CustomerErasure(ICaseIndex index, ITraceStore traces, ICaseKeyStore keys, CaseArtifacts artifacts, IEmailSender email, TimeProvider time)
{
    /// <summary>The case index field that says when a case's personal data was erased.</summary>
    public const string ErasedField = "erased";

    private static readonly HashSet<string> Finished = new(StringComparer.Ordinal)
    {
        CaseStatuses.Sent, CaseStatuses.Escalated, CaseStatuses.Resolved, CaseStatuses.ReturnedToTier1, CaseStatuses.Rejected, CaseStatuses.Failed,
    };

    /// <summary>Erases the customer's cases, or refuses (listing them) when some are still open.</summary>
    public async Task<ErasureResult> EraseAsync(ErasureRequest request, CancellationToken cancellationToken = default)
    {
        var cases = await index.QueryByCustomerAsync(request.CustomerId, cancellationToken).ConfigureAwait(false);
        var open = cases.Where(c => !Finished.Contains(c.Status)).Select(c => new OpenCase(c.CaseId, c.Status)).ToList();
        if (open.Count > 0)
        {
            return new ErasureResult(request.CustomerId, [], open);
        }

        var erased = new List<ErasedCase>(cases.Count);
        foreach (var record in cases)
        {
            erased.Add(await EraseCaseAsync(record, request, cancellationToken).ConfigureAwait(false));
        }

        return new ErasureResult(request.CustomerId, erased, []);
    }

    private async Task<ErasedCase> EraseCaseAsync(CaseRecord record, ErasureRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // 1. The record first, so a crash after it leaves a case that says it is being erased, never one silently half-erased.
        var traceId = await AppendErasureRecordAsync(record, request, now, cancellationToken).ConfigureAwait(false);
        // 2. The key: everything sealed under it, in artifacts and traces, becomes unreadable.
        var keyDestroyed = await keys.DestroyAsync(record.CaseId, cancellationToken).ConfigureAwait(false);
        artifacts.Release(record.CaseId);
        // 3. The e-mails the service wrote to its own outbox (sent mail is with its recipients).
        var removed = email is OutboxEmailSender outbox ? outbox.RemoveMessagesOf(record.CaseId) : 0;
        // 4. The index says when.
        await MarkErasedAsync(record.CaseId, traceId, now, cancellationToken).ConfigureAwait(false);
        return new ErasedCase(record.CaseId, record.TicketId, traceId, keyDestroyed, removed);
    }

    private async Task<string> AppendErasureRecordAsync(CaseRecord record, ErasureRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chain = await traces.ListChainAsync(record.CaseId, cancellationToken).ConfigureAwait(false);
        var last = chain.Count > 0 ? await traces.GetTraceAsync(chain[^1].TraceId, cancellationToken).ConfigureAwait(false) : null;
        if (last?.Kind == TraceRecordKinds.Erasure)
        {
            return chain[^1].TraceId;
        }

        var text = request.Reference is { } reference
            ? $"The customer's personal data in this case was erased at their request (reference {reference}): the case key was destroyed, so what was sealed under it no longer reads."
            : "The customer's personal data in this case was erased at their request: the case key was destroyed, so what was sealed under it no longer reads.";
        var trace = new DecisionTrace
        {
            CaseId = record.CaseId,
            Sequence = 0,
            Kind = TraceRecordKinds.Erasure,
            TicketId = record.TicketId,
            CustomerId = record.CustomerId,
            WorkspaceVersion = last?.WorkspaceVersion ?? "",
            Entries = [TraceEntry.Decided("erase", text)],
            Actor = TraceActor.Operator(request.RequestedBy),
            At = now,
        };
        var appended = await traces.AppendAsync(record.CaseId, (sequence, previous) => trace with { Sequence = sequence, PreviousHash = previous }, cancellationToken).ConfigureAwait(false);
        return appended.TraceId;
    }

    private async Task MarkErasedAsync(string caseId, string traceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await index.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Case.Extra.ContainsKey(ErasedField))
            {
                return;
            }

            var extra = new Dictionary<string, string>(current.Case.Extra, StringComparer.Ordinal) { [ErasedField] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };
            try
            {
                await index.UpsertAsync(current.Case with { Extra = extra, LatestTraceId = traceId, Updated = now }, current.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
            }
        }
    }
}

/// <summary>Who asks to erase which customer's data, and the request's reference (e.g. the help desk's ticket).</summary>
public sealed record ErasureRequest(string CustomerId, string RequestedBy, string? Reference);

/// <summary>What an erasure did: the cases erased, or the open cases that stopped it (then nothing was changed).</summary>
public sealed record ErasureResult(string CustomerId, IReadOnlyList<ErasedCase> Cases, IReadOnlyList<OpenCase> OpenCases)
{
    public bool Refused => OpenCases.Count > 0;
}

/// <summary>One erased case: its erasure record, whether a key was destroyed now (false: already destroyed), e-mails removed.</summary>
public sealed record ErasedCase(string CaseId, string TicketId, string TraceId, bool KeyDestroyed, int OutboxMessagesRemoved);

/// <summary>A case still being decided or reviewed.</summary>
public sealed record OpenCase(string CaseId, string Status);
