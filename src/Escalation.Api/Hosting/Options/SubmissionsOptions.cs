using System.ComponentModel.DataAnnotations;

namespace Escalation.Api.Hosting;

/// <summary><c>Escalation:Submissions</c>: what a submission must keep to (the sizes are fixed in <c>SubmissionLimits</c>).</summary>
public sealed class SubmissionsOptions : IValidatableObject
{
    public const string Section = "Escalation:Submissions";

    /// <summary>Every date in a submission lies within this many years of the service's clock (30 when not set).</summary>
    public int? DateRangeYears { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DateRangeYears is < 1 or > 1000)
        {
            yield return OptionRules.Fail($"{Section}:DateRangeYears must be a whole number of years from 1 to 1000 (got '{DateRangeYears}').");
        }
    }
}
