using System.Diagnostics;

namespace Escalation.Bench;

/// <summary>The yardstick for every durable figure: 4 KB writes, each made durable with fsync, to one file.</summary>
public static class BenchDisk
{
    /// <summary>Writes back every file system's dirty pages (<c>sync</c>); does nothing where there is no <c>sync</c>.</summary>
    public static void WriteBack()
    {
        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit(60_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    /// <summary>Deletes what <paramref name="directory"/> holds (what cannot be deleted stays), keeping the folder.</summary>
    public static void Empty(string directory)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
        {
            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>fsync'd 4 KB writes per second to a file in <paramref name="directory"/>.</summary>
    public static double FsyncWritesPerSecond(string directory, TimeSpan measure)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "fsync-probe.bin");
        var block = new byte[4096];
        Random.Shared.NextBytes(block);
        long writes = 0;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < measure && writes < 10_000_000)
            {
                file.Write(block);
                file.Flush(flushToDisk: true);
                writes++;
            }

            clock.Stop();
            File.Delete(path);
            return writes / clock.Elapsed.TotalSeconds;
        }
    }
}
