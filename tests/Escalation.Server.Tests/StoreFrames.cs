using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Escalation.Server.Tests;

/// <summary>
/// The frames of a stopped server's record log (<c>store/records-*.log</c>: "ESR1", key length, payload length, 8 bytes
/// of SHA-256, key, payload), read straight from the files so tests can damage or alter a chosen record.
/// </summary>
public sealed record StoreFrame(string Segment, long Offset, string Key, long PayloadOffset, int PayloadLength)
{
    public static IReadOnlyList<StoreFrame> Read(string dataDirectory)
    {
        var frames = new List<StoreFrame>();
        foreach (var segment in Directory.GetFiles(Path.Combine(dataDirectory, "store"), "records-*.log").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(segment);
            for (var at = 0; at + 20 <= bytes.Length;)
            {
                var keyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
                var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 8));
                frames.Add(new StoreFrame(segment, at, Encoding.UTF8.GetString(bytes, at + 20, keyLength), at + 20 + keyLength, payloadLength));
                at += 20 + keyLength + payloadLength;
            }
        }

        return frames;
    }

    /// <summary>Changes one byte of the payload; the checksum no longer matches (what a disk error does).</summary>
    public void Damage(int payloadIndex)
    {
        var bytes = File.ReadAllBytes(Segment);
        bytes[PayloadOffset + payloadIndex] ^= 0x01;
        File.WriteAllBytes(Segment, bytes);
    }

    /// <summary>Rewrites the payload in place (same length) and fixes the checksum: a frame-valid edit.</summary>
    public void Edit(Func<string, string> change)
    {
        var bytes = File.ReadAllBytes(Segment);
        var payload = Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes, (int)PayloadOffset, PayloadLength)));
        Assert.Equal(PayloadLength, payload.Length);
        payload.CopyTo(bytes, PayloadOffset);
        var keyAndPayload = bytes.AsSpan((int)Offset + 20, (int)(PayloadOffset - Offset - 20) + PayloadLength);
        SHA256.HashData(keyAndPayload)[..8].CopyTo(bytes, Offset + 12);
        File.WriteAllBytes(Segment, bytes);
    }
}
