using System.Text.Json;
using System.Text.Json.Serialization;

namespace Escalation.Infrastructure.Storage;

/// <summary>JSON settings for storage records (not traces: those use the canonical form).</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
