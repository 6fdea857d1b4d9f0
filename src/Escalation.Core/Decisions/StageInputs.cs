namespace Escalation.Core.Decisions;

/// <summary>What a stage takes from the case state an earlier stage left.</summary>
internal static class StageInputs
{
    /// <summary>The earlier stage's output, or a clear error naming what is missing and who needed it.</summary>
    public static T Need<T>(T? value, string what, string stage) where T : class =>
        value ?? throw new InvalidOperationException($"The {stage} stage needs the {what} of an earlier stage, which is missing.");
}
