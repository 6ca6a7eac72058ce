namespace ProviderSimulator.Api;

/// <summary>What the shared submit/query steps need to know about how one provider speaks.</summary>
public interface IProviderDialect
{
    Provider Provider { get; }

    string NewTaskId(DateTimeOffset now);

    /// <summary>The provider's error response; may add headers to <paramref name="response"/>.</summary>
    IResult Error(HttpResponse response, ErrorKind kind, string detail);
}
