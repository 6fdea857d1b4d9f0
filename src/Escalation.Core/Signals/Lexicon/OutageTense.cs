namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Whether an outage a message tells of is live or past, in any of the seven languages. A present-tense incident
/// phrase ("is down", "está caído", "ist gerade down", "est en panne") is a live incident unless the same stretch of
/// text (one sentence, up to a comma) carries a past or resolved marker ("last week", "ayer", "gestern", "la semaine
/// dernière", "gewesen", "se resolvió") and no live one ("right now", "todavía", "immer noch", "en ce moment",
/// "again"): then it is an outage told as past. An outage word with a past marker in its stretch is past too, with
/// <see cref="CautionSignals.PastOutage"/> evidence, so it is context rather than P0.
/// </summary>
internal sealed class OutageTense
{
    private readonly List<PhraseMatch> _incidents = [];
    private readonly List<PhraseMatch> _outages = [];
    private readonly List<PhraseMatch> _live = [];
    private readonly List<PhraseMatch> _past = [];

    public void Add(string signal, PhraseMatch m)
    {
        var into = signal switch
        {
            "incident" => _incidents,
            "outage" => _outages,
            "past" or "resolved" => _past,
            _ => _live, // live, now, repeat ("again")
        };
        into.Add(m);
    }

    public void Read(MessageReading reading, string text, List<Token> tokens)
    {
        PhraseMatch? pastMark = null;
        foreach (var m in _incidents)
        {
            if (Near(_past, m, text, tokens) is { } past && Near(_live, m, text, tokens) is null)
            {
                if (!_outages.Any(o => o.First <= m.First && o.Last >= m.First))
                {
                    MessageReader.Add(reading, "outage", text, tokens, m);
                }

                pastMark ??= past;
            }
            else
            {
                MessageReader.Add(reading, "incident", text, tokens, m);
            }
        }

        foreach (var m in _outages)
        {
            if (pastMark is null && Near(_past, m, text, tokens) is { } past && Near(_live, m, text, tokens) is null)
            {
                pastMark = past;
            }
        }

        if (pastMark is { } mark)
        {
            MessageReader.Add(reading, CautionSignals.PastOutage, text, tokens, mark);
        }
    }

    private static PhraseMatch? Near(List<PhraseMatch> marks, PhraseMatch m, string text, List<Token> tokens)
    {
        foreach (var mark in marks)
        {
            var from = Math.Min(mark.First, m.First);
            var to = Math.Max(mark.Last, m.Last);
            if (LegalDenial.SameStretch(text, tokens, from, to))
            {
                return mark;
            }
        }

        return null;
    }
}
