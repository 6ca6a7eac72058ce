using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tests;

public class When_planning_rechecks
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    private static PollingOptions Polling() => new()
    {
        FirstRecheckSeconds = 5,
        RecheckIntervalSeconds = 4,
        MinRecheckIntervalSeconds = 1,
        MaxRecheckIntervalSeconds = 30,
        BackoffFactor = 2,
        JitterFraction = 0.1,
        TypicalSeconds = 120,
        TypicalSecondsByModel = { ["modellix/kling-video-o1"] = 200 },
    };

    private static TaskSubmitted SubmittedEvent(int? estimate = null, string model = "kling-v3-i2v") => new()
    {
        RequestId = Guid.NewGuid(), Provider = "modellix", Model = model, ProviderTaskId = "t", SubmittedAt = Submitted, EstimatedSeconds = estimate,
    };

    private static TaskStatusObserved Running(DateTimeOffset at, int? progress = null, int? eta = null, int? total = null) => new()
    {
        RequestId = Guid.NewGuid(), State = ProviderTaskState.Processing, ProgressPercent = progress, EtaSeconds = eta,
        EstimatedTotalSeconds = total, ObservedAt = at,
    };

    [Fact]
    public void Should_expect_the_provider_estimate_else_the_models_typical_time()
    {
        RecheckPlanner.ExpectedAtSubmit(SubmittedEvent(estimate: 300), Polling()).ShouldBe(new Expectation(Submitted.AddSeconds(300), ExpectationSource.Provider));
        RecheckPlanner.ExpectedAtSubmit(SubmittedEvent(), Polling()).ShouldBe(new Expectation(Submitted.AddSeconds(120), ExpectationSource.Typical));
        RecheckPlanner.ExpectedAtSubmit(SubmittedEvent(model: "kling-video-o1"), Polling()).ShouldBe(new Expectation(Submitted.AddSeconds(200), ExpectationSource.Typical));
    }

    [Fact]
    public void Should_aim_the_first_check_just_after_the_expected_time_but_never_past_the_maximum()
    {
        var polling = Polling();
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(20), ExpectedFrom = ExpectationSource.Provider };

        var delay = RecheckPlanner.FirstDelay(saga, polling, Submitted, random: 0);
        saga.ExpectedDoneAt = Submitted.AddSeconds(300);
        var far = RecheckPlanner.FirstDelay(saga, polling, Submitted, random: 0);

        delay.ShouldBeInRange(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(22), "a little late, never early");
        far.ShouldBe(TimeSpan.FromSeconds(150), "a general estimate far ahead is probed half way");
    }

    [Fact]
    public void Should_aim_past_the_maximum_only_when_the_providers_key_is_rate_limited()
    {
        var polling = Polling();
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(150), ExpectedFrom = ExpectationSource.Provider };

        var plentiful = RecheckPlanner.FirstDelay(saga, polling, Submitted, random: 0, queriesScarce: false);
        var scarce = RecheckPlanner.FirstDelay(saga, polling, Submitted, random: 0, queriesScarce: true);

        plentiful.ShouldBe(TimeSpan.FromSeconds(75), "without a limit, a general estimate is probed half way, for a progress reading");
        scarce.ShouldBeGreaterThan(polling.MaxRecheckInterval, "under a limit, the estimate is trusted however far");
    }

    [Fact]
    public void Should_aim_the_first_check_a_margin_before_the_providers_estimate_when_queries_are_scarce()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(150), ExpectedFrom = ExpectationSource.Provider };

        var scarce = RecheckPlanner.FirstDelay(saga, Polling(), Submitted, random: 1, queriesScarce: true);

        // The check then waits its turn (ranked at the estimate), which under load makes it later anyway; a margin late
        // would only make the early finishers, whose lag is the longest, wait longer still.
        scarce.ShouldBe(TimeSpan.FromSeconds(150 * 0.97));
    }

    [Fact]
    public void Should_rank_a_check_aimed_by_the_tasks_own_progress_behind_one_resting_on_a_general_estimate()
    {
        var polling = Polling();
        var now = Submitted.AddSeconds(150);
        VideoTaskState Task(ExpectationSource source) => new()
        {
            SubmittedAt = Submitted, Provider = "evolink", Model = "m", ProviderTaskId = "t",
            ExpectedDoneAt = Submitted.AddSeconds(150), ExpectedFrom = source,
        };

        var general = StatusChecks.Ask(Task(ExpectationSource.Provider), polling, now).LikelyDoneAt;
        var own = StatusChecks.Ask(Task(ExpectationSource.Task), polling, now).LikelyDoneAt;
        var calledBack = StatusChecks.Ask(Task(ExpectationSource.Task), polling, now, likelyDoneAt: now).LikelyDoneAt;

        // A fifth of the model's typical time (120 s) behind a callback's check, which ranks at its arrival: that one is sure to find the task done.
        general.ShouldBe(Submitted.AddSeconds(150 + 24), "a general estimate may find a task done long since: it ranks just behind the callbacks");
        own.ShouldBe(Submitted.AddSeconds(150 * 1.2 + 24), "a check landing on the task's own finish starts its lag at zero: a fifth of the task's time later");
        calledBack.ShouldBe(now, "a provider's word that the task is done keeps its own rank");
    }

    [Fact]
    public void Should_trust_an_expectation_from_the_tasks_own_progress_however_far()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(200), ExpectedFrom = ExpectationSource.Task };

        var delay = RecheckPlanner.NextDelay(saga, Polling(), Submitted.AddSeconds(100), providerAskedToWait: null, random: 1);

        delay.ShouldBe(TimeSpan.FromSeconds(100.5), "the expectation already allows for its reading's error: only the slack is added, no margin or jitter");
    }

    /// <summary>
    /// A task progressing steadily from its submit, read once in whole percent (truncated or rounded, as a provider may
    /// report it): the check aimed from that one reading must find it done, and come no later than the reading's own
    /// error requires (half a percent either way, plus the half-second slack).
    /// </summary>
    [Theory]
    [InlineData(150, 75, false)]
    [InlineData(150, 75, true)]
    [InlineData(240, 75, false)]
    [InlineData(240, 75, true)]
    [InlineData(100, 75, false)]
    [InlineData(313, 130, true)]
    public void Should_aim_a_check_from_one_progress_reading_after_the_finish_and_close_to_it(double duration, double readAt, bool rounded)
    {
        var polling = Polling();
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(120), ExpectedFrom = ExpectationSource.Typical };
        var exact = 100 * readAt / duration;
        var reported = (int)(rounded ? Math.Round(exact) : Math.Floor(exact));
        var now = Submitted.AddSeconds(readAt);
        saga.Observe(Running(now, progress: reported));

        var landing = readAt + RecheckPlanner.NextDelay(saga, polling, now, providerAskedToWait: null, random: 1).TotalSeconds;

        landing.ShouldBeGreaterThanOrEqualTo(duration, "an early check costs a query and finds nothing");
        // The slowest progress the reading allows is half a percent below it, while the truth may be a percent above it.
        var allowed = duration * (reported + 1) / (reported - 0.5) - duration + 0.5;
        (landing - duration).ShouldBeLessThanOrEqualTo(allowed + 0.001, $"lands {landing - duration:0.00} s after the finish");
    }

    [Fact]
    public void Should_probe_a_near_general_estimate_no_later_than_the_maximum()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(40), ExpectedFrom = ExpectationSource.Provider };

        RecheckPlanner.FirstDelay(saga, Polling(), Submitted, random: 0).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Should_never_wait_past_the_maximum_on_our_own_typical_time()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(120), ExpectedFrom = ExpectationSource.Typical };

        RecheckPlanner.FirstDelay(saga, Polling(), Submitted, random: 0, queriesScarce: true).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Should_take_the_providers_time_left_first()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(300) };
        var now = Submitted.AddSeconds(60);

        // A provider's time left is its own guess: expected a little after it.
        RecheckPlanner.Reestimate(saga, Running(now, progress: 10, eta: 15)).ShouldBe(new Expectation(now.AddSeconds(15 * 1.03), ExpectationSource.Task));
    }

    [Fact]
    public void Should_project_completion_from_the_progress_rate_between_two_readings()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ProgressPercent = 40, ProgressObservedAt = Submitted.AddSeconds(50) };

        // 40% → 50% in 10 s, each reading within half a percent: at slowest 9% in 10 s, with at most 50.5% left: 56.1 s.
        RecheckPlanner.Reestimate(saga, Running(Submitted.AddSeconds(60), progress: 50)).ShouldBe(new Expectation(Submitted.AddSeconds(60 + 50.5 / 0.9), ExpectationSource.Task));
    }

    [Fact]
    public void Should_read_a_first_progress_as_steady_since_submit()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted };

        // At slowest 24.5% in 30 s.
        RecheckPlanner.Reestimate(saga, Running(Submitted.AddSeconds(30), progress: 25)).ShouldBe(new Expectation(Submitted.AddSeconds(30 * 100 / 24.5), ExpectationSource.Task));
    }

    [Fact]
    public void Should_take_a_total_estimate_from_submit_when_there_is_no_progress()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(999) };

        RecheckPlanner.Reestimate(saga, Running(Submitted.AddSeconds(30), total: 90)).ShouldBe(new Expectation(Submitted.AddSeconds(90), ExpectationSource.Provider));
        RecheckPlanner.Reestimate(saga, Running(Submitted.AddSeconds(30))).ShouldBe(new Expectation(Submitted.AddSeconds(999), ExpectationSource.Typical));
    }

    [Fact]
    public void Should_back_off_with_jitter_once_past_the_expected_time_up_to_the_maximum()
    {
        var polling = Polling();
        var now = Submitted.AddSeconds(200);
        TimeSpan Next(int pastChecks, double random) => RecheckPlanner.NextDelay(
            new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(120), ChecksPastExpected = pastChecks },
            polling, now, providerAskedToWait: null, random);

        Next(1, 0.5).ShouldBe(TimeSpan.FromSeconds(4));
        Next(2, 0.5).ShouldBe(TimeSpan.FromSeconds(8));
        Next(3, 0.5).ShouldBe(TimeSpan.FromSeconds(16));
        Next(9, 0.5).ShouldBe(TimeSpan.FromSeconds(30));
        Next(2, 0).ShouldBe(TimeSpan.FromSeconds(8 * 0.9));
        Next(2, 1).ShouldBe(TimeSpan.FromSeconds(8 * 1.1));
    }

    [Fact]
    public void Should_check_sooner_as_progress_nears_the_end()
    {
        var polling = Polling();
        var saga = new VideoTaskState { SubmittedAt = Submitted, ProgressPercent = 60, ProgressObservedAt = Submitted.AddSeconds(60) };
        var observed = Running(Submitted.AddSeconds(70), progress: 90);
        saga.ExpectedDoneAt = RecheckPlanner.Reestimate(saga, observed).At;
        saga.ExpectedFrom = ExpectationSource.Task;

        var delay = RecheckPlanner.NextDelay(saga, polling, observed.ObservedAt, providerAskedToWait: null, random: 0);

        // 3%/s with 10% left: about 3.3 s, not the 30 s maximum.
        delay.ShouldBeInRange(TimeSpan.FromSeconds(3.3), TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public void Should_never_ask_before_the_provider_said_to_retry()
    {
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(10) };

        RecheckPlanner.NextDelay(saga, Polling(), Submitted.AddSeconds(9), TimeSpan.FromSeconds(60), random: 0).ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Should_poll_at_the_fixed_interval_whatever_is_known_in_the_fixed_strategy()
    {
        var polling = Polling();
        polling.Strategy = PollingStrategy.Fixed;
        var saga = new VideoTaskState { SubmittedAt = Submitted, ExpectedDoneAt = Submitted.AddSeconds(300), ChecksPastExpected = 5 };

        RecheckPlanner.FirstDelay(saga, polling, Submitted, random: 1).ShouldBe(TimeSpan.FromSeconds(5));
        RecheckPlanner.NextDelay(saga, polling, Submitted.AddSeconds(100), providerAskedToWait: null, random: 1).ShouldBe(TimeSpan.FromSeconds(4));
    }
}
