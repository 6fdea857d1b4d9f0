using Escalation.Core.Actions;
using Escalation.Core.Notifications;

namespace Escalation.Core.Tests.Actions;

public sealed class HelpDeskActionPortTests
{
    private sealed class RecordingCallback(bool delivered) : IHelpDeskCallback
    {
        public List<(string Url, HelpDeskNote Note, string Key)> Sent { get; } = [];

        public Task<CallbackResult> NotifyAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken = default)
        {
            Sent.Add((callbackUrl, note, idempotencyKey));
            return Task.FromResult(delivered ? CallbackResult.Success(1, 200) : CallbackResult.Failure(4, 503, "down"));
        }
    }

    private static readonly CaseAction Refund = new()
    {
        Kind = ActionKinds.Refund, Amount = 49m, Currency = "EUR", Limit = 49m, ChargeDate = new DateOnly(2026, 11, 9), PolicyCitation = "refund@2026.3#ab", Rule = "within-window",
    };

    private static ActionBatch Batch(string? url) =>
        new("case-fd-20731-1", "FD-20731", url, [new KeyedAction(ActionKeys.For("case-fd-20731-1", 0, "refund"), Refund)]);

    [Fact]
    public async Task ExecuteAsync_HelpDeskAccepts_OneActionsNoteWithEachKeyAndExecuted()
    {
        var callback = new RecordingCallback(true);

        var results = await new HelpDeskActionPort(callback, TimeProvider.System).ExecuteAsync(Batch("https://helpdesk.example.com/hooks"));

        var (url, note, key) = Assert.Single(callback.Sent);
        Assert.Equal("https://helpdesk.example.com/hooks", url);
        Assert.Equal(HelpDeskActionPort.Event, note.Event);
        var sent = Assert.Single(note.Actions!);
        Assert.Equal(ActionKeys.For("case-fd-20731-1", 0, "refund"), sent.IdempotencyKey);
        Assert.Equal(49m, sent.Amount);
        Assert.Equal(new DateOnly(2026, 11, 9), sent.ChargeDate);
        Assert.Equal(HelpDeskActionPort.NoteKey(Batch("x")), key);
        Assert.True(Assert.Single(results).Executed);
    }

    [Fact]
    public async Task ExecuteAsync_HelpDeskRefuses_ActionFailsWithTheReason()
    {
        var results = await new HelpDeskActionPort(new RecordingCallback(false), TimeProvider.System).ExecuteAsync(Batch("https://helpdesk.example.com/hooks"));

        var r = Assert.Single(results);
        Assert.False(r.Executed);
        Assert.Contains("HTTP 503", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_NoCallbackUrl_FailsRatherThanClaimIt()
    {
        var callback = new RecordingCallback(true);

        var results = await new HelpDeskActionPort(callback, TimeProvider.System).ExecuteAsync(Batch(null));

        Assert.Empty(callback.Sent);
        Assert.False(Assert.Single(results).Executed);
    }
}
