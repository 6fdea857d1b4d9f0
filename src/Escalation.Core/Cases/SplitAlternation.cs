using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>
/// One alternation of many phrases (<c>\b(a|b|…|z)\b</c>) split into parts in the same order (<c>\b(a|…|h)\b</c>,
/// <c>\b(i|…|z)\b</c>). A source-generated matcher for a very large alternation is too big for the JIT to optimise and runs
/// as unoptimised code for the life of the process; its parts are compiled like any other method. Together the parts match
/// exactly what the whole did: the leftmost match of any part, and at the same position the earlier part's, which is the
/// branch the whole alternation would have taken first.
/// </summary>
internal sealed class SplitAlternation(params Regex[] parts)
{
    /// <summary>Whether any part matches.</summary>
    public bool IsMatch(string text)
    {
        foreach (var part in parts)
        {
            if (part.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first match at or after <paramref name="start"/>, as the whole alternation would find it; <see cref="Match.Empty"/> when none.</summary>
    public Match Match(string text, int start = 0)
    {
        Match? first = null;
        foreach (var part in parts)
        {
            // Scanning from start lets a part's look-behind and word boundary see the text before it, as the whole's scan did.
            var m = part.Match(text, start);
            if (m.Success && (first is null || m.Index < first.Index))
            {
                first = m;
            }
        }

        return first ?? System.Text.RegularExpressions.Match.Empty;
    }

    /// <summary>Every match in order, each scan starting where the last match ended, as <see cref="Regex.Matches(string)"/> does.</summary>
    public IReadOnlyList<Match> Matches(string text)
    {
        var found = new List<Match>();
        // Each part's next match from the last scan: a match at or after the new start is still that part's first one
        // there (every position before it was tried and failed), so only parts left behind are scanned again.
        var next = new Match[parts.Length];
        var at = 0;
        while (at <= text.Length)
        {
            var first = -1;
            for (var i = 0; i < parts.Length; i++)
            {
                if (next[i] is null || (next[i].Success && next[i].Index < at))
                {
                    next[i] = parts[i].Match(text, at);
                }

                if (next[i].Success && (first < 0 || next[i].Index < next[first].Index))
                {
                    first = i;
                }
            }

            if (first < 0)
            {
                break;
            }

            var m = next[first];
            found.Add(m);
            at = m.Index + Math.Max(m.Length, 1);
        }

        return found;
    }
}
