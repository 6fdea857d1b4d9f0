namespace Escalation.Core.Tests.Signals;

/// <summary>Paths to the repository and to the human-labelled evaluation data beside it (../shared/data).</summary>
internal static class SharedData
{
    public static string? RepoRoot { get; } = FindRepoRoot();

    public static string? DataDir =>
        RepoRoot is { } root && Directory.Exists(Path.Combine(root, "..", "shared", "data")) ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data")) : null;

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>A fact that runs only where ../shared/data exists, and is skipped elsewhere.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.DataDir is null)
        {
            Skip = "../shared/data is not present on this machine";
        }
    }
}
