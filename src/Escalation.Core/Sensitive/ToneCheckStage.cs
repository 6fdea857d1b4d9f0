using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>
/// <c>tone-check</c>, the draft's quality score: 0–100 on seed 003's response-quality dimensions, computed from
/// checks that can fail. Seed 003's ticket checklist (one greeting, acknowledgement, resolution, timeline, closing
/// invitation; an offer of a person on an automatic reply), facts consistent with the case (amounts, dates, name), no
/// promise beyond policy, readability and tone fit (a specific apology to a frustrated customer, no casual register
/// for a VIP), plus banned phrases, blame, policy-speak and liability on legal cases. A failed critical check (a
/// blocking violation: wrong fact, promise beyond policy, holding reply on a resolvable case, missing apology, two
/// greetings…) caps the score at <see cref="CriticalCeiling"/>, so such a draft never reaches the send threshold.
/// </summary>
public sealed partial class ToneCheckStage
{
    private const string Stage = "tone-check";

    /// <summary>The minimum passing score (seed 003: 70–89 meets standards).</summary>
    public const int PassScore = 70;

    /// <summary>The highest score of a draft that failed a critical check (seed 003: below 50 is "failed").</summary>
    public const int CriticalCeiling = 49;

    /// <summary>Check <paramref name="draft"/> written for <paramref name="request"/>.</summary>
    public ToneCheck Check(Draft draft, DraftRequest request, Workspace workspace)
    {
        var text = draft.Text;
        var lower = text.ToLowerInvariant();
        var guide = workspace.ToneGuide;
        var reply = ReplyText.For(request, workspace);
        var m = DraftMarkers.For(reply);
        var v = new List<ToneViolation>();
        int accuracy = 25, empathy = 20, completeness = 20, clarity = 15, efficiency = 10, brand = 10;

        foreach (var b in reply.BannedPhrases.Where(b => lower.Contains(b.Phrase.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            v.Add(new ToneViolation(ToneViolationCodes.BannedPhrase, $"\"{b.Phrase}\": {b.Reason}", true));
            empathy -= 10;
            brand -= 5;
        }

        if (m.Blame.Match(text) is { Success: true } blame)
        {
            v.Add(new ToneViolation(ToneViolationCodes.BlamesThirdParty, $"Blames a third party: \"{blame.Value}\".", false));
            brand -= 5;
            accuracy -= 5;
        }

        if (m.PolicySpeak.Match(text) is { Success: true } speak)
        {
            v.Add(new ToneViolation(ToneViolationCodes.PolicySpeak, $"Robotic policy-speak: \"{speak.Value}\".", false));
            empathy -= 8;
            brand -= 3;
        }

        var first = request.CustomerName.Trim().Split(' ')[0];
        var firstLine = text.Split('\n')[0];
        if (!m.Greeting.IsMatch(firstLine) || !firstLine.Contains(first, StringComparison.OrdinalIgnoreCase))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingGreeting, $"No greeting by name ({first}).", false));
            empathy -= 8;
        }

        if (!m.Acknowledgement.IsMatch(text))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingAcknowledgement, "No acknowledgement that restates the issue.", false));
            empathy -= 8;
            completeness -= 5;
        }

        if (!m.Action.IsMatch(text))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingAction, "No concrete action.", false));
            completeness -= 10;
        }

        if (!m.Timeline.IsMatch(text))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingTimeline, "No next step with a timeline.", false));
            completeness -= 8;
        }

        if (!m.Thanks.IsMatch(text))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingThanks, "No thanks.", false));
            empathy -= 4;
        }

        accuracy -= CheckPromises(text, request, workspace, m, v);
        var checklist = CheckChecklist(text, request, workspace, reply, m, v);
        accuracy -= checklist.Accuracy;
        empathy -= checklist.Empathy;
        completeness -= checklist.Completeness;
        brand -= checklist.Brand;

        if (request.Signals.Text.Legal && m.Liability.Match(text) is { Success: true } liability)
        {
            v.Add(new ToneViolation(ToneViolationCodes.AdmitsLiability, $"Admits liability on a legal-sensitive case: \"{liability.Value}\".", true));
            accuracy = 0;
        }

        var (grade, readingNote) = reply.IsEnglish ? (Readability.Grade(BodyOf(text)), (string?)null) : (0d, NonEnglishReading(BodyOf(text), reply.Code, v, ref clarity));
        if (reply.IsEnglish && grade > guide.MaxReadingGrade)
        {
            v.Add(new ToneViolation(ToneViolationCodes.ReadingLevel,
                $"Reading grade {grade.ToString("0.0", CultureInfo.InvariantCulture)} is above {guide.MaxReadingGrade.ToString("0.#", CultureInfo.InvariantCulture)}.", false));
            clarity -= (int)Math.Min(15, Math.Ceiling((grade - guide.MaxReadingGrade) * 5));
        }

        var words = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        efficiency -= words > 320 ? 10 : words > 220 ? 5 : 0;

        var tone = request.Signals.Text.CustomerTone;
        var vip = request.Signals.Vip;
        if ((tone is CustomerTones.Angry or CustomerTones.Formal || vip) && (text.Contains('!', StringComparison.Ordinal) || m.Casual.IsMatch(text)))
        {
            v.Add(new ToneViolation(ToneViolationCodes.WrongTone,
                vip ? "Casual or exclamatory wording for a VIP customer (warm and formal)." : $"Casual or exclamatory wording for a{(tone == CustomerTones.Angry ? "n" : "")} {tone} customer.", false));
            brand -= 5;
            empathy -= 4;
        }

        var dims = new[]
        {
            new ToneDimension("accuracy", Math.Max(0, accuracy), 25),
            new ToneDimension("empathy", Math.Max(0, empathy), 20),
            new ToneDimension("completeness", Math.Max(0, completeness), 20),
            new ToneDimension("clarity", Math.Max(0, clarity), 15),
            new ToneDimension("efficiency", Math.Max(0, efficiency), 10),
            new ToneDimension("brand-voice", Math.Max(0, brand), 10),
        };
        var score = dims.Sum(d => d.Score);
        if (v.Any(x => x.Blocking))
        {
            score = Math.Min(score, CriticalCeiling);
        }

        var passed = score >= PassScore && !v.Any(x => x.Blocking);
        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(Stage, $"Read a {words}-word {reply.Code} draft by {draft.Writer}{(draft.Revised ? " (revised)" : "")} for a {tone} customer."),
        };
        trace.AddRange(v.Select(x => TraceEntry.Found(Stage, $"{x.Code}{(x.Blocking ? " (blocking)" : "")}: {x.Text}")));
        trace.Add(TraceEntry.Decided(Stage,
            $"Score {score}/100 ({string.Join(", ", dims.Select(d => $"{d.Name} {d.Score}/{d.Max}"))}), {readingNote ?? $"reading grade {grade.ToString("0.0", CultureInfo.InvariantCulture)}"} → {(passed ? "passes" : "fails")}."));
        return new ToneCheck { Score = score, Passed = passed, Dimensions = dims, Violations = v, ReadingGrade = grade, Trace = trace };
    }

    /// <summary>Promises beyond policy; returns the accuracy points lost.</summary>
    private static int CheckPromises(string text, DraftRequest r, Workspace ws, DraftMarkers markers, List<ToneViolation> v)
    {
        var european = !ReplyText.For(r, ws).IsEnglish;
        var lost = 0;
        var f = r.Facts;
        foreach (var sentence in Sentence().Split(text))
        {
            if (!markers.Promise.IsMatch(sentence))
            {
                continue;
            }

            var isRefund = markers.Refund.IsMatch(sentence);
            var category = isRefund ? PolicyCategories.Refund : PolicyCategories.SlaCredit;
            var cap = PolicyNumbers.Cap(ws, category);
            foreach (var m in DraftMoney.In(sentence, european))
            {
                var value = m.Value;

                // A held draft is the reply once approved: the proposal the reviewer approves is not a promise beyond policy.
                if (r.HoldForReview && r.Proposal is { } proposal && value == proposal.Amount)
                {
                    continue;
                }

                if (value > cap)
                {
                    v.Add(new ToneViolation(ToneViolationCodes.AboveCap, $"Promises {m.Text}, above the auto-approve cap of {cap.ToString(CultureInfo.InvariantCulture)}.", true));
                    lost += 25;
                }

                if (r.HoldForReview)
                {
                    v.Add(new ToneViolation(ToneViolationCodes.PromiseBeforeReview, $"Promises {m.Text} while the case waits for review.", true));
                    lost += 25;
                }
            }

            if (isRefund && f.OutsideWindow && string.IsNullOrWhiteSpace(r.ExceptionRationale))
            {
                v.Add(new ToneViolation(ToneViolationCodes.OutsideWindow, $"Promises a refund {f.DaysPastWindow} days past the window with no exception rationale.", true));
                lost += 25;
            }
        }

        var allowed = new HashSet<DateOnly>();
        if (f.PurchaseDate is { } pd)
        {
            allowed.Add(pd);
        }

        if (r.ReviewBy is { } by)
        {
            allowed.Add(DateOnly.FromDateTime(by.UtcDateTime));
        }

        if (r.CancelEffective is { } effective && DateOnly.TryParseExact(effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            allowed.Add(until); // the end of the term a cancellation runs to
        }

        if (r.CancelTermEnds is { } ends && DateOnly.TryParseExact(ends, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var termEnd))
        {
            allowed.Add(termEnd); // the end of the term, told beside the date the customer asked
        }

        if (r.Facts.CancelDate is { } askedOn)
        {
            allowed.Add(askedOn);
        }

        if (r.Facts.RefundStatus is { RefundedOn: { } refunded, ExpectedBy: { } arrives })
        {
            allowed.Add(refunded); // the day a refund already made went out, and the day it is due on the card
            allowed.Add(arrives);
        }

        var today = r.ReviewBy is { } rb ? DateOnly.FromDateTime(rb.UtcDateTime) : f.PurchaseDate ?? DateOnly.MaxValue;
        var restated = string.Join(" ", new[] { r.Subject }.Concat(f.Evidence.Select(e => e.Text)).Where(x => x is not null));
        foreach (var d in DateParsing.AllDates(restated, today, european))
        {
            allowed.Add(d.Date);
        }

        foreach (var found in DateParsing.AllDates(text, today, european).Where(d => !allowed.Contains(d.Date)))
        {
            v.Add(new ToneViolation(ToneViolationCodes.UnsupportedDate, $"Names a date the case and policy do not support: \"{found.Text}\".", true));
            lost += 15;
        }

        return lost;
    }

    /// <summary>
    /// The reading-grade formula is English-only (syllable counts, English word lengths), so a draft in another language
    /// is not graded; its average sentence length is checked instead (long sentences read hard in every language).
    /// </summary>
    private static string NonEnglishReading(string body, string code, List<ToneViolation> v, ref int clarity)
    {
        var sentences = Sentence().Split(body).Where(x => !string.IsNullOrWhiteSpace(x)).ToArray();
        var perSentence = sentences.Length == 0 ? 0 : sentences.Sum(x => x.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) / (double)sentences.Length;
        if (perSentence > MaxWordsPerSentence)
        {
            v.Add(new ToneViolation(ToneViolationCodes.ReadingLevel,
                $"Sentences average {perSentence.ToString("0.0", CultureInfo.InvariantCulture)} words, above {MaxWordsPerSentence} (reading grade is English-only, not computed for {code}).", false));
            clarity -= (int)Math.Min(15, Math.Ceiling((perSentence - MaxWordsPerSentence) * 2));
        }

        return $"reading grade not computed for {code} (English-only formula), {perSentence.ToString("0.0", CultureInfo.InvariantCulture)} words per sentence";
    }

    /// <summary>Longest average sentence of a non-English draft before it counts as hard to read.</summary>
    private const int MaxWordsPerSentence = 22;

    /// <summary>The draft without greeting and sign-off lines (names skew the reading grade).</summary>
    private static string BodyOf(string text)
    {
        var parts = text.Split("\n\n");
        return parts.Length >= 3 ? string.Join("\n\n", parts[1..^1]) : text;
    }










    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex Sentence();

}
