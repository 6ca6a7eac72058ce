namespace VideoPlatform.Providers;

/// <summary>Finds the adapter for a provider + model pair, case-insensitively.</summary>
public sealed class VideoModelCatalog(IEnumerable<IVideoModel> models)
{
    private readonly IReadOnlyList<IVideoModel> _models = models.ToList();

    public IReadOnlyList<IVideoModel> All => _models;

    public IVideoModel? Find(string? provider, string? model) =>
        _models.FirstOrDefault(m =>
            string.Equals(m.Provider, provider?.Trim(), StringComparison.OrdinalIgnoreCase) &&
            string.Equals(m.Model, model?.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool KnowsProvider(string? provider) =>
        _models.Any(m => string.Equals(m.Provider, provider?.Trim(), StringComparison.OrdinalIgnoreCase));
}
