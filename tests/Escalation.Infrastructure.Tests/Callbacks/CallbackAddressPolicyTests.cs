using System.Net;
using System.Text;
using Escalation.Core.Notifications;
using Escalation.Infrastructure.Callbacks;

namespace Escalation.Infrastructure.Tests.Callbacks;

public sealed class CallbackAddressPolicyTests
{
    private static readonly CallbackOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(5) };

    private static HelpDeskNote Note() => new() { CaseId = "case-1", TicketId = "T-1", Event = "routed", At = DateTimeOffset.UnixEpoch };

    private static HelpDeskCallbackClient Client(CallbackAddressPolicy policy) =>
        new(new HttpClient(CallbackHttpHandler.Create(policy)), Encoding.UTF8.GetBytes("secret"), Fast);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.100.100.200")] // Alibaba Cloud metadata (shared address space)
    [InlineData("169.254.169.254")] // AWS, Azure and GCP metadata
    [InlineData("168.63.129.16")] // Azure host endpoint
    [InlineData("fd00:ec2::254")] // AWS metadata over IPv6
    [InlineData("fe80::1")]
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    public void IsPublic_InternalOrReservedAddress_IsFalse(string address) =>
        Assert.False(CallbackAddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("64:ff9b::5db8:d70e")] // NAT64 of a public address
    public void IsPublic_PublicAddress_IsTrue(string address) =>
        Assert.True(CallbackAddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Allows_AllowListedAddressRangeOrHostName_LetsThoseThroughOnly()
    {
        var policy = new CallbackAddressPolicy(["127.0.0.1", "10.2.0.0/16", "helpdesk.corp.internal"]);

        Assert.True(policy.Allows("127.0.0.1", IPAddress.Loopback));
        Assert.False(policy.Allows("127.0.0.2", IPAddress.Parse("127.0.0.2")));
        Assert.True(policy.Allows("10.2.3.4", IPAddress.Parse("10.2.3.4")));
        Assert.False(policy.Allows("10.3.0.1", IPAddress.Parse("10.3.0.1")));
        Assert.True(policy.Allows("HelpDesk.corp.internal", IPAddress.Parse("192.168.7.7")));
        Assert.False(policy.Allows("other.corp.internal", IPAddress.Parse("192.168.7.7")));
    }

    [Fact]
    public void New_AllowListEntryThatIsNoHostAddressOrRange_IsRefusedNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new CallbackAddressPolicy(["http://helpdesk/x"]));

        Assert.Contains("Escalation:Callbacks:AllowedHosts", ex.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/hooks/escalation")]
    [InlineData("http://localhost:{0}/hooks/escalation")]
    [InlineData("http://2130706433:{0}/hooks/escalation")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/hooks/escalation")]
    public async Task NotifyAsync_HostResolvingToLoopback_IsNotConnectedNorRetried(string template)
    {
        using var helpDesk = new CallbackReceiver(_ => (200, null));
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new Uri(helpDesk.Url).Port);

        var result = await Client(CallbackAddressPolicy.PublicOnly).NotifyAsync(url, Note(), "k1");

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("not a public address", result.FailureReason);
        Assert.Empty(helpDesk.Received);
    }

    [Fact]
    public async Task NotifyAsync_AllowListedHelpDesk_IsPostedTo()
    {
        using var helpDesk = new CallbackReceiver(_ => (200, null));

        var result = await Client(new CallbackAddressPolicy(["127.0.0.1"])).NotifyAsync(helpDesk.Url, Note(), "k1");

        Assert.True(result.Delivered, result.FailureReason);
        Assert.Single(helpDesk.Received);
    }

    [Fact]
    public async Task NotifyAsync_Redirect_IsNotFollowed()
    {
        using var inside = new CallbackReceiver(_ => (200, null));
        using var helpDesk = new CallbackReceiver(_ => (307, null)) { Location = inside.Url };

        var result = await Client(new CallbackAddressPolicy(["127.0.0.1"])).NotifyAsync(helpDesk.Url, Note(), "k1");

        Assert.False(result.Delivered);
        Assert.Equal(307, result.StatusCode);
        Assert.Contains("redirects are not followed", result.FailureReason);
        Assert.Single(helpDesk.Received);
        Assert.Empty(inside.Received);
    }
}
