namespace Escalation.Infrastructure.Storage;

/// <summary>
/// A store that stops for the rest of the process when a write fails (an append-only log: writing on after a lost write
/// would leave a gap) and says so, so that the host's health check can ask for a restart.
/// </summary>
public interface IStorageHealth
{
    /// <summary>Null while the store works; otherwise what failed and what to do, as one sentence.</summary>
    string? Problem { get; }
}
