using System.Text.Json;
using Xunit.Abstractions;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// A named request for table-driven tests. Serializable, so every row is its own test case in the runner,
/// shown by its name rather than by a 2,500-character prompt.
/// </summary>
public sealed class OptionsCase : IXunitSerializable
{
    public OptionsCase()
    {
    }

    public OptionsCase(string name, VideoOptions options)
    {
        Name = name;
        Options = options;
    }

    public string Name { get; private set; } = "";

    public VideoOptions Options { get; private set; } = new();

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Name), Name);
        info.AddValue(nameof(Options), JsonSerializer.Serialize(Options));
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        Name = info.GetValue<string>(nameof(Name));
        Options = JsonSerializer.Deserialize<VideoOptions>(info.GetValue<string>(nameof(Options)))!;
    }

    public override string ToString() => Name;
}
