namespace Escalation.Core.Decisions;

/// <summary>
/// A synchronous in-memory pipeline (<c>SensitiveCasePipeline.Run</c>, <c>EscalationCasePipeline.Run</c>) was given a
/// draft writer or model reader whose step had not completed: it would have had to block a thread on I/O (a model call),
/// so it refused. Use the pipeline's <c>RunAsync</c>, or a writer that completes synchronously (the composer).
/// </summary>
public sealed class PendingStepException(string message) : InvalidOperationException(message);

/// <summary>
/// The rule of the synchronous pipelines: they run steps whose tasks are already completed (the composer, the embedded
/// reading) and never wait for one that is not. Used where the CLI, the simulator and the benchmarks run cases in
/// memory at ~100–300 µs each.
/// </summary>
public static class SynchronousSteps
{
    /// <summary>
    /// The result of <paramref name="step"/> when it has completed (a fault is rethrown as is);
    /// <see cref="PendingStepException"/> when it is still running, without waiting for it.
    /// </summary>
    public static T Completed<T>(ValueTask<T> step, string pipeline)
    {
        if (step.IsCompleted)
        {
            return step.GetAwaiter().GetResult(); // already completed: returns or rethrows, never waits
        }

        // Observe the abandoned step's eventual fault so it is not reported as unobserved.
        step.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        throw new PendingStepException(
            $"{pipeline}.Run was given a draft writer or model reader that did not complete synchronously (a chat model). " +
            $"Run never blocks a thread on a model call: use {pipeline}.RunAsync, or the composer and the embedded reading.");
    }
}
