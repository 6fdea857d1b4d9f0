using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Api.Hosting;

/// <summary>
/// A clock that reads <see cref="Start"/> when it is created and runs on from there at the pace of another clock:
/// the local server's <c>Escalation:ClockStart</c>, to decide sample or past tickets as of their own day (day counts,
/// renewal proximity, SLA deadlines). Timers and elapsed time are the other clock's.
/// </summary>
public sealed partial class StartedClock : TimeProvider
{
    private readonly TimeProvider _pace;
    private readonly TimeSpan _offset;

    /// <summary>Starts at <paramref name="start"/> now; runs at the pace of <paramref name="pace"/> (the system clock by default).</summary>
    public StartedClock(DateTimeOffset start, TimeProvider? pace = null)
    {
        _pace = pace ?? System;
        _offset = start - _pace.GetUtcNow();
        Start = start;
    }

    /// <summary>The instant the clock read when it was created.</summary>
    public DateTimeOffset Start { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _pace.GetUtcNow() + _offset;

    /// <inheritdoc />
    public override long GetTimestamp() => _pace.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _pace.TimestampFrequency;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _pace.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// The clock <c>Escalation:ClockStart</c> asks for: null when the setting is empty; an ISO 8601 instant with an
    /// offset or <c>Z</c> otherwise.
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is not such an instant.</exception>
    public static StartedClock? FromSetting(string? value, TimeProvider? pace = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (!IsoInstant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            throw new InvalidOperationException($"Escalation:ClockStart must be an ISO 8601 instant with Z or an offset, e.g. 2026-11-23T12:00:00Z (got '{value}').");
        }

        return new StartedClock(start, pace);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex IsoInstant();
}
