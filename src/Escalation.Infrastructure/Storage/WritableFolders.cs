namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Says while the folders the host writes to (the data folder, the e-mail outbox) refuse writes: a probe file is
/// created and deleted in each, at most once per <see cref="ProbeInterval"/>, so health reports a read-only or
/// missing folder while it lasts, and stops reporting it once it is writable again.
/// </summary>
public sealed class WritableFolders(TimeProvider time, params string[] folders) : IStorageHealth
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _probedAt = DateTimeOffset.MinValue;
    private string? _problem;

    public string? Problem
    {
        get
        {
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (now - _probedAt >= ProbeInterval)
                {
                    _probedAt = now;
                    _problem = Probe();
                }

                return _problem;
            }
        }
    }

    private string? Probe()
    {
        foreach (var folder in folders)
        {
            var probe = Path.Combine(folder, $".health-probe-{Environment.ProcessId}");
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return $"The folder {folder} refuses writes ({ex.Message}); cases that need it wait as needs-attention and resume by themselves once it is writable.";
            }
        }

        return null;
    }
}
