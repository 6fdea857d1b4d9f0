using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Signals;

/// <summary>
/// Everyday words of a covered language that are English insults, profanity or anger words: read in their own
/// language they flag nothing, so a late French parcel or a Dutch "how do I…" is not treated as abuse.
/// </summary>
public sealed class FalseFriendsTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    private static TextSignals Read(string text) => Analyzer.Analyze([new TicketMessage { From = "customer", Text = text }]);

    [Theory]
    [InlineData("Bonjour, ma commande a deux semaines de retard. Pouvez-vous me dire quand elle arrivera ? Merci.")]
    [InlineData("Hallo, het hangt af van de instellingen denk ik. Kunnen jullie kijken waarom de export niet werkt? Bedankt.")]
    [InlineData("Hoi! Een van onze teamleiders is haar telefoon kwijt. Hoe krijgen we haar snel weer binnen?")]
    [InlineData("Hallo, das Handbuch ist sehr dick und ich finde die Exportfunktion nicht. Können Sie helfen? Danke.")]
    [InlineData("Hallo, de worst die ik bestelde is niet geleverd. Kunnen jullie dit nakijken?")]
    public void Analyze_EverydayWordThatIsAnEnglishInsult_IsNotAbuseOrAnger(string text)
    {
        var s = Read(text);

        Assert.False(s.Abusive, text);
        Assert.True(s.Intensity < 0.2, $"{text}: intensity {s.Intensity}"); // a "!" of greeting may add a little, an insult adds 0.28 or more
    }

    [Theory]
    [InlineData("You absolute retard, fix my account now.")]
    [InlineData("Vous êtes des cons, remboursez-moi tout de suite !")]
    [InlineData("Bande d'incapables, ça fait trois semaines que j'attends.")]
    public void Analyze_TheInsultMeant_IsAbuse(string text) => Assert.True(Read(text).Abusive, text);
}
