using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Escalation.Core.Notifications;

namespace Escalation.Api.Links;

/// <summary>
/// Issues and checks the signed tokens in review and public-audit links:
/// <c>v1.&lt;base64url payload&gt;.&lt;base64url HMAC-SHA256&gt;</c>, the payload binding case, reviewer,
/// purpose, expiry and a random nonce. Signatures are compared in constant time. Single use is the job
/// of an <see cref="IUsedTokenStore"/> (see <see cref="ConsumeAsync"/>).
/// </summary>
public sealed class ReviewLinkSigner
{
    /// <summary>The shortest key accepted: 32 bytes (256 bits), the HMAC-SHA256 block of security.</summary>
    public const int MinimumKeyBytes = 32;

    private const string Version = "v1";
    private const int MaxTokenLength = 4096;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Signs with <paramref name="key"/>; refuses keys shorter than <see cref="MinimumKeyBytes"/>.</summary>
    public ReviewLinkSigner(ReadOnlySpan<byte> key, TimeProvider? time = null)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"The link signing key is {key.Length} bytes; it must be at least {MinimumKeyBytes} bytes. " +
                "Set Escalation:LinkSigningKey to a random secret, e.g. 'base64:' followed by `openssl rand -base64 32`.",
                nameof(key));
        }

        _key = key.ToArray();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// A signer from a configured key: <c>base64:&lt;base64&gt;</c> for random bytes, otherwise the text's
    /// UTF-8 bytes. Throws <see cref="InvalidOperationException"/> naming the setting when it is missing,
    /// not valid base64, or shorter than 32 bytes.
    /// </summary>
    public static ReviewLinkSigner FromConfiguration(string? configuredKey, TimeProvider? time = null, string settingName = "Escalation:LinkSigningKey")
    {
        if (string.IsNullOrWhiteSpace(configuredKey))
        {
            throw new InvalidOperationException(
                $"{settingName} is not set. Review and public-audit links are signed with it; set it to at least {MinimumKeyBytes} random bytes, e.g. 'base64:' + `openssl rand -base64 32`.");
        }

        byte[] key;
        if (configuredKey.StartsWith("base64:", StringComparison.Ordinal))
        {
            try
            {
                key = Convert.FromBase64String(configuredKey["base64:".Length..].Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{settingName} starts with 'base64:' but the rest is not valid base64.");
            }
        }
        else
        {
            key = Encoding.UTF8.GetBytes(configuredKey);
        }

        if (key.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"{settingName} is {key.Length} bytes; it must be at least {MinimumKeyBytes} bytes. Use 'base64:' + `openssl rand -base64 32`.");
        }

        return new ReviewLinkSigner(key, time);
    }

    /// <summary>Issues a token for <paramref name="caseId"/>, valid for <paramref name="lifetime"/> from now.</summary>
    public string Issue(string caseId, string reviewer, LinkPurpose purpose, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentException.ThrowIfNullOrEmpty(reviewer);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A link must live for a positive time.");
        }

        var expires = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = new Payload(caseId, reviewer, purpose.ToName(), expires, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
        var body = Version + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson.Default.Payload));
        return body + "." + Base64Url.EncodeToString(Sign(body));
    }

    /// <summary>
    /// Checks a token's shape, signature, purpose, case and expiry (in that order). Does not record use:
    /// a GET showing the review page validates; only the acting POST consumes.
    /// </summary>
    public LinkValidation Validate(string? token, string caseId, LinkPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return Refuse(LinkTokenStatus.Malformed, null, "The link is incomplete: it has no valid token. Open the link from the e-mail again.");
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !TryDecode(parts[2], out var signature) || !TryDecode(parts[1], out var payloadBytes))
        {
            return Refuse(LinkTokenStatus.Malformed, null, "The link is damaged: its token is not in the expected form. Open the link from the e-mail again.");
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return Refuse(LinkTokenStatus.Forged, null, "The link's signature does not check out: it was altered or not issued by this service.");
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(payloadBytes, PayloadJson.Default.Payload);
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null || string.IsNullOrEmpty(payload.C) || string.IsNullOrEmpty(payload.R) || string.IsNullOrEmpty(payload.N)
            || !LinkPurposeNames.TryParse(payload.P, out var tokenPurpose))
        {
            return Refuse(LinkTokenStatus.Malformed, null, "The link's token is signed but unreadable.");
        }

        var claims = new LinkClaims(payload.C, payload.R, tokenPurpose, DateTimeOffset.FromUnixTimeSeconds(payload.E), payload.N);
        if (tokenPurpose != purpose)
        {
            return Refuse(LinkTokenStatus.WrongPurpose, claims, $"This link is for {tokenPurpose.ToName()}, not {purpose.ToName()}.");
        }

        if (!string.Equals(claims.CaseId, caseId, StringComparison.Ordinal))
        {
            return Refuse(LinkTokenStatus.WrongCase, claims, "This link belongs to another case.");
        }

        if (_time.GetUtcNow() >= claims.ExpiresAt)
        {
            return Refuse(LinkTokenStatus.Expired, claims, $"This link expired at {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
        }

        return new LinkValidation(LinkTokenStatus.Valid, claims, "The link is valid.");
    }

    /// <summary>Validates and, when valid, marks the token used; a second use answers <see cref="LinkTokenStatus.AlreadyUsed"/>.</summary>
    public async Task<LinkValidation> ConsumeAsync(string? token, string caseId, LinkPurpose purpose, IUsedTokenStore usedTokens, CancellationToken cancellationToken = default)
    {
        var validation = Validate(token, caseId, purpose);
        if (!validation.IsValid)
        {
            return validation;
        }

        var claims = validation.Claims!;
        return await usedTokens.TryMarkUsedAsync(claims.TokenId, claims.ExpiresAt, cancellationToken).ConfigureAwait(false)
            ? validation
            : Refuse(LinkTokenStatus.AlreadyUsed, claims, "This link has already been used; a decision was recorded with it.");
    }

    /// <summary>The review page URL for a token: <c>{baseUrl}/api/review/{caseId}?token=…</c>.</summary>
    public static string ReviewUrl(string baseUrl, string caseId, string token) =>
        $"{baseUrl.TrimEnd('/')}/api/review/{Uri.EscapeDataString(caseId)}?token={Uri.EscapeDataString(token)}";

    /// <summary>The public audit URL for a token: <c>{baseUrl}/api/public/audit/{traceId}?token=…</c>.</summary>
    public static string PublicAuditUrl(string baseUrl, string traceId, string token) =>
        $"{baseUrl.TrimEnd('/')}/api/public/audit/{Uri.EscapeDataString(traceId)}?token={Uri.EscapeDataString(token)}";

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private static LinkValidation Refuse(LinkTokenStatus status, LinkClaims? claims, string reason) => new(status, claims, reason);

    internal sealed record Payload(
        [property: JsonPropertyName("c")] string C,
        [property: JsonPropertyName("r")] string R,
        [property: JsonPropertyName("p")] string P,
        [property: JsonPropertyName("e")] long E,
        [property: JsonPropertyName("n")] string N);
}

[JsonSerializable(typeof(ReviewLinkSigner.Payload))]
internal sealed partial class PayloadJson : JsonSerializerContext;
