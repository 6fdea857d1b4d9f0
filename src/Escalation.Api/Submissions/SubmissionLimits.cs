namespace Escalation.Api.Submissions;

/// <summary>Size (and date) limits a submission must keep to; the defaults are the documented API limits.</summary>
public sealed record SubmissionLimits
{
    /// <summary>The whole body: 256 KB.</summary>
    public int MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>The help desk's ticket id: 128 characters.</summary>
    public int MaxTicketIdLength { get; init; } = 128;

    /// <summary>Ids and short labels (customer id, tier, source, from, category…): 128 characters.</summary>
    public int MaxIdLength { get; init; } = 128;

    /// <summary>Names, e-mail addresses, subject and other one-line text: 1,000 characters.</summary>
    public int MaxLineLength { get; init; } = 1000;

    /// <summary>One message's text, or one long handoff field: 64 KB of UTF-8.</summary>
    public int MaxTextBytes { get; init; } = 64 * 1024;

    /// <summary>Messages in the thread: 200.</summary>
    public int MaxMessages { get; init; } = 200;

    /// <summary>Items of the handoff's <c>whatTried</c> list: 50.</summary>
    public int MaxHandoffAttempts { get; init; } = 50;

    /// <summary>The callback URL: 2,048 characters.</summary>
    public int MaxUrlLength { get; init; } = 2048;

    /// <summary>Field errors reported in one problem, so a hostile body cannot make a huge answer.</summary>
    public int MaxErrors { get; init; } = 50;

    /// <summary>
    /// How far from the service's clock any date or time in a submission may be, before or after: 30 years
    /// (<c>Escalation:Submissions:DateRangeYears</c>). A message dated 0001-01-01 or 9999-12-31 would change the routing.
    /// </summary>
    public int DateRangeYears { get; init; } = 30;

    /// <summary>The documented limits.</summary>
    public static SubmissionLimits Default { get; } = new();
}
