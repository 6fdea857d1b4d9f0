using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>A record log in a temporary data folder, opened on first use; <see cref="CloseAsync"/> lets a test reopen it.</summary>
internal sealed class TempRecordLog : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private RecordLog? _log;

    public string Path => _dir.Path;

    public RecordLog Log => _log ??= RecordLog.Open(_dir.Path);

    /// <summary>Closes the log (everything written is on disk); the next <see cref="Log"/> opens it again.</summary>
    public async Task CloseAsync()
    {
        if (_log is not null)
        {
            await _log.DisposeAsync();
            _log = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _dir.Dispose();
    }
}
