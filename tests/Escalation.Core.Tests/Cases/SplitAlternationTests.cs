using System.Text.RegularExpressions;
using Escalation.Core.Cases;

namespace Escalation.Core.Tests.Cases;

/// <summary>An alternation split into parts matches exactly what the one alternation matched: positions, lengths, order.</summary>
public sealed class SplitAlternationTests
{
    // Branches that overlap, share a start, differ in length, look behind and stop at a word boundary.
    private static readonly string[] Branches =
        [@"refund(ed)?", @"ref\w*", @"money back", @"(?<=€ ?)\d+", @"back", @"give (it|that) back", @"it back", @"\d+ ?€", @"re\w{2}"];

    private static readonly Regex Whole = new(@"\b(" + string.Join("|", Branches) + @")\b", RegexOptions.IgnoreCase);

    private static SplitAlternation Split(params int[] cuts)
    {
        var parts = new List<Regex>();
        var from = 0;
        foreach (var cut in cuts.Append(Branches.Length))
        {
            parts.Add(new Regex(@"\b(" + string.Join("|", Branches[from..cut]) + @")\b", RegexOptions.IgnoreCase));
            from = cut;
        }

        return new SplitAlternation([.. parts]);
    }

    public static TheoryData<string> Texts() =>
    [
        "Please refund the €49 and give it back, I want my money back.",
        "refunded refunds ref back it back € 12 and 12 € — reflex, rebate, re",
        "REFUND! Give that back. €7. 7€. money backlog",
        "nothing to see here",
        "",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Matches_AnySplit_FindsWhatTheWholeAlternationFinds(string text)
    {
        var whole = Whole.Matches(text).Select(m => (m.Index, m.Length)).ToArray();
        foreach (var cuts in new[] { new[] { 1 }, [3, 5], [1, 2, 3, 4, 5, 6, 7, 8], [8] })
        {
            var split = Split(cuts);

            Assert.Equal(whole, split.Matches(text).Select(m => (m.Index, m.Length)).ToArray());
            Assert.Equal(Whole.IsMatch(text), split.IsMatch(text));
            Assert.Equal((Whole.Match(text).Success, Whole.Match(text).Index, Whole.Match(text).Length),
                (split.Match(text).Success, split.Match(text).Index, split.Match(text).Length));
        }
    }

    [Fact]
    public void Matches_RandomTexts_FindWhatTheWholeAlternationFinds()
    {
        var random = new Random(20261207);
        string[] pieces = ["refund", "ref", "money", "back", "give", "it", "that", "€", "12", " ", " ", ".", "ed", "re", "x"];
        var split = Split(2, 5, 7);
        for (var n = 0; n < 2000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)]));

            Assert.Equal(Whole.Matches(text).Select(m => (m.Index, m.Length)), split.Matches(text).Select(m => (m.Index, m.Length)));
        }
    }
}
