using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Callbacks;

/// <summary>
/// Posts completion callbacks. One loop and one queue ordered by due time serve every task, so ten thousand waiting
/// callbacks cost ten thousand queue entries and a single timer, not a timer each. Deliveries run concurrently up to
/// <see cref="MaxConcurrentDeliveries"/>, so one slow receiver cannot hold back the others.
/// </summary>
public sealed class CallbackDispatcher(
    IHttpClientFactory clients,
    TimeProvider clock,
    IOptions<SimulatorOptions> options,
    IOptions<JsonOptions> json,
    ILogger<CallbackDispatcher> log) : BackgroundService
{
    public const string ClientName = "callbacks";
    public const int MaxConcurrentDeliveries = 64;

    /// <summary>Waits after a failed attempt: EvoLink's documented 1, 2 and 4 s, so at most four attempts.</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly PriorityQueue<Delivery, DateTimeOffset> queue = new();
    private readonly Lock gate = new();
    private readonly SemaphoreSlim slots = new(MaxConcurrentDeliveries, MaxConcurrentDeliveries);
    private TaskCompletionSource earlierDue = NewSignal();
    private CancellationTokenSource epoch = new();
    private int delivered;
    private int failed;

    /// <summary>Callbacks the receiver answered with 2xx.</summary>
    public int Delivered => Volatile.Read(ref delivered);

    /// <summary>Attempts that failed: non-2xx, timeout or connection error.</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>Sends <paramref name="task"/>'s callback once it ends; a stuck task never does, so it is not queued.</summary>
    public void Schedule(SimTask task, Uri target, string publicBase, CallbackStyle style)
    {
        if (task.CompletesAt is not { } due)
            return;
        lock (gate)
            Enqueue(new Delivery(task, target, publicBase, style, epoch.Token), due);
    }

    /// <summary>Drops every scheduled delivery, cancels those under way and zeroes the counts.</summary>
    public void Reset()
    {
        CancellationTokenSource abandoned;
        lock (gate)
        {
            queue.Clear();
            abandoned = epoch;
            epoch = new CancellationTokenSource();
        }
        // Not disposed: deliveries still running hold its token, and without a timer it has nothing to release.
        abandoned.Cancel();
        Interlocked.Exchange(ref delivered, 0);
        Interlocked.Exchange(ref failed, 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                var next = await NextDueAsync(stopping);
                await slots.WaitAsync(stopping);
                _ = RunAsync(next, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down; the deliveries under way see the same token and end promptly.
        }

        // Every running delivery holds a slot, so holding all of them means none is left running.
        for (var i = 0; i < MaxConcurrentDeliveries; i++)
            await slots.WaitAsync(CancellationToken.None);
    }

    private async Task<Delivery> NextDueAsync(CancellationToken stopping)
    {
        while (true)
        {
            Task signal;
            var wait = Timeout.InfiniteTimeSpan;
            lock (gate)
            {
                if (earlierDue.Task.IsCompleted)
                    earlierDue = NewSignal();
                signal = earlierDue.Task;
                if (queue.TryPeek(out var head, out var due))
                {
                    var now = clock.GetUtcNow();
                    if (due <= now)
                    {
                        queue.Dequeue();
                        if (!head.Epoch.IsCancellationRequested)
                            return head;
                        continue;
                    }
                    wait = due - now;
                }
            }

            // Sleep until the head is due or an earlier delivery is queued, whichever comes first.
            using var woken = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            await Task.WhenAny(signal, Task.Delay(wait, clock, woken.Token));
            await woken.CancelAsync();
            stopping.ThrowIfCancellationRequested();
        }
    }

    private async Task RunAsync(Delivery delivery, CancellationToken stopping)
    {
        try
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping, delivery.Epoch);
            delivery = delivery with { Body = delivery.Body ?? Render(delivery) };
            if (await AttemptAsync(delivery, cancel.Token))
            {
                Interlocked.Increment(ref delivered);
            }
            else
            {
                Interlocked.Increment(ref failed);
                RetryLater(delivery);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested || delivery.Epoch.IsCancellationRequested)
        {
            // Abandoned by shutdown or reset: not a failed attempt.
        }
        catch (Exception e)
        {
            log.LogError(e, "Callback for task {TaskId} could not be sent", delivery.Task.Id);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The body a query would return now; due means past completion, so the task reads terminal.</summary>
    private byte[] Render(Delivery delivery)
    {
        var settings = options.Value;
        var snapshot = delivery.Task.Observe(settings, clock.GetUtcNow());
        var payload = delivery.Style.Envelope(delivery.Style.QueryBody(delivery.Task, snapshot, delivery.PublicBase, settings));
        return JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), json.Value.SerializerOptions);
    }

    private async Task<bool> AttemptAsync(Delivery delivery, CancellationToken cancel)
    {
        using var content = new ByteArrayContent(delivery.Body!);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await clients.CreateClient(ClientName).PostAsync(delivery.Target, content, cancel);
            if (response.IsSuccessStatusCode)
                return true;
            log.LogInformation("Callback for task {TaskId}, attempt {Attempt}, answered {Status}",
                delivery.Task.Id, delivery.Attempt, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            log.LogInformation("Callback for task {TaskId}, attempt {Attempt}, failed: {Error}",
                delivery.Task.Id, delivery.Attempt, e.Message);
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            // Not our token, so the client's own timeout.
            log.LogInformation("Callback for task {TaskId}, attempt {Attempt}, timed out", delivery.Task.Id, delivery.Attempt);
        }
        return false;
    }

    private void RetryLater(Delivery delivery)
    {
        if (delivery.Attempt > RetryDelays.Length)
        {
            log.LogWarning("Callback for task {TaskId} abandoned after {Attempts} attempts", delivery.Task.Id, delivery.Attempt);
            return;
        }
        var due = clock.GetUtcNow() + RetryDelays[delivery.Attempt - 1];
        lock (gate)
        {
            if (!delivery.Epoch.IsCancellationRequested)
                Enqueue(delivery with { Attempt = delivery.Attempt + 1 }, due);
        }
    }

    /// <summary>Under <see cref="gate"/>. Wakes the loop only when the new entry is due before the one it waits for.</summary>
    private void Enqueue(Delivery delivery, DateTimeOffset due)
    {
        var earlier = !queue.TryPeek(out _, out var head) || due < head;
        queue.Enqueue(delivery, due);
        if (earlier)
            earlierDue.TrySetResult();
    }

    // Continuations run elsewhere, so signalling under the lock never runs the loop inside it.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
