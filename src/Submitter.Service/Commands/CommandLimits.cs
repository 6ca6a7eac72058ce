using System.ComponentModel.DataAnnotations;
using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Pricing;

namespace VideoPlatform.Submitter.Commands;

/// <summary>
/// Section <c>Intake</c>: the platform's own limits on a command, whatever the model. A provider documents 10 MB per
/// image (MyRouter, EvoLink); the rest are ours, set so one command cannot take a broker or a provider call hostage.
/// </summary>
public sealed class CommandLimits
{
    public const string Section = "Intake";

    /// <summary>The whole message as received. RabbitMQ 4 refuses messages over 16 MiB by default.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>One image sent inline (base64 or a <c>data:</c> URI), decoded.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Items in any list option (images, image list, videos, shots, element ids); a model may allow fewer.</summary>
    [Range(1, 1000)]
    public int MaxListItems { get; set; } = 10;

    public const string SizeRule = "size";
    public const string CountRule = "count";

    /// <summary>
    /// What a command that fits its contract still breaks: an empty id or model, a caller name that is not plain, an
    /// unknown priority, a reroute with no route, or a limit.
    /// </summary>
    public IReadOnlyList<RuleViolation> Check(GenerateVideo command, long? messageBytes)
    {
        var violations = new List<RuleViolation>();
        if (messageBytes > MaxMessageBytes)
            violations.Add(Violation("message", SizeRule,
                $"the message is {messageBytes} bytes, over the limit of {MaxMessageBytes}; pass images and videos as URLs"));
        if (command.RequestId == Guid.Empty)
            violations.Add(Violation("requestId", ContractShape.Rules.Required, "requestId must be a UUID other than all zeros"));
        if (string.IsNullOrWhiteSpace(command.Model))
            violations.Add(Violation("model", ContractShape.Rules.Required, "model is required"));
        if (command.Caller is not null && !CallerName.IsValid(command.Caller))
            violations.Add(Violation("caller", CallerName.FormatRule, $"caller must be {CallerName.Allowed}, or left out"));
        if (command.Priority is { } priority && !Slots.WaitingPriority.IsKnown(priority))
            violations.Add(Violation("priority", "enum", $"priority must be one of {Slots.WaitingPriority.Known}, or left out"));
        if (command.RerouteOnProviderFailure == true && !string.IsNullOrWhiteSpace(command.Provider))
            violations.Add(Violation("rerouteOnProviderFailure", "conditional",
                "rerouteOnProviderFailure needs a request routed by model: leave provider out (a named provider has no next endpoint)"));

        var options = command.Options ?? new VideoOptions();
        CheckImage("options.image", options.Image, violations);
        CheckImage("options.endImage", options.EndImage, violations);
        CheckList("options.imageList", options.ImageList, violations, CheckImage);
        CheckList("options.images", options.Images, violations, CheckImage);
        CheckList("options.videos", options.Videos, violations);
        CheckList("options.multiPrompt", options.MultiPrompt, violations);
        CheckList("options.elementIds", options.ElementIds, violations);
        return violations;
    }

    private void CheckList<T>(string field, IReadOnlyList<T>? items, List<RuleViolation> violations,
        Action<string, T, List<RuleViolation>>? checkItem = null)
    {
        if (items is null)
            return;
        if (items.Count > MaxListItems)
            violations.Add(Violation(field, CountRule, $"{field} has {items.Count} items, over the limit of {MaxListItems}"));
        for (var i = 0; i < Math.Min(items.Count, MaxListItems) && checkItem is not null; i++)
            checkItem($"{field}[{i}]", items[i], violations);
    }

    private void CheckImage(string field, string? image, List<RuleViolation> violations)
    {
        if (InlineBytes(image) is { } bytes && bytes > MaxImageBytes)
            violations.Add(Violation(field, SizeRule,
                $"{field} carries an inline image of about {bytes} bytes, over the limit of {MaxImageBytes}; pass a URL instead"));
    }

    /// <summary>The decoded size of an inline image (base64, bare or in a <c>data:</c> URI); null for a URL.</summary>
    private static long? InlineBytes(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || image.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return null;
        if (!image.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return Base64Bytes(image.AsSpan());
        var comma = image.IndexOf(',');
        if (comma < 0)
            return image.Length;
        var payload = image.AsSpan(comma + 1);
        // A data: URI without ";base64" carries its bytes as they are (percent-encoded at most).
        return image.AsSpan(0, comma).Contains(";base64", StringComparison.OrdinalIgnoreCase) ? Base64Bytes(payload) : payload.Length;
    }

    private static long Base64Bytes(ReadOnlySpan<char> base64)
    {
        var padding = base64.EndsWith("==") ? 2 : base64.EndsWith("=") ? 1 : 0;
        return base64.Length * 3L / 4 - padding;
    }

    private static RuleViolation Violation(string field, string rule, string message) =>
        new() { Field = field, Rule = rule, Message = message };
}
