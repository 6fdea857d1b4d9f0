using Escalation.Core.Notifications;
using Escalation.Infrastructure.Email;
using MimeKit;

namespace Escalation.Infrastructure.Tests.Email;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("outbox-test-");
    private readonly FixedClock _time = new(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    private OutboxEmailSender Sender() => new(_data.FullName, "Escalation <escalation@example.com>", _time);

    private string Day => Path.Combine(_data.FullName, "outbox", "2026-11-20");

    [Fact]
    public async Task SendAsync_WritesMimeMessageWithTextAndHtmlParts()
    {
        var result = await Sender().SendAsync(EmailFixtures.ReviewRequest());

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        Assert.Equal(Path.Combine(Day, "review-case-1-lead.eml"), result.Location);
        var mime = await MimeMessage.LoadAsync(result.Location);
        Assert.Equal("lead@example.com", mime.To.Mailboxes.Single().Address);
        Assert.Equal("escalation@example.com", mime.From.Mailboxes.Single().Address);
        Assert.Equal("Review needed: ZD-48213 Refund for the outage week", mime.Subject);
        Assert.Equal(_time.GetUtcNow(), mime.Date);
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Contains("api/review/case-1?token=v1.abc.def", mime.TextBody);
        Assert.Contains("<a href=\"http://localhost:7071/api/review/case-1?token=v1.abc.def\">", mime.HtmlBody);
        Assert.Equal("review-case-1-lead", mime.Headers["X-Escalation-Idempotency-Key"]);
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_WritesNothingNew()
    {
        var first = await Sender().SendAsync(EmailFixtures.ReviewRequest());
        var written = await File.ReadAllBytesAsync(first.Location);
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = await Sender().SendAsync(EmailFixtures.ReviewRequest() with { Subject = "changed" });

        Assert.Equal(EmailSendStatus.AlreadySent, second.Status);
        Assert.Equal(first.Location, second.Location);
        Assert.Equal(written, await File.ReadAllBytesAsync(first.Location));
        Assert.Single(Directory.GetFiles(Day));
    }

    [Fact]
    public async Task SendAsync_SameKeyOnALaterDayOrWrittenFlatByAnEarlierVersion_WritesNothingNew()
    {
        var first = await Sender().SendAsync(EmailFixtures.ReviewRequest());
        _time.Advance(TimeSpan.FromDays(3));
        var flat = Path.Combine(_data.FullName, "outbox", "review-case-2-lead.eml");
        await File.WriteAllTextAsync(flat, "written by an earlier version");

        var again = await Sender().SendAsync(EmailFixtures.ReviewRequest());
        var old = await Sender().SendAsync(EmailFixtures.ReviewRequest("review-case-2-lead"));
        var fresh = await Sender().SendAsync(EmailFixtures.ReviewRequest("review-case-3-lead"));

        Assert.Equal((EmailSendStatus.AlreadySent, first.Location), (again.Status, again.Location));
        Assert.Equal((EmailSendStatus.AlreadySent, flat), (old.Status, old.Location));
        Assert.Equal(Path.Combine(_data.FullName, "outbox", "2026-11-23", "review-case-3-lead.eml"), fresh.Location);
        Assert.Equal(1, Sender().RemoveMessagesOf("case-1") + Sender().RemoveMessagesOf("case-9"));
    }

    [Fact]
    public async Task SendAsync_DifferentKeys_WriteSeparateFiles()
    {
        await Sender().SendAsync(EmailFixtures.ReviewRequest("review-case-1-lead"));
        await Sender().SendAsync(EmailFixtures.ReviewRequest("review-case-2-lead"));

        Assert.Equal(2, Directory.GetFiles(Day, "*.eml").Length);
    }

    [Fact]
    public async Task SendAsync_KeyWithPathCharacters_StaysInsideOutbox()
    {
        var result = await Sender().SendAsync(EmailFixtures.ReviewRequest("../../etc/passwd"));

        Assert.Equal(Day, Path.GetDirectoryName(result.Location));
        Assert.NotEqual(
            (await Sender().SendAsync(EmailFixtures.ReviewRequest("__.._etc_passwd"))).Location,
            result.Location);
    }

    [Fact]
    public async Task SendAsync_ConcurrentSameKey_WritesOneFile()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Sender().SendAsync(EmailFixtures.ReviewRequest()))));

        Assert.Single(results, r => r.Status == EmailSendStatus.Sent);
        Assert.Single(Directory.GetFiles(Day));
    }

    public void Dispose() => _data.Delete(recursive: true);
}
