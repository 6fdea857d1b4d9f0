namespace Escalation.Core.Tracing;

/// <summary>
/// One line of a decision trace: which stage, what it did (read, found, decided), in plain words,
/// and the ids it refers to (policy citations <c>id@version#sha256</c>, precedent ids, signal names).
/// </summary>
/// <param name="Stage">Stage name, e.g. <c>detect</c>, <c>retrieve-policy</c>, <c>route</c>.</param>
/// <param name="Kind"><c>read</c>, <c>found</c> or <c>decided</c> (see <see cref="TraceKinds"/>).</param>
/// <param name="Text">What happened and why, for people.</param>
/// <param name="Refs">Ids the entry refers to; empty when none.</param>
public sealed record TraceEntry(string Stage, string Kind, string Text, IReadOnlyList<string> Refs)
{
    public static TraceEntry Read(string stage, string text, params string[] refs) => new(stage, TraceKinds.Read, text, refs);

    public static TraceEntry Found(string stage, string text, params string[] refs) => new(stage, TraceKinds.Found, text, refs);

    public static TraceEntry Decided(string stage, string text, params string[] refs) => new(stage, TraceKinds.Decided, text, refs);
}

/// <summary>Kinds of trace entry.</summary>
public static class TraceKinds
{
    public const string Read = "read";
    public const string Found = "found";
    public const string Decided = "decided";
}
