namespace ProviderSimulator.Tasks;

/// <summary>What <c>GET /_sim/stats</c> reports.</summary>
/// <param name="Submits">Authenticated submit requests, whatever their outcome (rejected by a simulated fault too).</param>
/// <param name="SubmitsByRequest">The same, counted per <c>X-Request-Id</c> header value.</param>
/// <param name="Queries">Authenticated task queries, whatever their outcome.</param>
/// <param name="Tasks">Tasks recorded (accepted submits, hung ones included).</param>
/// <param name="MediaRequests">Media downloads per path, in arrival order: each its <c>Range</c> header, "" when none.</param>
/// <param name="CallbacksDelivered">Callbacks the receiver answered with 2xx.</param>
/// <param name="CallbacksFailed">Callback attempts that failed (non-2xx, timeout, connection error), retried ones included.</param>
/// <param name="RateLimited">429s answered because a key hit its requests-per-minute or concurrent-task limit.</param>
/// <param name="PeakRequestsPerMinute">
/// Per provider and key (<c>Provider:hash</c>, see <c>KeyLabel</c>; never the key itself): the most API calls any
/// sliding 60 s held, whether or not a limit is set.
/// </param>
/// <param name="SubmitsHung">Accepted submits whose answer was held back (<c>submit-hang</c> or <c>SubmitHangShare</c>).</param>
/// <param name="SubmitsInFlight">Accepted submits whose answer is not yet fully written, now.</param>
/// <param name="DownloadsInFlight">Downloads of a task's video still sending, now.</param>
/// <param name="AcceptedByRequest">Accepted (billed) submits per <c>X-Request-Id</c>.</param>
/// <param name="CutMidCallByRequest">
/// Accepted submits per <c>X-Request-Id</c> whose caller disconnected before the answer was fully written: billed
/// and never told so.
/// </param>
/// <param name="AnsweredAtByRequest">
/// Per <c>X-Request-Id</c>, when the last accepted submit's answer was fully written (Unix ms). A caller killed just
/// after it still never read it: the crash test counts such a request as cut mid-call too.
/// </param>
/// <param name="Videos">Per task whose video was downloaded: its request, the video's size and the bytes sent over all downloads.</param>
public sealed record SimStats(
    int Submits,
    IReadOnlyDictionary<string, int> SubmitsByRequest,
    int Queries,
    int Tasks,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MediaRequests,
    int CallbacksDelivered,
    int CallbacksFailed,
    int RateLimited,
    IReadOnlyDictionary<string, int> PeakRequestsPerMinute,
    int SubmitsHung,
    int SubmitsInFlight,
    int DownloadsInFlight,
    IReadOnlyDictionary<string, int> AcceptedByRequest,
    IReadOnlyDictionary<string, int> CutMidCallByRequest,
    IReadOnlyDictionary<string, long> AnsweredAtByRequest,
    IReadOnlyDictionary<string, VideoServed> Videos);
