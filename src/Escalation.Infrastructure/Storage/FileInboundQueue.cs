using System.Globalization;
using System.Text.Json;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// An inbound queue as files: <c>queues/&lt;name&gt;/ready</c> (waiting, oldest first),
/// <c>queues/&lt;name&gt;/inflight</c> (received, invisible until their lease ends) and
/// <c>queues/&lt;name&gt;-poison</c> (with the reason). A rename claims a message, so two consumers never
/// receive the same one at once. A help desk drops the ticket JSON itself into <c>ready</c> (<c>*.json</c>); the queue
/// wraps it in its own envelope when it takes it.
/// </summary>
public sealed class FileInboundQueue : IInboundQueue
{
    private readonly string _root;
    private readonly string _ready;
    private readonly string _inflight;
    private readonly string _poison;
    private readonly TimeProvider _time;

    public FileInboundQueue(string dataDirectory, string name, TimeProvider? time = null)
    {
        StorageNames.Require(name, "queue name");
        _root = dataDirectory;
        var root = Path.Combine(dataDirectory, "queues");
        _ready = Path.Combine(root, name, "ready");
        _inflight = Path.Combine(root, name, "inflight");
        _poison = Path.Combine(root, name + "-poison");
        _time = time ?? TimeProvider.System;
    }

    public async Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        var message = new StoredMessage(Guid.NewGuid().ToString("N"), body, 0, _time.GetUtcNow(), null);
        await AtomicFile.ReplaceAsync(Path.Combine(_ready, ReadyName(message)), JsonSerializer.SerializeToUtf8Bytes(message, StorageJson.Options), cancellationToken, groupRoot: _root);
    }

    public async Task<InboundMessage?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        await ReturnExpiredAsync(cancellationToken);
        if (!Directory.Exists(_ready))
        {
            return null;
        }

        Directory.CreateDirectory(_inflight);
        foreach (var file in Directory.EnumerateFiles(_ready, "*.json").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList())
        {
            // A file this queue wrote keeps its id; one a help desk dropped (named anything) gets a new one.
            var own = OwnId(file);
            if (own is null && StillBeingWritten(file))
            {
                continue; // taken once the help desk has finished writing it, not poisoned half-written
            }

            var id = own ?? Guid.NewGuid().ToString("N");
            var claimed = Path.Combine(_inflight, id + ".json");
            DateTimeOffset dropped;
            try
            {
                dropped = File.GetLastWriteTimeUtc(file);
                File.Move(file, claimed, overwrite: false);
            }
            catch (IOException)
            {
                continue; // another consumer took it
            }

            var message = (await ReadAsync(claimed, id, dropped, cancellationToken))!;
            message = message with { DequeueCount = message.DequeueCount + 1, InvisibleUntil = _time.GetUtcNow() + visibility };
            await AtomicFile.ReplaceAsync(claimed, JsonSerializer.SerializeToUtf8Bytes(message, StorageJson.Options), cancellationToken, groupRoot: _root);
            return new InboundMessage(message.Id, message.Body, message.DequeueCount, message.DequeueCount.ToString(CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>How long a dropped file that is not yet whole JSON is given to be finished before it is taken (and poisoned).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True for a dropped file written in the last <see cref="SettleTime"/> whose bytes are not yet a whole JSON value: a
    /// help desk that writes straight into <c>ready</c> (rather than writing elsewhere and renaming) is still writing it.
    /// A whole ticket is taken at once; a file that stays broken past the settle time is taken and poisoned as before.
    /// </summary>
    private bool StillBeingWritten(string file)
    {
        try
        {
            if ((_time.GetUtcNow() - File.GetLastWriteTimeUtc(file)).Duration() >= SettleTime)
            {
                return false;
            }

            var bytes = File.ReadAllBytes(file);
            if (bytes.Length == 0)
            {
                return true;
            }

            using var _ = JsonDocument.Parse(bytes);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
        catch (IOException)
        {
            return false; // gone or locked: the claim below decides
        }
    }

    public Task CompleteAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        File.Delete(Path.Combine(_inflight, StorageNames.Require(message.Id, "message id") + ".json"));
        return Task.CompletedTask;
    }

    public async Task PoisonAsync(InboundMessage message, string reason, CancellationToken cancellationToken = default)
    {
        var poisoned = new PoisonedMessage(message.Id, message.Body, reason, message.DequeueCount, _time.GetUtcNow());
        var name = $"{poisoned.PoisonedAt.UtcTicks:D20}-{message.Id}.json";
        await AtomicFile.ReplaceAsync(Path.Combine(_poison, name), JsonSerializer.SerializeToUtf8Bytes(poisoned, StorageJson.Options), cancellationToken, groupRoot: _root);
        await CompleteAsync(message, cancellationToken);
    }

    public async Task<IReadOnlyList<PoisonedMessage>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_poison))
        {
            return [];
        }

        var list = new List<PoisonedMessage>();
        foreach (var file in Directory.EnumerateFiles(_poison, "*.json").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).Take(max))
        {
            if (await AtomicFile.ReadOrNullAsync(file, cancellationToken) is { } bytes)
            {
                list.Add(JsonSerializer.Deserialize<PoisonedMessage>(bytes, StorageJson.Options)!);
            }
        }

        return list;
    }

    private async Task ReturnExpiredAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_inflight))
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var file in Directory.EnumerateFiles(_inflight, "*.json").Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            // No lease: claimed but not yet stamped when the process stopped; it goes back too.
            var id = Path.GetFileNameWithoutExtension(file);
            if (await ReadAsync(file, id, now, cancellationToken) is { } message && (message.InvisibleUntil ?? now) <= now)
            {
                try
                {
                    File.Move(file, Path.Combine(_ready, ReadyName(message with { Id = id })), overwrite: false);
                }
                catch (IOException)
                {
                    // completed or returned by someone else meanwhile
                }
            }
        }
    }

    private static string ReadyName(StoredMessage message) => $"{message.EnqueuedAt.UtcTicks:D20}-{message.Id}.json";

    /// <summary>The id in a name this queue gives its files (<c>&lt;ticks&gt;-&lt;id&gt;.json</c>), or null.</summary>
    private static string? OwnId(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dash = name.IndexOf('-');
        return dash == 20 && name[..20].All(char.IsAsciiDigit) && name.Length > 21 && name[21..].All(char.IsAsciiLetterOrDigit) ? name[21..] : null;
    }

    /// <summary>
    /// The message in a file: the envelope this queue writes (<c>{"id","body","dequeueCount","enqueuedAt"}</c>), or —
    /// anything else, such as the ticket JSON a help desk drops, even malformed — a new message whose body is the file's
    /// text, so the submission's validation decides (and a bad one goes to the poison queue with the reason).
    /// </summary>
    private static async Task<StoredMessage?> ReadAsync(string path, string id, DateTimeOffset dropped, CancellationToken cancellationToken)
    {
        if (await AtomicFile.ReadOrNullAsync(path, cancellationToken) is not { } bytes)
        {
            return null;
        }

        if (IsEnvelope(bytes))
        {
            try
            {
                return JsonSerializer.Deserialize<StoredMessage>(bytes, StorageJson.Options)! with { Id = id };
            }
            catch (JsonException)
            {
                // an envelope in name only: its text is the body
            }
        }

        return new StoredMessage(id, System.Text.Encoding.UTF8.GetString(bytes), 0, dropped, null);
    }

    private static bool IsEnvelope(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String
                && root.TryGetProperty("enqueuedAt", out var at) && at.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record StoredMessage(string Id, string Body, long DequeueCount, DateTimeOffset EnqueuedAt, DateTimeOffset? InvisibleUntil);
}
