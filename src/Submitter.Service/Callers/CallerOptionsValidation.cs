using Microsoft.Extensions.Options;

namespace VideoPlatform.Submitter.Callers;

/// <summary>Stops the service at start when a caller's limits cannot be used, naming each problem.</summary>
public sealed class CallerOptionsValidation : IValidateOptions<CallerOptions>
{
    public ValidateOptionsResult Validate(string? name, CallerOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
