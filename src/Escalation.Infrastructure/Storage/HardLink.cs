using System.Runtime.InteropServices;

namespace Escalation.Infrastructure.Storage;

/// <summary><c>link(2)</c> from the C library, where there is one: a new name for a file, refused when the name exists.</summary>
internal static class HardLink
{
    private const int FileExists = 17; // EEXIST on Linux and macOS

    private static readonly LinkFunction? Link = LibC.Function<LinkFunction>("link");

    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int LinkFunction([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string newName);

    /// <summary>
    /// True when <paramref name="newName"/> now names <paramref name="existing"/>'s file, false when the name was taken,
    /// null when hard links are not available (no C library <c>link</c>, or a file system that does not support them).
    /// </summary>
    public static bool? TryCreate(string existing, string newName)
    {
        if (Link is null)
        {
            return null;
        }

        if (Link(existing, newName) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno switch
        {
            FileExists => false,
            1 or 18 or 31 or 38 or 45 or 95 => null, // EPERM, EXDEV, EMLINK, ENOSYS, EOPNOTSUPP (macOS 45, Linux 95): no links here
            _ => throw new IOException($"Could not name {existing} {newName} (link failed, errno {errno})."),
        };
    }
}
