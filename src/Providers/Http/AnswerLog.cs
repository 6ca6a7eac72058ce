using Microsoft.Extensions.Logging;

namespace VideoPlatform.Providers.Http;

/// <summary>Reads one provider answer and warns once about every optional field that had to be dropped from it.</summary>
internal static partial class AnswerLog
{
    /// <param name="answer">Which answer, for the log: "submit answer", "task answer".</param>
    public static T Read<T>(this ILogger logger, string provider, string answer, Func<T> read)
    {
        using var dropped = DroppedFields.Collect();
        var result = read();
        if (dropped.Fields.Count > 0)
            Dropped(logger, provider, answer, string.Join(", ", dropped.Fields));
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} {Answer}: dropped optional fields it could not use: {Fields}")]
    private static partial void Dropped(ILogger logger, string provider, string answer, string fields);
}
