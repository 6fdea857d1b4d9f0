using System.Security.Cryptography;
using System.Text;

namespace Escalation.Core.Privacy;

/// <summary>
/// Personal data sealed under a case key: <c>pd1:</c> + base64url(nonce ‖ ciphertext ‖ tag), AES-256-GCM.
/// </summary>
/// <remarks>
/// The nonce is synthetic (the first 12 bytes of HMAC-SHA256 over the context and the text, as in SIV modes), so the
/// same text sealed twice under one key gives the same bytes. That is what keeps a retried trace write
/// content-addressed and idempotent (a random nonce would make every retry a different record); it only reveals that
/// two sealed values of one case are equal. The context (e.g. <c>trace</c>, <c>artifact:decision</c>) is bound as
/// associated data, so a sealed value cannot be moved to another place unnoticed.
/// </remarks>
public static class SealedText
{
    /// <summary>The prefix of every sealed value.</summary>
    public const string Prefix = "pd1:";

    /// <summary>What a reader shows where a sealed value's key was destroyed.</summary>
    public const string Erased = "[erased]";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Whether a stored value is sealed (starts with <see cref="Prefix"/>).</summary>
    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Seals <paramref name="text"/> under <paramref name="key"/> (32 bytes) for <paramref name="context"/>.</summary>
    public static string Seal(byte[] key, string context, string text) => Seal(key, context, Encoding.UTF8.GetBytes(text));

    /// <summary>Seals UTF-8 bytes under <paramref name="key"/> (32 bytes) for <paramref name="context"/>.</summary>
    public static string Seal(byte[] key, string context, ReadOnlySpan<byte> plaintext)
    {
        var aad = Encoding.UTF8.GetBytes(context);
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        using (var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key))
        {
            mac.AppendData(aad);
            mac.AppendData([0]);
            mac.AppendData(plaintext);
            Span<byte> digest = stackalloc byte[32];
            mac.GetHashAndReset(digest);
            digest[..NonceBytes].CopyTo(nonce);
        }

        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(NonceBytes + plaintext.Length), aad);
        return Prefix + Base64Url(sealedBytes);
    }

    /// <summary>
    /// The text of a sealed value; a value that is not sealed is returned as it is (data stored before sealing).
    /// Null when the key is gone (<paramref name="key"/> null) or the value does not open under it (altered, or another
    /// case's or context's).
    /// </summary>
    public static string? Open(byte[]? key, string context, string value)
    {
        if (!IsSealed(value))
        {
            return value;
        }

        if (key is null || !TryFromBase64Url(value.AsSpan(Prefix.Length), out var sealedBytes) || sealedBytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plaintext, Encoding.UTF8.GetBytes(context));
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(ReadOnlySpan<char> text, out byte[] bytes)
    {
        var padded = new StringBuilder(text.Length + 3).Append(text).Replace('-', '+').Replace('_', '/');
        padded.Append('=', (4 - padded.Length % 4) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded.ToString());
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
