using System.Buffers;

namespace Escalation.Api.Submissions;

/// <summary>Reads a request body without ever buffering more than the limit allows.</summary>
public static class RequestBody
{
    /// <summary>
    /// The body's bytes, or <c>null</c> when it is longer than <paramref name="maxBytes"/> (answer 413
    /// without reading the rest).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024); // a chunk per request would be most of what a submission allocates
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
