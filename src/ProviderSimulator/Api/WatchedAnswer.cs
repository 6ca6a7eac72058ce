namespace ProviderSimulator.Api;

/// <summary>
/// An accepted submit's answer that reports, once written, whether its caller was still there to read it: a caller
/// that disconnected first was billed and never told, the ambiguous case a crash test counts as cut mid-call.
/// </summary>
public sealed class WatchedAnswer(IResult answer, Action<bool> written) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            await answer.ExecuteAsync(httpContext);
            await httpContext.Response.CompleteAsync();
        }
        catch (Exception) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // Writing to a caller that is gone fails; that is what is being recorded, not an error.
        }
        finally
        {
            written(httpContext.RequestAborted.IsCancellationRequested);
        }
    }
}
