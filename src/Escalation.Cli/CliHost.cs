using Escalation.Core.Decisions;

namespace Escalation.Cli;

/// <summary>
/// What the commands take from the process rather than the command line: standard input, the detect stage, whether a
/// person watches standard error (progress bars), and the HTTP handler of the commands that call a service. Tests give
/// their own.
/// </summary>
public sealed record CliHost(TextReader Stdin, CaseDetector Detector, bool Interactive, HttpMessageHandler? Http = null)
{
    /// <summary>The console of this process and the embedded reading.</summary>
    public static CliHost FromConsole() => new(Console.In, CaseDetectors.Embedded, !Console.IsErrorRedirected);
}
