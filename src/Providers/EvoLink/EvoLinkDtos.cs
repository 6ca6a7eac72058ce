using System.Text.Json;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>The task as EvoLink shows it: the submit answer, the query answer and the callback body alike.</summary>
/// <param name="Progress">0–100; documented as an integer, read as any number.</param>
internal sealed record EvoLinkTask(
    string? Id,
    string? Status,
    double? Progress,
    EvoLinkTaskInfo? TaskInfo,
    EvoLinkUsage? Usage,
    IReadOnlyList<string>? Results,
    EvoLinkError? Error);

/// <param name="EstimatedTime">The provider's estimate of the whole generation, in seconds.</param>
internal sealed record EvoLinkTaskInfo(bool? CanCancel, double? EstimatedTime);

/// <summary>What EvoLink bills for the task: <c>{ billing_rule, credits_reserved, estimated_cost, user_group }</c>.</summary>
internal sealed record EvoLinkUsage(string? BillingRule, double? CreditsReserved);

/// <param name="Code">An integer (the HTTP status) in HTTP errors, a string such as <c>content_policy_violation</c> in failed tasks.</param>
internal sealed record EvoLinkError(JsonElement? Code, string? Message, string? Type, string? FallbackSuggestion);

/// <summary>EvoLink's HTTP error body: <c>{ "error": { code, message, type, param, fallback_suggestion } }</c>.</summary>
internal sealed record EvoLinkErrorBody(EvoLinkError? Error);
