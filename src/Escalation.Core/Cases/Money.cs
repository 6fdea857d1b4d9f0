using System.Globalization;

namespace Escalation.Core.Cases;

/// <summary>Currency symbols and formatting for drafts and traces.</summary>
public static class Money
{
    /// <summary>The ISO code for a symbol or word (€, $, £, EUR, euros…), or null.</summary>
    public static string? CurrencyOf(string symbol) => symbol.Trim().ToLowerInvariant() switch
    {
        "€" or "eur" or "euro" or "euros" => "EUR",
        "$" or "usd" or "dollar" or "dollars" or "dólar" or "dolar" or "dólares" or "dolares" => "USD",
        "£" or "gbp" or "pound" or "pounds" or "libra" or "libras" => "GBP",
        "chf" or "franken" or "franc" or "francs" => "CHF",
        "r$" or "brl" or "reais" => "BRL",
        _ => null,
    };

    /// <summary>"€450", "$49.50", "CHF 120".</summary>
    public static string Format(decimal amount, string currency)
    {
        var number = amount == decimal.Truncate(amount)
            ? amount.ToString("#,0", CultureInfo.InvariantCulture)
            : amount.ToString("#,0.00", CultureInfo.InvariantCulture);
        return currency switch
        {
            "EUR" => "€" + number,
            "USD" => "$" + number,
            "GBP" => "£" + number,
            _ => currency + " " + number,
        };
    }
}
