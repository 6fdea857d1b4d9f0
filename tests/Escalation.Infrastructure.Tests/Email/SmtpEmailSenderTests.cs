using Escalation.Core.Notifications;
using Escalation.Infrastructure.Email;
using MailKit.Security;
using MimeKit;

namespace Escalation.Infrastructure.Tests.Email;

public sealed class SmtpEmailSenderTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("smtp-sender-test-");

    private string SentKeys => Path.Combine(_data.FullName, "outbox", "smtp-sent-keys.txt");

    private static SmtpSettings Settings(SmtpTestServer server, string? user = null, string? password = null) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Tls = SmtpTlsMode.None,
        UserName = user,
        Password = password,
        From = "Escalation <escalation@example.com>",
        Timeout = TimeSpan.FromSeconds(10),
    };

    [SmtpFact]
    public async Task SendAsync_RealSmtpServer_ReceivesTextAndHtml()
    {
        await using var server = await SmtpTestServer.StartAsync();
        using var sender = new SmtpEmailSender(Settings(server), SentKeys);

        var result = await sender.SendAsync(EmailFixtures.ReviewRequest());

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        var received = await MimeMessage.LoadAsync(Assert.Single(server.ReceivedMessages()));
        Assert.Equal("lead@example.com", received.To.Mailboxes.Single().Address);
        Assert.Equal("Review needed: ZD-48213 Refund for the outage week", received.Subject);
        Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Contains("token=v1.abc.def", received.TextBody);
        Assert.Contains("Open the review page", received.HtmlBody);
        var envelope = await File.ReadAllTextAsync(Path.ChangeExtension(server.ReceivedMessages()[0], ".json"));
        Assert.Contains("\"to\":[\"lead@example.com\"]", envelope);
    }

    [SmtpFact]
    public async Task SendAsync_SameKeyAgain_IsSkippedEvenAfterRestart()
    {
        await using var server = await SmtpTestServer.StartAsync();
        using (var sender = new SmtpEmailSender(Settings(server), SentKeys))
        {
            await sender.SendAsync(EmailFixtures.ReviewRequest());
            Assert.Equal(EmailSendStatus.AlreadySent, (await sender.SendAsync(EmailFixtures.ReviewRequest())).Status);
        }

        using var restarted = new SmtpEmailSender(Settings(server), SentKeys);
        var again = await restarted.SendAsync(EmailFixtures.ReviewRequest());
        await restarted.SendAsync(EmailFixtures.ReviewRequest("another-key"));

        Assert.Equal(EmailSendStatus.AlreadySent, again.Status);
        Assert.Equal(2, server.ReceivedMessages().Length);
    }

    [SmtpFact]
    public async Task SendAsync_WithCredentials_Authenticates()
    {
        await using var server = await SmtpTestServer.StartAsync("mailer", "s3cret");
        using var sender = new SmtpEmailSender(Settings(server, "mailer", "s3cret"), SentKeys);

        await sender.SendAsync(EmailFixtures.ReviewRequest());

        Assert.Contains("\"user\":\"mailer\"", await File.ReadAllTextAsync(Path.ChangeExtension(Assert.Single(server.ReceivedMessages()), ".json")));
    }

    [SmtpFact]
    public async Task SendAsync_WrongPassword_ThrowsAndDoesNotRecordKey()
    {
        await using var server = await SmtpTestServer.StartAsync("mailer", "s3cret");
        using var sender = new SmtpEmailSender(Settings(server, "mailer", "wrong"), SentKeys);

        await Assert.ThrowsAsync<AuthenticationException>(() => sender.SendAsync(EmailFixtures.ReviewRequest()));

        Assert.Empty(server.ReceivedMessages());
        Assert.False(File.Exists(SentKeys));
    }

    public void Dispose() => _data.Delete(recursive: true);
}
