using System.Runtime.InteropServices;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Group commit for the file adapters. A writer puts its bytes in place without forcing them to disk, then awaits
/// <see cref="WhenDurableAsync"/>: one background thread makes everything written so far durable with a single
/// <c>syncfs(2)</c> per data directory's file system and completes every waiter at once, so a hundred concurrent
/// writes cost one disk flush instead of a hundred. <c>syncfs</c> also persists the renames that put the files in place.
/// Where it is not available (not Linux), <see cref="Groups"/> is false and writers flush each file themselves.
/// </summary>
public static class DiskCommit
{
    /// <summary>The file each data directory is synced through (any open file of the file system will do).</summary>
    public const string SyncFileName = ".disk-sync";

    private static readonly SyncFs? Syncfs = LoadSyncfs();
    private static readonly object Gate = new();
    private static List<Request> _pending = [];
    private static Thread? _thread;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int SyncFs(int fd);

    private sealed record Request(string Root, TaskCompletionSource Done);

    /// <summary>True when writes are made durable in groups (Linux); false when each writer must flush its own file.</summary>
    public static bool Groups => Syncfs is not null;

    /// <summary>How many flushes were made (each covering every write queued before it).</summary>
    public static long Flushes => Interlocked.Read(ref _flushes);

    private static long _flushes;

    /// <summary>
    /// Completes once everything written under <paramref name="root"/> before the call is on disk. Only when
    /// <see cref="Groups"/> is true.
    /// </summary>
    public static Task WhenDurableAsync(string root, CancellationToken cancellationToken = default)
    {
        if (Syncfs is null)
        {
            throw new PlatformNotSupportedException("Group commit needs syncfs(2) (Linux); flush each file instead.");
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Gate)
        {
            _pending.Add(new Request(Path.GetFullPath(root), done));
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "escalation-disk-commit" };
                _thread.Start();
            }
            else if (_pending.Count == 1)
            {
                Monitor.Pulse(Gate);
            }
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The flushing thread: takes every request queued so far, flushes once per file system, completes them.</summary>
    private static void Run()
    {
        var batch = new List<Request>();
        while (true)
        {
            lock (Gate)
            {
                while (_pending.Count == 0)
                {
                    Monitor.Wait(Gate); // blocks without spinning: the thread costs nothing while nobody writes
                }

                (batch, _pending) = (_pending, batch);
            }

            foreach (var group in batch.GroupBy(r => r.Root, StringComparer.Ordinal))
            {
                try
                {
                    Flush(group.Key);
                    foreach (var r in group)
                    {
                        r.Done.TrySetResult();
                    }
                }
                catch (Exception ex)
                {
                    foreach (var r in group)
                    {
                        r.Done.TrySetException(ex);
                    }
                }
            }

            batch.Clear();
        }
    }

    private static void Flush(string root)
    {
        Directory.CreateDirectory(root);
        using var handle = File.OpenHandle(Path.Combine(root, SyncFileName), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (Syncfs!((int)handle.DangerousGetHandle()) != 0)
        {
            throw new IOException($"syncfs failed for {root} (errno {Marshal.GetLastPInvokeError()}): the writes may not be on disk.");
        }

        Interlocked.Increment(ref _flushes);
    }

    private static SyncFs? LoadSyncfs() =>
        !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("ESCALATION_DISK_COMMIT") == "per-file" ? null : LibC.Function<SyncFs>("syncfs");
}
