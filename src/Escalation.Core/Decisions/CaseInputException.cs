namespace Escalation.Core.Decisions;

/// <summary>A ticket a pipeline cannot decide on (e.g. an unknown customer with no inline profile); the message says why.</summary>
public sealed class CaseInputException(string message) : Exception(message);
