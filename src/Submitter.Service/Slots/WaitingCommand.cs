using System.Diagnostics;
using System.Text.Json;
using MassTransit.Serialization;
using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Slots;

/// <summary>What a request that must wait leaves in the line: the command to send again when its turn comes.</summary>
public sealed record WaitingCommand(string CommandJson, short Priority, string? TraceParent)
{
    /// <summary>The command as it will be sent again, with its caller settled, in the current trace.</summary>
    public static WaitingCommand For(GenerateVideo command, string caller) => new(
        JsonSerializer.Serialize(command with { Caller = caller }, SystemTextJsonMessageSerializer.Options),
        WaitingPriority.Rank(command.Priority),
        Activity.Current?.Id);

    /// <summary>A kept command read back; false when it no longer reads (kept by another version), with why.</summary>
    public static bool TryRead(string commandJson, out GenerateVideo? command, out string? error)
    {
        try
        {
            command = JsonSerializer.Deserialize<GenerateVideo>(commandJson, SystemTextJsonMessageSerializer.Options);
            error = command is null ? "it reads as null" : null;
            return command is not null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            (command, error) = (null, e.Message);
            return false;
        }
    }
}
