namespace Escalation.Core.Storage;

/// <summary>Checks ids and names used as storage keys (file names, blob names, table keys).</summary>
public static class StorageNames
{
    /// <summary>
    /// Returns <paramref name="value"/> when it is 1–128 characters of letters, digits, <c>-</c>, <c>_</c>
    /// or <c>.</c> (not starting with <c>.</c>); throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    public static string Require(string value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128 || value[0] == '.'
            || value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"{what} '{value}' is not a valid storage name (letters, digits, '-', '_', '.').", what);
        }

        return value;
    }
}
