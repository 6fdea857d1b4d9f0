using System.Text;
using Escalation.Api.Links;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Api.Tests.Links;

public class ReviewLinkSignerTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a-test-signing-key-of-32-bytes!!");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    private ReviewLinkSigner Signer() => new(Key, _time);

    [Fact]
    public void Validate_FreshToken_IsValidWithItsClaims()
    {
        var token = Signer().Issue("case-1", "lead@example.com", LinkPurpose.Review, TimeSpan.FromHours(4));

        var result = Signer().Validate(token, "case-1", LinkPurpose.Review);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("lead@example.com", result.Claims!.Reviewer);
        Assert.Equal(_time.GetUtcNow().AddHours(4), result.Claims.ExpiresAt);
    }

    [Fact]
    public void Issue_TwoTokensForSameCase_HaveDifferentNonces()
    {
        var a = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));
        var b = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));

        Assert.NotEqual(a, b);
        Assert.NotEqual(Signer().Validate(a, "case-1", LinkPurpose.Review).Claims!.TokenId, Signer().Validate(b, "case-1", LinkPurpose.Review).Claims!.TokenId);
    }

    [Fact]
    public void Validate_TokenSignedWithAnotherKey_IsForged()
    {
        var other = new ReviewLinkSigner(Encoding.UTF8.GetBytes("another-key-that-is-32-bytes-ok!"), _time);
        var token = other.Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));

        Assert.Equal(LinkTokenStatus.Forged, Signer().Validate(token, "case-1", LinkPurpose.Review).Status);
    }

    [Fact]
    public void Validate_PayloadSwappedFromAnotherToken_IsForged()
    {
        var mine = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1)).Split('.');
        var theirs = Signer().Issue("case-2", "r", LinkPurpose.Review, TimeSpan.FromHours(1)).Split('.');
        var spliced = $"{mine[0]}.{theirs[1]}.{mine[2]}";

        Assert.Equal(LinkTokenStatus.Forged, Signer().Validate(spliced, "case-2", LinkPurpose.Review).Status);
    }

    [Fact]
    public void Validate_OneSignatureCharacterChanged_IsForged()
    {
        var token = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));
        var last = token[^2] == 'A' ? 'B' : 'A';
        var tampered = token[..^2] + last + token[^1];

        Assert.Equal(LinkTokenStatus.Forged, Signer().Validate(tampered, "case-1", LinkPurpose.Review).Status);
    }

    [Fact]
    public void Validate_AfterExpiry_IsExpired()
    {
        var token = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(4));
        _time.Advance(TimeSpan.FromHours(4));

        var result = Signer().Validate(token, "case-1", LinkPurpose.Review);

        Assert.Equal(LinkTokenStatus.Expired, result.Status);
        Assert.Equal(410, result.HttpStatus);
        Assert.Contains("expired", result.Reason);
    }

    [Fact]
    public void Validate_JustBeforeExpiry_IsValid()
    {
        var token = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(4));
        _time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));

        Assert.True(Signer().Validate(token, "case-1", LinkPurpose.Review).IsValid);
    }

    [Fact]
    public void Validate_OtherCase_IsWrongCase()
    {
        var token = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));

        var result = Signer().Validate(token, "case-2", LinkPurpose.Review);

        Assert.Equal(LinkTokenStatus.WrongCase, result.Status);
        Assert.Equal(403, result.HttpStatus);
    }

    [Fact]
    public void Validate_PublicAuditTokenOnReviewForm_IsWrongPurpose()
    {
        var token = Signer().Issue("case-1", "customer", LinkPurpose.PublicAudit, TimeSpan.FromDays(30));

        Assert.Equal(LinkTokenStatus.WrongPurpose, Signer().Validate(token, "case-1", LinkPurpose.Review).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("v1.abc")]
    [InlineData("v2.eyJjIjoiY2FzZS0xIn0.AAAA")]
    [InlineData("v1.!!!.???")]
    public void Validate_NotAToken_IsMalformed(string? token) =>
        Assert.Equal(LinkTokenStatus.Malformed, Signer().Validate(token, "case-1", LinkPurpose.Review).Status);

    [Fact]
    public async Task ConsumeAsync_SecondUse_IsAlreadyUsed()
    {
        var store = new InMemoryUsedTokenStore(_time);
        var token = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));

        var first = await Signer().ConsumeAsync(token, "case-1", LinkPurpose.Review, store);
        var second = await Signer().ConsumeAsync(token, "case-1", LinkPurpose.Review, store);

        Assert.True(first.IsValid);
        Assert.Equal(LinkTokenStatus.AlreadyUsed, second.Status);
        Assert.Equal(410, second.HttpStatus);
    }

    [Fact]
    public async Task ConsumeAsync_ConcurrentUses_ExactlyOneSucceeds()
    {
        var store = new InMemoryUsedTokenStore(_time);
        var token = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Signer().ConsumeAsync(token, "case-1", LinkPurpose.Review, store))));

        Assert.Single(results, r => r.IsValid);
    }

    [Fact]
    public async Task ConsumeAsync_ForgedToken_DoesNotBurnTheRealOne()
    {
        var store = new InMemoryUsedTokenStore(_time);
        var token = Signer().Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));

        await Signer().ConsumeAsync(token, "case-2", LinkPurpose.Review, store);

        Assert.True((await Signer().ConsumeAsync(token, "case-1", LinkPurpose.Review, store)).IsValid);
    }

    [Fact]
    public void Constructor_KeyShorterThan32Bytes_IsRefusedWithClearError()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ReviewLinkSigner(new byte[31]));

        Assert.Contains("at least 32 bytes", ex.Message);
    }

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("", "not set")]
    [InlineData("short-secret", "at least 32 bytes")]
    [InlineData("base64:AAAA", "at least 32 bytes")]
    [InlineData("base64:***", "not valid base64")]
    public void FromConfiguration_UnusableKey_NamesTheSetting(string? configured, string reason)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ReviewLinkSigner.FromConfiguration(configured));

        Assert.Contains("Escalation:LinkSigningKey", ex.Message);
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void FromConfiguration_Base64Key_SignsLikeTheRawBytes()
    {
        var configured = ReviewLinkSigner.FromConfiguration("base64:" + Convert.ToBase64String(Key), _time);
        var token = configured.Issue("case-1", "r", LinkPurpose.Review, TimeSpan.FromHours(1));

        Assert.True(Signer().Validate(token, "case-1", LinkPurpose.Review).IsValid);
    }

    [Fact]
    public void ReviewUrl_EscapesCaseIdAndToken()
    {
        var url = ReviewLinkSigner.ReviewUrl("http://localhost:7071/", "ZD 1/2", "v1.a_b-c.d");

        Assert.Equal("http://localhost:7071/api/review/ZD%201%2F2?token=v1.a_b-c.d", url);
    }
}
