using System.Text.Json;

namespace VideoPlatform.Providers.EvoLink;

/// <summary>The task as EvoLink shows it: the submit answer, the query answer and the callback body alike.</summary>
internal sealed record EvoLinkTask(
    string? Id,
    string? Status,
    int? Progress,
    EvoLinkTaskInfo? TaskInfo,
    IReadOnlyList<string>? Results,
    EvoLinkError? Error);

internal sealed record EvoLinkTaskInfo(int? EstimatedTime);

/// <param name="Code">An integer (the HTTP status) in HTTP errors, a string such as <c>content_policy_violation</c> in failed tasks.</param>
internal sealed record EvoLinkError(JsonElement? Code, string? Message, string? Type, string? FallbackSuggestion);

/// <summary>EvoLink's HTTP error body: <c>{ "error": { code, message, type, param, fallback_suggestion } }</c>.</summary>
internal sealed record EvoLinkErrorBody(EvoLinkError? Error);
