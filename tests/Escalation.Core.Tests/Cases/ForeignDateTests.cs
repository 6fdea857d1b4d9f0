using Escalation.Core.Cases;

namespace Escalation.Core.Tests.Cases;

/// <summary>Issue 25: charge dates written day-first in the six covered languages other than English.</summary>
public sealed class ForeignDateTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("me cobraron el 10 de noviembre de 2026", 2026, 11, 10)]
    [InlineData("am 10. November abgebucht", 2026, 11, 10)]
    [InlineData("prélevé le 1er novembre", 2026, 11, 1)]
    [InlineData("cobrança de 3 de março de 2026", 2026, 3, 3)]
    [InlineData("addebitato il 1° novembre", 2026, 11, 1)]
    [InlineData("op 15 november afgeschreven", 2026, 11, 15)]
    [InlineData("am 15.11.2026 berechnet", 2026, 11, 15)]
    [InlineData("le 20 décembre", 2025, 12, 20)]
    [InlineData("compramos el complemento por 180 € el 10/11/2026", 2026, 11, 10)]
    [InlineData("il 10/11/2026 ci avete addebitato 1.200 €", 2026, 11, 10)]
    [InlineData("op 3-11-2026 afgeschreven", 2026, 11, 3)]
    public void FirstDate_DayFirstInACoveredLanguage_Reads(string text, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), DateParsing.FirstDate(text, Today)?.Date);
    }

    [Theory]
    [InlineData("disponible 24/7 desde el lunes")]
    [InlineData("la mitad, 1/2 del importe")]
    [InlineData("10/11/2026", true)]
    public void FirstDate_SlashesWithoutAYearOrInEnglish_AreNoDate(string text, bool english = false)
    {
        Assert.Null(DateParsing.FirstDate(text, Today, foreign: !english));
    }

    [Theory]
    [InlineData("charged on 11/15/2026, I never enabled it", 2026, 11, 15)]
    [InlineData("charged on 15/11/2026, I never enabled it", 2026, 11, 15)]
    [InlineData("the 4/20/2026 invoice, then 5 May", 2026, 4, 20)]
    public void FirstDate_SlashedInEnglishWhereTheOrderShows_Reads(string text, int y, int m, int d)
    {
        // A US or UK writer: the number above 12 is the day. "10/11/2026" could be either and stays unread.
        Assert.Equal(new DateOnly(y, m, d), DateParsing.FirstDate(text, Today, foreign: false)?.Date);
    }

    [Theory]
    [InlineData("el pasado martes 17 de noviembre", 2026, 11, 17)]
    [InlineData("entro lunedì 23 novembre 2026", 2026, 11, 23)]
    public void FirstDate_WeekdayBeforeTheDate_IsNotReadAsAMonth(string text, int y, int m, int d)
    {
        // "martes 24" once read as March 24: only whole English month names are months.
        Assert.Equal(new DateOnly(y, m, d), DateParsing.FirstDate(text, Today)?.Date);
    }

    [Theory]
    [InlineData("durante 3 horas")]
    [InlineData("dentro de 5 días hábiles")]
    [InlineData("the 2 marshals")]
    public void FirstDate_NumberBeforeAnOrdinaryWord_IsNoDate(string text)
    {
        Assert.Null(DateParsing.FirstDate(text, Today));
    }
}
