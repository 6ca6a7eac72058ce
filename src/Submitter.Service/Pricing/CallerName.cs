using System.Text.RegularExpressions;

namespace VideoPlatform.Submitter.Pricing;

/// <summary>Who a request is for: the name spend and budgets are counted under, and a metric label.</summary>
public static partial class CallerName
{
    /// <summary>The caller of a request that names none and was not published under a verified broker user.</summary>
    public const string Default = "default";

    public const int MaxLength = 64;

    public const string FormatRule = "format";

    public const string Allowed = "1–64 characters of A–Z, a–z, 0–9, '.', '_' and '-'";

    /// <summary>Whether a name may be a caller: short and plain, since it becomes a metric label and a configuration key.</summary>
    public static bool IsValid(string? name) => name is not null && Plain().IsMatch(name);

    /// <summary>
    /// The command's own caller, else the broker user RabbitMQ verified (the AMQP <c>user_id</c> a publisher set, which
    /// the broker refuses unless it is the connection's user), else <see cref="Default"/>.
    /// </summary>
    public static string Resolve(string? declared, string? verifiedBrokerUser) =>
        IsValid(declared) ? declared! : IsValid(verifiedBrokerUser) ? verifiedBrokerUser! : Default;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Plain();
}
