using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>
/// What the tone check looks for in a draft, in the draft's language: the built-in English patterns, or patterns built
/// once from a reply language's <see cref="ReplyLanguage.Markers"/> (each a list of words or phrases; a trailing
/// <c>*</c> matches any ending).
/// </summary>
public sealed partial class DraftMarkers
{
    private static readonly ConditionalWeakTable<ReplyLanguage, DraftMarkers> Built = new();
    private static readonly Regex Never = new("(?!)", RegexOptions.CultureInvariant);

    /// <summary>A greeting at the start of the first line.</summary>
    public required Regex Greeting { get; init; }

    /// <summary>A greeting at the start of any sentence (a reply greets once).</summary>
    public required Regex GreetingAnywhere { get; init; }
    public required Regex Acknowledgement { get; init; }
    public required Regex Action { get; init; }
    public required Regex Timeline { get; init; }
    public required Regex Thanks { get; init; }
    public required Regex Apology { get; init; }

    /// <summary>A sentence saying money was refunded or credited (with the amount, the resolution is stated as done).</summary>
    public required Regex Done { get; init; }

    /// <summary>A holding phrase ("get back to you") on a case the policy resolves.</summary>
    public required Regex Holding { get; init; }
    public required Regex Closing { get; init; }
    public required Regex Person { get; init; }

    /// <summary>A sentence that promises money.</summary>
    public required Regex Promise { get; init; }

    /// <summary>The sentence is about a refund (rather than a credit).</summary>
    public required Regex Refund { get; init; }
    public required Regex Casual { get; init; }
    public required Regex Liability { get; init; }
    public required Regex Blame { get; init; }
    public required Regex PolicySpeak { get; init; }

    /// <summary>The subject is about an invoice.</summary>
    public required Regex Invoice { get; init; }

    /// <summary>The built-in English patterns.</summary>
    public static readonly DraftMarkers English = new()
    {
        Greeting = EnGreeting(), GreetingAnywhere = EnGreetingAnywhere(), Acknowledgement = EnAcknowledgement(), Action = EnAction(),
        Timeline = EnTimeline(), Thanks = EnThanks(), Apology = EnApology(), Done = EnDone(), Holding = EnHolding(), Closing = EnClosing(),
        Person = EnPerson(), Promise = EnPromise(), Refund = EnRefund(), Casual = EnCasual(), Liability = EnLiability(), Blame = EnBlame(),
        PolicySpeak = EnPolicySpeak(), Invoice = EnInvoice(),
    };

    /// <summary>The markers of the reply language <paramref name="t"/> writes in.</summary>
    public static DraftMarkers For(ReplyText t) => t.Language.Markers.Count == 0 ? English : Built.GetValue(t.Language, From);

    private static DraftMarkers From(ReplyLanguage l)
    {
        Regex M(string key, string before = @"(?<!\w)") =>
            l.Markers.TryGetValue(key, out var words) && words.Count > 0
                ? new Regex(before + "(?:" + string.Join("|", words.Select(Pattern)) + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                : Never;
        return new DraftMarkers
        {
            Greeting = M("greeting", @"^\s*"), GreetingAnywhere = M("greeting", @"(?:^|[.!?\n]\s*)"), Acknowledgement = M("acknowledgement"),
            Action = M("action"), Timeline = M("timeline"), Thanks = M("thanks"), Apology = M("apology"), Done = M("done"), Holding = M("holding"),
            Closing = M("closing"), Person = M("person"), Promise = M("promise"), Refund = M("refund"), Casual = M("casual"),
            Liability = M("liability"), Blame = M("blame"), PolicySpeak = M("policySpeak"), Invoice = M("invoice"),
        };
    }

    /// <summary>One marker as a pattern: spaces match any whitespace, a trailing <c>*</c> any word ending.</summary>
    private static string Pattern(string marker)
    {
        var prefix = marker.EndsWith('*');
        var words = (prefix ? marker[..^1] : marker).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return string.Join(@"\s+", words) + (prefix ? @"\w*" : "");
    }

    [GeneratedRegex(@"^\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnGreeting();

    [GeneratedRegex(@"(?:^|[.!?\n]\s*)(hi|hello|hey|dear|good (morning|afternoon|evening))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnGreetingAnywhere();

    [GeneratedRegex(@"\b(you asked|you wrote|you told|i understand|i hear you|i can see|i'm sorry|i am sorry|i know)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnAcknowledgement();

    [GeneratedRegex(@"\b(i have|i've|we have|we've|i am|i'm now)\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex EnAction();

    [GeneratedRegex(@"\b(by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|end of)|within (one|two|\d+) (business )?(days?|hours?)|next invoice|will hear from us|stays active until)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnTimeline();

    [GeneratedRegex("thank", RegexOptions.IgnoreCase)]
    private static partial Regex EnThanks();

    [GeneratedRegex(@"\b(i'm sorry|i am sorry|we're sorry|we are sorry|my apologies|i apologi[sz]e|we apologi[sz]e|sincere apologies)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnApology();

    [GeneratedRegex(@"\b(i|we)(?: have|'ve) (refunded|added|applied|credited|issued|processed|started|approved)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnDone();

    [GeneratedRegex(@"\b(get back to you|take a look|look into (this|it)|will review|shared your case|passed (it|this|your case) on|passed on to|with a senior colleague|with the next step)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnHolding();

    [GeneratedRegex(@"\b(reply to this|just reply|let me know|get in touch|write back|reach out again|any (other |more )?questions|anything else)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnClosing();

    [GeneratedRegex(@"\b(a person|a human|one of our team|member of (our|the) team|someone (from|on) our team|talk to (someone|a person))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnPerson();

    [GeneratedRegex(@"\b(refunded|credited|reimbursed)\b|\b(refund|credit|reimburse|compensat)\w*\b.*\b(started|processed|applied|added|issued|will|sent)\b|\b(started|processed|applied|added|issued|will (get|receive|send|refund|credit))\b.*\b(refund|credit|reimburse)", RegexOptions.IgnoreCase)]
    private static partial Regex EnPromise();

    [GeneratedRegex("refund", RegexOptions.IgnoreCase)]
    private static partial Regex EnRefund();

    [GeneratedRegex(@"\b(hey|no worries|awesome|cheers|lol)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnCasual();

    [GeneratedRegex(@"\b(we are liable|we're liable|our fault|we admit|we accept (full )?(liability|responsibility)|we were negligent|legally responsible)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnLiability();

    [GeneratedRegex(@"\b(their fault|(our|the) (provider|vendor|supplier|partner|host|hosting company)('s)? (fault|failed|caused|outage)|blame|because of (aws|azure|google cloud|stripe|paypal))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnBlame();

    [GeneratedRegex(@"\b(as per (our )?policy|per our policy|in accordance with (our|the) (policy|terms)|we regret to inform|policy (states|dictates)|our policy says|unfortunately,? (our )?policy)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnPolicySpeak();

    [GeneratedRegex("invoice", RegexOptions.IgnoreCase)]
    private static partial Regex EnInvoice();
}
