using System.Text.Json;
using System.Text.RegularExpressions;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// The shipped broker permissions against the names MassTransit gives the platform's exchanges and queues, including
/// those a clean run never reaches (faults, <c>_skipped</c>) and those a queue prefix produces. RabbitMQ matches each
/// regex unanchored against the whole name, as <see cref="Regex.IsMatch(string)"/> does here.
/// </summary>
public class When_the_shipped_broker_permissions_are_read
{
    private static readonly string[] InternalExchanges =
    [
        "VideoPlatform.Poller.Tasks:TaskStatusObserved", "VideoPlatform.Poller.Tasks:CheckTaskStatus",
        "VideoPlatform.Poller.Tasks:RecheckDue", "VideoPlatform.Poller.Tasks:ProviderCallbackReceived",
        "video-task-state", "check-task-status", "get-video-task-status", "generate-video", "task-completed",
        "acme-video-check-task-status", "acme-video-video-task-state", "video-task-state_error", "video-task-state_skipped",
    ];

    private static readonly string[] PublicEvents =
    [
        "TaskSubmitted", "TaskRerouted", "TaskProgressed", "TaskCompleted", "TaskFailed", "TaskCanceled", "GenerateVideoRejected", "VideoArchived", "ArchiveFailed",
    ];

    private const string TemporaryEndpoint = "myhost_Submitter.Service_bus_ofgyyyfp5jkqd4a4bdqgqidibq";

    [Fact]
    public void Should_let_the_publisher_write_only_the_three_commands_and_its_own_endpoints()
    {
        var writable = Permission("publisher", "write");

        new[] { "GenerateVideo", "GetVideoTaskStatus", "CancelVideoTask" }.ShouldAllBe(c => writable.IsMatch($"VideoPlatform.Contracts:{c}"));
        writable.IsMatch(TemporaryEndpoint).ShouldBeTrue();
        writable.IsMatch("caller_billing-events").ShouldBeTrue();
        InternalExchanges.Where(n => writable.IsMatch(n)).ShouldBeEmpty();
        PublicEvents.Select(e => $"VideoPlatform.Contracts:{e}").Where(n => writable.IsMatch(n)).ShouldBeEmpty();
    }

    [Fact]
    public void Should_let_the_publisher_read_the_events_but_not_the_commands_of_other_callers()
    {
        var readable = Permission("publisher", "read");

        PublicEvents.ShouldAllBe(e => readable.IsMatch($"VideoPlatform.Contracts:{e}"));
        readable.IsMatch("VideoPlatform.Contracts:GenerateVideo").ShouldBeFalse();
        InternalExchanges.Where(n => readable.IsMatch(n)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("submitter", "generate-video")]
    [InlineData("submitter", "task-rerouted")]
    [InlineData("poller", "video-task-state")]
    [InlineData("poller", "check-task-status")]
    [InlineData("archiver", "task-completed")]
    public void Should_let_a_service_fault_and_skip_on_its_own_queues_with_or_without_a_prefix(string role, string queue)
    {
        foreach (var kind in new[] { "configure", "write", "read" })
        {
            var allowed = Permission(role, kind);
            foreach (var name in new[] { queue, $"{queue}_error", $"{queue}_skipped", $"acme-video-{queue}", $"acme-video-{queue}_error", TemporaryEndpoint })
                allowed.IsMatch(name).ShouldBeTrue($"{role} {kind} {name}");
        }
        Permission(role, "write").IsMatch("MassTransit:Fault--VideoPlatform.Contracts:GenerateVideo--").ShouldBeTrue();
        Permission(role, "configure").IsMatch("MassTransit:Fault").ShouldBeTrue();
    }

    [Fact]
    public void Should_let_only_the_poller_write_the_pollers_internal_messages()
    {
        var pollerOnly = InternalExchanges.Where(n => n.Contains(':')).ToList();

        foreach (var role in new[] { "submitter", "archiver", "publisher" })
            pollerOnly.Where(n => Permission(role, "write").IsMatch(n)).ShouldBeEmpty(role);
        pollerOnly.ShouldAllBe(n => Permission("poller", "write").IsMatch(n));
    }

    [Fact]
    public void Should_let_only_the_poller_announce_a_reroute_which_makes_the_submitter_call_a_provider_again()
    {
        const string Rerouted = "VideoPlatform.Contracts:TaskRerouted";

        foreach (var role in new[] { "submitter", "archiver", "publisher" })
            Permission(role, "write").IsMatch(Rerouted).ShouldBeFalse(role);
        Permission("poller", "write").IsMatch(Rerouted).ShouldBeTrue();
        Permission("submitter", "read").IsMatch(Rerouted).ShouldBeTrue("the submitter's task-rerouted queue is bound to it");
    }

    private static Regex Permission(string role, string kind)
    {
        using var file = JsonDocument.Parse(ShippedFiles.Read(BrokerAccounts.PermissionsFile));
        var entry = file.RootElement.GetProperty("permissions").EnumerateArray().Single(p => p.GetProperty("user").GetString() == role);
        return new Regex(entry.GetProperty(kind).GetString()!);
    }
}
