namespace Escalation.Core.Knowledge;

/// <summary>
/// The reply templates of one language in the tone guide (issue 25: replies in the customer's language). The composer
/// writes every sentence of a reply from <see cref="Templates"/>; the tone check reads the draft with
/// <see cref="Markers"/>, the words that show a greeting, an apology, a timeline… in that language.
/// </summary>
public sealed record ReplyLanguage
{
    /// <summary>ISO 639-1 code, e.g. <c>es</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Sign-off in this language; the guide's own when null.</summary>
    public string? SignOff { get; init; }

    /// <summary>AI disclosure line in this language; the guide's own is English, so a language without one discloses nothing.</summary>
    public string? AiDisclosure { get; init; }

    /// <summary>Opening sentence per customer tone (the calibration table's <c>opening</c>, translated).</summary>
    public IReadOnlyDictionary<string, string> Openings { get; init; } = new Dictionary<string, string>();

    /// <summary>Sentence templates by key (<see cref="ReplyKeys.Templates"/>), with <c>{placeholder}</c>s.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = new Dictionary<string, string>();

    /// <summary>January … December.</summary>
    public IReadOnlyList<string> Months { get; init; } = [];

    /// <summary>Monday … Sunday.</summary>
    public IReadOnlyList<string> Weekdays { get; init; } = [];

    /// <summary>Words and phrases that show each checklist item in a draft (<see cref="ReplyKeys.Markers"/>); a trailing <c>*</c> matches any ending.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Markers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Phrases a draft in this language must never contain (on top of the guide's own list).</summary>
    public IReadOnlyList<BannedPhrase> BannedPhrases { get; init; } = [];

    /// <summary>True when the language has a template for <paramref name="key"/>.</summary>
    public bool HasTemplate(string key) => Templates.ContainsKey(key);

    /// <summary>The template for <paramref name="key"/>.</summary>
    public string Template(string key) =>
        Templates.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"reply language {Code} has no template '{key}'");
}

/// <summary>The keys a reply language must define; the workspace loader rejects a language that misses one.</summary>
public static class ReplyKeys
{
    /// <summary>Every sentence the composer writes.</summary>
    public static readonly IReadOnlyList<string> Templates =
    [
        "greeting.formal", "greeting.casual",
        "apology.generic", "apology.angry", "apology.dataLoss", "apology.outageHours", "apology.outage", "apology.billingError", "apology.defect",
        "ack.dataAccess", "ack.refund", "ack.amount", "ack.chargeDate", "ack.credit", "ack.cancel", "ack.subject", "ack.message", "ack.outage", "ack.manager",
        "refund.exception", "reason.outage", "reason.defect", "reason.billingError", "reason.loyal",
        "refund.done", "refund.within", "refund.statement", "credit.done", "credit.invoice",
        "deadline.by", "deadline.default",
        "data.passed", "data.within", "data.verify",
        "manager.lead", "manager.history", "manager.reply",
        "hold.senior", "hold.hear", "invoice.done", "invoice.within", "invoice.soon", "check.done", "check.next",
        "prevention.billing", "prevention.status",
        "closing.patience", "closing.thanks", "closing.invite", "closing.person",
        "holding.refund", "holding.credit", "holding.message", "holding.text", "holding.soon",
        "unit.hour", "unit.hours", "unit.businessDay", "unit.businessDays",
        "format.date", "format.deadline", "format.money", "number.decimal", "number.group",
    ];

    /// <summary>
    /// Sentences a language may leave out (added after languages were first written, so an older tone guide still loads):
    /// without them the composer cannot state that outcome in that language, and such a case goes to a person instead.
    /// </summary>
    public static readonly IReadOnlyList<string> OptionalTemplates = ["cancel.done", "cancel.until", "cancel.untilTerm", "cancel.billing", "cancel.askedOn", "cancel.askedNow", "cancel.term", "addon.done", "ack.dataErasure", "data.erasureWithin",
        "ack.refundStatus", "status.refunded", "status.arrives", "status.reference"];

    /// <summary>Checklist items the tone check looks for in a draft.</summary>
    public static readonly IReadOnlyList<string> Markers =
    [
        "greeting", "acknowledgement", "action", "timeline", "thanks", "apology", "done", "holding", "closing", "person",
        "promise", "refund", "casual", "liability",
    ];

    /// <summary>Markers a language may leave out (nothing is flagged then).</summary>
    public static readonly IReadOnlyList<string> OptionalMarkers = ["blame", "policySpeak", "invoice"];
}
