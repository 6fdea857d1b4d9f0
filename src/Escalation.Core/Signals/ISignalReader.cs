using Escalation.Core.Tickets;

namespace Escalation.Core.Signals;

/// <summary>
/// A reading of a ticket that a service outside the process adds to the embedded one, asynchronously: a chat model's
/// reading (<see cref="ModelReader"/>), Azure AI Language's sentiment. The detect stage awaits it after the embedded
/// reading, so no thread waits on the network; a reader that fails leaves the embedded reading standing and says so in
/// the trace.
/// </summary>
public interface ISignalReader
{
    /// <summary><paramref name="embedded"/> with what this reader adds, and a trace entry saying what that was.</summary>
    ValueTask<CaseSignals> AddToAsync(CaseSignals embedded, CaseSubmission ticket, CancellationToken cancellationToken = default);
}

/// <summary>Composing readers.</summary>
public static class SignalReaders
{
    /// <summary>The readers given, applied in order; null when none is given.</summary>
    public static ISignalReader? Chain(params ISignalReader?[] readers)
    {
        ISignalReader[] present = [.. readers.OfType<ISignalReader>()];
        return present.Length switch
        {
            0 => null,
            1 => present[0],
            _ => new Chained(present),
        };
    }

    private sealed class Chained(ISignalReader[] readers) : ISignalReader
    {
        public async ValueTask<CaseSignals> AddToAsync(CaseSignals embedded, CaseSubmission ticket, CancellationToken cancellationToken = default)
        {
            foreach (var reader in readers)
            {
                embedded = await reader.AddToAsync(embedded, ticket, cancellationToken).ConfigureAwait(false);
            }

            return embedded;
        }
    }
}
