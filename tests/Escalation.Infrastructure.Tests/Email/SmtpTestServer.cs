using System.Diagnostics;

namespace Escalation.Infrastructure.Tests.Email;

/// <summary>
/// The real SMTP server of scripts/smtp (npm smtp-server) on 127.0.0.1, writing what it receives into
/// a temporary folder. Started with node; <see cref="SmtpFactAttribute"/> skips the tests when node or
/// the npm package cannot be had.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpTestServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    /// <summary>Where received messages land: 0001.eml + 0001.json (envelope), …</summary>
    public string Folder { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Null when the server can run; otherwise why not.</summary>
    public static Lazy<string?> Unavailable { get; } = new(() =>
    {
        if (!CanRun("node", "--version"))
        {
            return "node is not installed, so the SMTP test server (scripts/smtp) cannot run";
        }

        var ensure = Path.Combine(RepoRoot, "scripts", "ensure-smtp.sh");
        return CanRun("bash", ensure) ? null : "scripts/ensure-smtp.sh could not install the smtp-server npm package";
    });

    public static async Task<SmtpTestServer> StartAsync(string? user = null, string? password = null)
    {
        var folder = Directory.CreateTempSubdirectory("smtp-received-").FullName;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(RepoRoot, "scripts", "smtp", "smtp-test-server.js"), "--dir", folder, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        if (user is not null)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("--pass");
            start.ArgumentList.Add(password ?? "");
        }

        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("SMTP test server did not start: " + await process.StandardError.ReadToEndAsync());
        }

        return new SmtpTestServer(process, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture), folder);
    }

    /// <summary>The received messages' files, oldest first.</summary>
    public string[] ReceivedMessages() => Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).ToArray();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static bool CanRun(string file, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, [argument]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit(300_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (EscalationFunctions.sln) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs the SMTP test server; reported as skipped, with the reason, when it cannot run.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (SmtpTestServer.Unavailable.Value is { } reason)
        {
            Skip = reason;
        }
    }
}
