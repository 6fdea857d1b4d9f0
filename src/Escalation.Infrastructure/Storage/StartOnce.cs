namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Runs a piece of set-up (creating a table, back-filling an index) once per process, before the first use. Every caller
/// waits for that one run: the work is started only by the caller that installs it, so racing first callers never run
/// it twice side by side. A run that failed is started again by the next caller; a caller that gives up waiting does
/// not cancel it for the others.
/// </summary>
internal sealed class StartOnce(Func<Task> work)
{
    private Task? _run;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        var run = Volatile.Read(ref _run);
        if (run is null)
        {
            var cold = new Task<Task>(work);
            var mine = cold.Unwrap();
            run = Interlocked.CompareExchange(ref _run, mine, null);
            if (run is null)
            {
                run = mine;
                cold.Start(TaskScheduler.Default);
            }
        }

        try
        {
            await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (run.IsFaulted)
        {
            _ = Interlocked.CompareExchange(ref _run, null, run);
            throw;
        }
    }
}
