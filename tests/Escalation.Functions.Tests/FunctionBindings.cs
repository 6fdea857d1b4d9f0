using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Escalation.Functions.Tests;

/// <summary>Reads binding attributes the way the Functions SDK's metadata generator sees them.</summary>
internal static class FunctionBindings
{
    /// <summary>The name given to <c>[Function(name)]</c>, or null when the method is not a function.</summary>
    public static string? FunctionName(MethodInfo method) =>
        method.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(FunctionAttribute))
            .Select(a => (string?)a.ConstructorArguments[0].Value)
            .SingleOrDefault();
}
