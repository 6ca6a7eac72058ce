using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>What every request of a load run asks for; <paramref name="Caller"/> null lets the platform name it.</summary>
internal sealed record LoadRequestTemplate(string? Provider, string Model, string? Image, string? Caller)
{
    public GenerateVideo For(Guid requestId, int index) => new()
    {
        RequestId = requestId,
        Provider = Provider,
        Model = Model,
        Options = new VideoOptions { Prompt = $"load request {index}", Image = Image, Duration = 5 },
        Caller = Caller,
    };
}
