using Escalation.Core.Tickets;

namespace Escalation.Core.Signals;

/// <summary>
/// Reads the text of a ticket thread and reports its signals. The embedded lexicon/rule analyser is the
/// default; Azure AI Language plugs in through the same port.
/// </summary>
public interface ITextSignalAnalyzer
{
    /// <summary>Signals of a whole thread; the customer's messages weigh most.</summary>
    TextSignals Analyze(IReadOnlyList<TicketMessage> messages);
}
