namespace Escalation.Api.Submissions;

/// <summary>RFC 6901 JSON pointers for naming the field at fault.</summary>
public static class JsonPointer
{
    /// <summary>The pointer to property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Append(string parent, string name) =>
        parent + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The pointer to item <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Append(string parent, int index) =>
        parent + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
