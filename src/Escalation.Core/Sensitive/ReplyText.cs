using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The sentences of a reply in one language: the tone guide's templates for the customer's language, or the built-in
/// English ones. Dates, weekdays, hours and days are written from the language's own month and weekday names (the
/// service runs with invariant globalization, so no culture data is used).
/// </summary>
public sealed partial class ReplyText
{
    private readonly ReplyLanguage _language;
    private readonly ToneGuide _guide;

    private ReplyText(ReplyLanguage language, ToneGuide guide)
    {
        _language = language;
        _guide = guide;
    }

    /// <summary>ISO 639-1 code of the reply.</summary>
    public string Code => _language.Code;

    public bool IsEnglish => Code == "en";

    /// <summary>The reply language for a case: the customer's when the guide has templates for it, otherwise English.</summary>
    public static string LanguageFor(CaseSignals signals, ToneGuide guide) =>
        signals.Language.Determined && guide.CanReplyIn(signals.Language.Code) ? signals.Language.Code : "en";

    /// <summary>The reply text for <paramref name="code"/> (English when the guide has no templates for it).</summary>
    public static ReplyText In(string code, ToneGuide guide) =>
        new(guide.Languages.TryGetValue(code, out var l) ? l : EnglishReply.Language, guide);

    /// <summary>The reply text for the customer of <paramref name="request"/>.</summary>
    public static ReplyText For(DraftRequest request, Workspace workspace) =>
        In(LanguageFor(request.Signals, workspace.ToneGuide), workspace.ToneGuide);

    /// <summary>True when this language has a template for <paramref name="key"/>.</summary>
    public bool Has(string key) => _language.HasTemplate(key);

    /// <summary>The template for <paramref name="key"/> with each <c>{name}</c> replaced.</summary>
    public string this[string key, params (string Name, string Value)[] values]
    {
        get
        {
            var text = _language.Template(key);
            foreach (var (name, value) in values)
            {
                text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }

            return text;
        }
    }

    /// <summary>The calibration opening for a tone: the language's own, or the guide's (English) row.</summary>
    public string? Opening(string tone) =>
        _language.Openings.TryGetValue(tone, out var o) ? o
        : IsEnglish ? _guide.For(tone)?.Opening
        : null;

    public string SignOff => (_language.SignOff ?? _guide.SignOff).Trim();

    /// <summary>The AI disclosure in this language; English replies use the guide's own.</summary>
    public string? AiDisclosure => IsEnglish && _language.AiDisclosure is null ? _guide.AiDisclosure : _language.AiDisclosure;

    /// <summary>Banned phrases for a draft in this language: the guide's own plus the language's.</summary>
    public IEnumerable<BannedPhrase> BannedPhrases => _guide.BannedPhrases.Concat(_language.BannedPhrases);

    /// <summary>The language's checklist markers (empty for the built-in English, which the tone check knows).</summary>
    public ReplyLanguage Language => _language;

    /// <summary>"23 November 2026".</summary>
    public string Date(DateOnly d) => this["format.date", ("d", d.Day.ToString(CultureInfo.InvariantCulture)), ("month", _language.Months[d.Month - 1]), ("year", d.Year.ToString(CultureInfo.InvariantCulture))];

    /// <summary>"Monday 23 November 2026 at 16:00 UTC".</summary>
    public string Deadline(DateTimeOffset at)
    {
        var u = at.ToUniversalTime();
        var weekday = _language.Weekdays[((int)u.DayOfWeek + 6) % 7];
        return this["format.deadline", ("weekday", weekday), ("d", u.Day.ToString(CultureInfo.InvariantCulture)), ("month", _language.Months[u.Month - 1]),
            ("year", u.Year.ToString(CultureInfo.InvariantCulture)), ("time", u.ToString("HH:mm", CultureInfo.InvariantCulture))];
    }

    public string Hours(double h) =>
        h == 1 ? this["unit.hour"] : this["unit.hours", ("n", Number(h.ToString("0.#", CultureInfo.InvariantCulture)))];

    public string BusinessDays(decimal n) =>
        n == 1 ? this["unit.businessDay"] : this["unit.businessDays", ("n", n.ToString("0", CultureInfo.InvariantCulture))];

    /// <summary>
    /// An amount as the language writes it: "€1,250.50" in English, "1.250,50 €" in Spanish (from <c>format.money</c>,
    /// <c>number.group</c> and <c>number.decimal</c>).
    /// </summary>
    public string Money(decimal amount, string currency)
    {
        if (IsEnglish)
        {
            return Cases.Money.Format(amount, currency);
        }

        var whole = amount == decimal.Truncate(amount);
        var number = amount.ToString(whole ? "#,0" : "#,0.00", CultureInfo.InvariantCulture)
            .Replace(",", "\u0001", StringComparison.Ordinal)
            .Replace(".", this["number.decimal"], StringComparison.Ordinal)
            .Replace("\u0001", this["number.group"], StringComparison.Ordinal);
        var symbol = currency switch { "EUR" => "€", "USD" => "$", "GBP" => "£", _ => currency };
        return this["format.money", ("amount", number), ("symbol", symbol)];
    }

    /// <summary>A number written with the language's decimal mark.</summary>
    private string Number(string invariant) => invariant.Replace(".", this["number.decimal"], StringComparison.Ordinal);

    /// <summary>The opening without a greeting of its own (a greeting inside the opening would be a second one).</summary>
    public static string WithoutLeadingGreeting(string opening) => LeadingGreeting().Replace(opening.Trim(), "");

    [GeneratedRegex(@"^\s*(hi|hello|hey|dear|no worries)\b[^.!?]*[.!?]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingGreeting();
}
