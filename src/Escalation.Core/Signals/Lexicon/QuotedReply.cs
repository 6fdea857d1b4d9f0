namespace Escalation.Core.Signals.Lexicon;

/// <summary>Finds where an e-mail's quoted earlier messages begin, so they are not read twice.</summary>
internal static class QuotedReply
{
    /// <summary>Offset where quoted history begins ("&gt;" lines, "On … wrote:", "-----Original Message-----"), or the length.</summary>
    public static int Start(string text)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(lineStart, end - lineStart).Trim();
            if (line.StartsWith(">")
                || line.StartsWith("-----Original Message", StringComparison.OrdinalIgnoreCase)
                || (line.StartsWith("On ", StringComparison.Ordinal) && line.EndsWith("wrote:", StringComparison.Ordinal)))
            {
                return lineStart;
            }

            lineStart = end + 1;
        }

        return text.Length;
    }
}
