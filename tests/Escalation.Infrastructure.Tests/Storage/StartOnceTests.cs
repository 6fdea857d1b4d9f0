using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

public sealed class StartOnceTests
{
    [Fact]
    public async Task EnsureAsync_SixteenFirstCallersAtOnce_RunTheWorkOnce()
    {
        var runs = 0;
        var release = new TaskCompletionSource();
        var once = new StartOnce(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
        });
        using var start = new Barrier(16);

        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            await once.EnsureAsync();
        })).ToArray();
        await Task.Delay(50);
        release.SetResult();
        await Task.WhenAll(callers);

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task EnsureAsync_TheFirstRunFailed_TheNextCallerRunsItAgain()
    {
        var runs = 0;
        var once = new StartOnce(() => ++runs == 1 ? Task.FromException(new IOException("storage unavailable")) : Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => once.EnsureAsync());
        await once.EnsureAsync();
        await once.EnsureAsync();

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task EnsureAsync_ACallerStopsWaiting_TheRunGoesOnForTheOthers()
    {
        var runs = 0;
        var release = new TaskCompletionSource();
        var once = new StartOnce(async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
        });
        using var impatient = new CancellationTokenSource();
        var first = once.EnsureAsync(impatient.Token);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var second = once.EnsureAsync();
        release.SetResult();
        await second;

        Assert.Equal(1, runs);
    }
}
