using System.Text.RegularExpressions;
using Escalation.Core.Sensitive;

namespace Escalation.Core.Tests.Sensitive;

public sealed class ReadabilityTests
{
    /// <summary>The definition, written with the regular expressions it is specified by (slow, but plainly right).</summary>
    private static double ByDefinition(string text)
    {
        var word = new Regex(@"[A-Za-z]+(?:'[A-Za-z]+)?");
        var words = word.Matches(text).Select(m => m.Value).ToArray();
        if (words.Length == 0)
        {
            return 0;
        }

        var sentences = Math.Max(1, Regex.Split(text, @"[.!?]+(?=\s|$)|\n+").Count(piece => word.IsMatch(piece)));
        var syllables = words.Sum(w =>
        {
            var l = w.ToLowerInvariant();
            if (l.Length <= 3)
            {
                return 1;
            }

            l = l.EndsWith("es", StringComparison.Ordinal) || l.EndsWith("ed", StringComparison.Ordinal) ? l[..^2]
                : l.EndsWith('e') && !l.EndsWith("le", StringComparison.Ordinal) ? l[..^1] : l;
            return Math.Max(1, Regex.Matches(l, "[aeiouy]+").Count);
        });
        return Math.Round((0.39 * words.Length / sentences) + (11.8 * syllables / words.Length) - 15.59, 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("...!!")]
    [InlineData("Hi.")]
    [InlineData("We're sorry. Your refund of $120 was approved!\n\nIt'll arrive in 3–5 days... Thanks?")]
    [InlineData("v1.2.3 is out.Really? yes!\r\nNew line\n\n\nagain . and 'quoted' words' end")]
    [InlineData("The table's incredible, unbelievable, able: fees agreed; e.g. etc. The end")]
    [InlineData("Ünïcode wörds and naïve café — “smart quotes” don’t count as apostrophes")]
    public void Grade_Text_MatchesTheDefinition(string text) => Assert.Equal(ByDefinition(text), Readability.Grade(text));

    [Fact]
    public void Grade_RandomTexts_MatchTheDefinition()
    {
        var random = new Random(7);
        const string alphabet = "abcdeEOUyY'.!?\n \t,;-é’z";
        for (var n = 0; n < 2000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.True(ByDefinition(text) == Readability.Grade(text), $"text: {text.Replace("\n", "\\n")}");
        }
    }

    [Theory]
    [InlineData("the", 1)]
    [InlineData("table", 2)]
    [InlineData("agreed", 2)]
    [InlineData("fees", 1)]
    [InlineData("beautiful", 3)]
    public void Syllables_Word_CountsVowelGroupsWithoutTheSilentEnding(string word, int expected) => Assert.Equal(expected, Readability.Syllables(word));
}
