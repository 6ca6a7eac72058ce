using System.Text.Json;

namespace VideoPlatform.Providers.MyRouter;

internal sealed record MyRouterSubmitAnswer(string? TaskId);

internal sealed record MyRouterTaskResult(MyRouterTask? Task, IReadOnlyList<MyRouterVideo>? Videos);

internal sealed record MyRouterTask(string? Status, string? Reason, int? Eta, int? ProgressPercent);

/// <param name="VideoUrlTtl">
/// Seconds the link stays valid. Documented as a string; kept as raw JSON so a number would not make the
/// whole answer unreadable (which would leave a finished task polled until its deadline).
/// </param>
internal sealed record MyRouterVideo(string? VideoUrl, JsonElement? VideoUrlTtl, string? VideoType);

/// <summary>MyRouter (Novita) error body <c>{ code, reason, message, metadata }</c>: the parts that classify and explain it.</summary>
internal sealed record MyRouterError(string? Reason, string? Message);
