using System.Runtime.InteropServices;

namespace Escalation.Infrastructure.Storage;

/// <summary>Functions of the C library that .NET does not expose (<c>syncfs</c>, <c>link</c>), looked up at run time.</summary>
internal static class LibC
{
    /// <summary>The C library's <paramref name="function"/> as <typeparamref name="T"/>, or null where it has none (Windows, or no such export).</summary>
    public static T? Function<T>(string function) where T : Delegate
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        foreach (var name in new[] { "libc.so.6", "libc" })
        {
            if (NativeLibrary.TryLoad(name, out var lib) && NativeLibrary.TryGetExport(lib, function, out var export))
            {
                return Marshal.GetDelegateForFunctionPointer<T>(export);
            }
        }

        return null;
    }
}
