namespace Escalation.Core.Knowledge;

/// <summary>A workspace file is wrong; the message names the file, the line or field, and what is wrong.</summary>
public sealed class WorkspaceValidationException : Exception
{
    public WorkspaceValidationException(string file, string location, string problem)
        : base($"{file}: {location}: {problem}")
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>Workspace-relative path of the file at fault.</summary>
    public string File { get; }

    /// <summary><c>line N</c> for syntax errors, else the field path (<c>customers[3].arr</c>).</summary>
    public string Location { get; }
    public string Problem { get; }
}
