using Escalation.Core.Privacy;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The local host's case index, stage artifacts and decision traces: records of one <see cref="RecordLog"/> in the data
/// directory (<c>store/</c>), reading what earlier versions stored as files too (when their folders exist at opening). The process that runs the cases opens it with
/// <see cref="Open"/>; commands that only read (KPIs, drills) use <see cref="OpenReadOnly"/>, which sees what was stored
/// when it opened.
/// </summary>
public sealed class LocalCaseStore : IAsyncDisposable
{
    private LocalCaseStore(RecordLog log, string dataDirectory)
    {
        Log = log;
        Index = new LogCaseIndex(log, dataDirectory);
        Keys = new FileCaseKeyStore(dataDirectory);
        Artifacts = new SealingArtifactStore(new LogStageArtifactStore(log, dataDirectory), Keys);
        TraceLog = new LogTraceStore(log, dataDirectory);
    }

    /// <summary>The record log both stores write to.</summary>
    public RecordLog Log { get; }

    /// <summary>The case index.</summary>
    public ICaseIndex Index { get; }

    /// <summary>The case keys personal data is sealed under (files beside the log: a destroyed key is gone).</summary>
    public ICaseKeyStore Keys { get; }

    /// <summary>The stage artifacts, sealed under their case's key.</summary>
    public IStageArtifactStore Artifacts { get; }

    /// <summary>The decision traces and their chains.</summary>
    public ITraceStore Traces => TraceLog;

    /// <summary>The decision traces, with what only the local store can list (every case with a chain).</summary>
    public LogTraceStore TraceLog { get; }

    /// <summary>
    /// Opens the data directory's store for the one process that writes it; <paramref name="report"/> hears the one-off
    /// lines of an opening (a folder of an earlier version indexed once).
    /// </summary>
    public static LocalCaseStore Open(string dataDirectory, Action<string>? report = null) => new(RecordLog.Open(dataDirectory, report: report), dataDirectory);

    /// <summary>Opens the data directory's store to read it (a server may be writing it meanwhile).</summary>
    public static LocalCaseStore OpenReadOnly(string dataDirectory) => new(RecordLog.OpenReadOnly(dataDirectory), dataDirectory);

    public ValueTask DisposeAsync() => Log.DisposeAsync();
}
