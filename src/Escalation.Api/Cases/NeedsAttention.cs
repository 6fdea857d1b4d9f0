using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Api.Cases;

/// <summary>
/// How the case index records a case that waits as <c>needs-attention</c>: the status, why (<c>attention</c>) and the
/// status to go back to when it resumes (<c>attentionFrom</c>), so a resumed review is listed as awaiting review again.
/// </summary>
public static class NeedsAttention
{
    public const string FailureField = "attention";
    public const string FromField = "attentionFrom";

    /// <summary>The record marked (a failure) or put back at its earlier status (null).</summary>
    public static CaseRecord Apply(CaseRecord c, string? failure, DateTimeOffset at)
    {
        var extra = new Dictionary<string, string>(c.Extra);
        if (failure is not null)
        {
            if (c.Status != CaseStatuses.NeedsAttention)
            {
                extra[FromField] = c.Status;
            }

            extra[FailureField] = failure.Length > 300 ? failure[..300] : failure;
            return c with { Status = CaseStatuses.NeedsAttention, Extra = extra, Updated = at };
        }

        if (c.Status != CaseStatuses.NeedsAttention)
        {
            return c;
        }

        var from = extra.Remove(FromField, out var f) ? f : CaseStatuses.Received;
        extra.Remove(FailureField);
        return c with { Status = from, Extra = extra, Updated = at };
    }
}
