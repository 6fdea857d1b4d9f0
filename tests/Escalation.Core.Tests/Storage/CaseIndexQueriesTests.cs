using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Core.Tests.Storage;

public sealed class CaseIndexQueriesTests
{
    /// <summary>An index whose case moves from received to sent while it is being read, status by status.</summary>
    private sealed class MovingIndex : ICaseIndex
    {
        private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        private string _status = CaseStatuses.Received;

        public static CaseRecord Case(string id, string status) => new()
        {
            CaseId = id, TicketId = "T-" + id, CustomerId = "cus_014", Kind = "sensitive", Status = status, Created = At, Updated = At,
        };

        public Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default)
        {
            IReadOnlyList<CaseRecord> found = status == _status ? [Case("moving", status)] : status == CaseStatuses.Escalated ? [Case("still", status)] : [];
            if (status == CaseStatuses.Received)
            {
                _status = CaseStatuses.Sent; // the orchestration records its outcome between two reads
            }

            return Task.FromResult(found);
        }

        public Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    [Fact]
    public async Task QueryAllAsync_CaseMovesOnWhileRead_ListsItOnceWithItsLaterStatus()
    {
        var all = await new MovingIndex().QueryAllAsync();

        Assert.Equal(2, all.Count);
        Assert.Equal(CaseStatuses.Sent, Assert.Single(all, c => c.CaseId == "moving").Status);
        Assert.Equal(CaseStatuses.Escalated, Assert.Single(all, c => c.CaseId == "still").Status);
    }
}
