using System.ComponentModel.DataAnnotations;
using VideoPlatform.Submitter.Pricing;

namespace VideoPlatform.Submitter.Callers;

/// <summary>
/// Section <c>Callers</c>: limits keyed by caller name (<c>Callers__acme__MaxTasksInFlight=50</c>). A caller not listed
/// has no quota and weight 1.
/// </summary>
public sealed class CallerOptions : Dictionary<string, CallerLimits>
{
    public const string Section = "Callers";

    public CallerOptions() : base(StringComparer.Ordinal) { }

    /// <summary>The caller's limits, or none.</summary>
    public CallerLimits? For(string caller) => TryGetValue(caller, out var limits) ? limits : null;

    /// <summary>Why the section cannot be used as written; empty when it can.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (caller, limits) in this)
        {
            if (!CallerName.IsValid(caller))
                yield return $"Callers:{caller}: a caller name is {CallerName.Allowed}";
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(limits, new ValidationContext(limits), results, validateAllProperties: true))
                foreach (var result in results)
                    yield return $"Callers:{caller}: {result.ErrorMessage}";
        }
    }
}
