using System.Text.Json.Nodes;
using VideoPlatform.Contracts;

namespace VideoPlatform.Providers.Modellix;

/// <summary>What the Modellix endpoints share: the provider name, the task query and the submit call shape.</summary>
internal abstract class ModellixModel(IModellixApi api) : IVideoModel
{
    public string Provider => "modellix";

    public abstract string Model { get; }

    protected abstract string SubmitPath { get; }

    protected string Endpoint => $"modellix {Model}";

    public abstract IReadOnlyList<RuleViolation> Validate(VideoOptions options);

    /// <summary>The documented body for this model; only called with options that passed <see cref="Validate"/>.</summary>
    public abstract JsonObject BuildBody(VideoOptions options);

    public Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken) =>
        api.SubmitAsync(SubmitPath, BuildBody(options), requestId, cancellationToken);

    public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken) =>
        api.GetTaskAsync(providerTaskId, cancellationToken);

    protected static readonly string[] Modes = ["std", "pro"];
    protected static readonly string[] AspectRatios = ["16:9", "9:16", "1:1"];
}
