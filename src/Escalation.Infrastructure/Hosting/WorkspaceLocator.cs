namespace Escalation.Infrastructure.Hosting;

/// <summary>Finds the configured workspace folder from the current directory or the repository root.</summary>
public static class WorkspaceLocator
{
    /// <summary>
    /// Resolves <paramref name="configured"/>: absolute as is; relative against the current directory, then
    /// against each parent directory (so <c>samples/workspace</c> works from the repo root and from a project folder).
    /// </summary>
    public static string Resolve(string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(configured);
    }
}
