using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter.Tests;

/// <summary>The record of an answer the provider gave is tried until the database takes it, and only transient faults wait.</summary>
public sealed class When_an_outcome_is_written_through_an_outage
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_database_fault_is_tried_again_with_backoff_until_the_write_succeeds()
    {
        var attempts = 0;
        var writing = DurableWrite.UntilDoneAsync(_ =>
        {
            if (++attempts <= 5)
                throw new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
            return Task.FromResult(true);
        }, "record an acceptance", _time, NullLogger.Instance, default);

        // 0.2 + 0.4 + 0.8 + 1 + 1 s: the waits double up to a second and stay there, so the answer is written within
        // a second of the database coming back.
        var waited = TimeSpan.Zero;
        while (!writing.IsCompleted && waited < TimeSpan.FromMinutes(1))
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            waited += TimeSpan.FromMilliseconds(100);
            await Task.Yield();
            await Task.Delay(1);
        }

        (await writing).ShouldBeTrue();
        attempts.ShouldBe(6);
        waited.ShouldBeInRange(TimeSpan.FromSeconds(3.4), TimeSpan.FromSeconds(3.9));
    }

    [Fact]
    public async Task A_fault_that_no_wait_can_mend_is_thrown_at_once()
    {
        var attempts = 0;
        await Should.ThrowAsync<InvalidOperationException>(() => DurableWrite.UntilDoneAsync<bool>(
            _ => { attempts++; throw new InvalidOperationException("a bug"); }, "record", _time, NullLogger.Instance, default));
        attempts.ShouldBe(1);
    }
}
