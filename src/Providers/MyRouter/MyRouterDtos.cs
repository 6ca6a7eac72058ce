namespace VideoPlatform.Providers.MyRouter;

internal sealed record MyRouterSubmitAnswer(string? TaskId);

internal sealed record MyRouterTaskResult(MyRouterTask? Task, IReadOnlyList<MyRouterVideo>? Videos);

/// <param name="Eta">Seconds left; documented as an integer, read as any number.</param>
internal sealed record MyRouterTask(string? Status, string? Reason, double? Eta, double? ProgressPercent);

/// <param name="VideoUrlTtl">Seconds the link stays valid. Documented as a string; a number is read too.</param>
internal sealed record MyRouterVideo(string? VideoUrl, double? VideoUrlTtl, string? VideoType);

/// <summary>MyRouter (Novita) error body <c>{ code, reason, message, metadata }</c>: the parts that classify and explain it.</summary>
internal sealed record MyRouterError(string? Reason, string? Message);
