using VideoPlatform.Contracts;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// When to ask a provider again. Adaptive: aim each check at the moment the task is expected to be done (from the
/// provider's time left, its progress rate, its estimate, or the model's typical time), a little after rather than
/// before, since an early check costs a query and finds nothing (but see <see cref="Aim"/> for a provider's estimate
/// under a rate limit); once past that moment, back off with jitter. No
/// wait exceeds the maximum interval, which bounds how late a result can be seen. Pure: the saga passes the clock
/// and the random draw.
/// </summary>
internal static class RecheckPlanner
{
    /// <summary>
    /// A guess of the provider's (its time left, its estimate for the whole task) is aimed at this fraction late; under a
    /// rate limit its estimate at submit this fraction early instead (see <see cref="Aim"/>).
    /// </summary>
    private const double AimMargin = 0.03;

    /// <summary>Added to every aimed wait: the check must reach the provider after the moment, not at it.</summary>
    private static readonly TimeSpan AimSlack = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How far a whole-percent progress reading may be from the truth on its slow side: a provider that rounds reports
    /// p from p − ½. (One that truncates is at least at p, so the expectation only grows later by this.)
    /// </summary>
    private const double ProgressResolution = 0.5;

    /// <summary>When the task should be done, as known at submit.</summary>
    public static Expectation ExpectedAtSubmit(TaskSubmitted submitted, PollingOptions polling) =>
        submitted.EstimatedSeconds is > 0 and var estimate
            ? new Expectation(submitted.SubmittedAt + TimeSpan.FromSeconds(estimate), ExpectationSource.Provider)
            : new Expectation(submitted.SubmittedAt + polling.TypicalDuration(submitted.Provider, submitted.Model), ExpectationSource.Typical);

    /// <summary>A fresher expectation from a running task's answer; the old one when the answer says nothing new.</summary>
    /// <param name="saga">The task before this answer is recorded (its previous progress and when it was seen).</param>
    public static Expectation Reestimate(VideoTaskState saga, TaskStatusObserved observed)
    {
        if (observed.EtaSeconds is > 0 and var eta)
            return new Expectation(observed.ObservedAt + TimeSpan.FromSeconds(eta * (1 + AimMargin)), ExpectationSource.Task);

        if (observed.ProgressPercent is > 0 and < 100 and var progress)
            return new Expectation(observed.ObservedAt + SlowestTimeLeft(saga, observed, progress), ExpectationSource.Task);

        if (observed.EstimatedTotalSeconds is > 0 and var total)
            return new Expectation(saga.SubmittedAt + TimeSpan.FromSeconds(total), ExpectationSource.Provider);

        return new Expectation(saga.ExpectedDoneAt, saga.ExpectedFrom);
    }

    /// <summary>
    /// The time left at the slowest steady progress the readings allow, each taken half a percent on its slow side, so
    /// that a check aimed at the end of it is not early and needs no margin of its own. Two readings far enough apart
    /// give the rate; a single one is read as steady progress since submit (which counts the provider's queue too, so a
    /// little slow, so a little late).
    /// </summary>
    private static TimeSpan SlowestTimeLeft(VideoTaskState saga, TaskStatusObserved observed, int progress)
    {
        var least = progress - ProgressResolution;
        var rate = saga.ProgressPercent is { } before && progress - before > 2 * ProgressResolution
            && saga.ProgressObservedAt is { } then && observed.ObservedAt > then
                ? (progress - before - 2 * ProgressResolution) / (observed.ObservedAt - then).TotalSeconds
                : least / Math.Max(0.001, (observed.ObservedAt - saga.SubmittedAt).TotalSeconds);
        return TimeSpan.FromSeconds((100 - least) / rate);
    }

    /// <param name="queriesScarce">
    /// The provider key is rate-limited: a check aimed at the expected time may then wait longer than the maximum
    /// interval, since early checks would spend the budget that later, likelier ones need. Without a limit, queries
    /// are cheap and the maximum interval holds for every wait, bounding the lag of a task that finishes early.
    /// </param>
    public static TimeSpan FirstDelay(VideoTaskState saga, PollingOptions polling, DateTimeOffset now, double random, bool queriesScarce = false) =>
        polling.Strategy == PollingStrategy.Fixed
            ? polling.FirstRecheck
            : Aim(saga.ExpectedDoneAt ?? now + polling.FirstRecheck, saga.ExpectedFrom, polling, now, random, queriesScarce);

    /// <summary>After an answer that leaves the task open; <paramref name="saga"/> already holds that answer.</summary>
    public static TimeSpan NextDelay(
        VideoTaskState saga, PollingOptions polling, DateTimeOffset now, TimeSpan? providerAskedToWait, double random, bool queriesScarce = false)
    {
        var delay = polling.Strategy == PollingStrategy.Fixed
            ? TimeSpan.FromSeconds(polling.RecheckIntervalSeconds)
            : saga.ExpectedDoneAt is { } expected && expected - now >= Lower(polling)
                ? Aim(expected, saga.ExpectedFrom, polling, now, random, queriesScarce)
                : Backoff(saga.ChecksPastExpected, polling, random);
        if (providerAskedToWait is { } wait && wait > delay)
            // Honoured up to the longest planned wait, so that a wild header cannot park a task for hours.
            delay = wait < polling.LongestPlannedWait ? wait : polling.LongestPlannedWait;
        return delay;
    }

    /// <summary>
    /// Where the task's check waits for its turn under a rate limit, earliest first (sent as its <c>LikelyDoneAt</c>).
    /// A check the saga only expects to find the task done ranks <see cref="PollingOptions.OwnEstimateRankDelayFraction"/>
    /// of the model's typical time after the expected finish, behind a callback's check (ranked at its arrival by the
    /// caller), which is sure to find its task done. A check aimed by the task's own progress lands on its finish, so its
    /// task's lag starts there at zero, while one resting on a general estimate also stands for the tasks that finished
    /// well before it, whose lag is already the longest: the first kind ranks the same fraction of the task's own
    /// expected time later still.
    /// </summary>
    public static DateTimeOffset? QueueRank(VideoTaskState task, PollingOptions polling)
    {
        if (task.ExpectedDoneAt is not { } expected)
            return null;
        var rank = expected + polling.TypicalDuration(task.Provider, task.Model) * polling.OwnEstimateRankDelayFraction;
        var expectedTime = expected - task.SubmittedAt;
        return task.ExpectedFrom == ExpectationSource.Task && expectedTime > TimeSpan.Zero
            ? rank + expectedTime * polling.OwnEstimateRankDelayFraction
            : rank;
    }

    /// <summary>Whether a check at <paramref name="now"/> came when the task was expected to be done already.</summary>
    public static bool IsPastExpected(VideoTaskState saga, DateTimeOffset now) => saga.ExpectedDoneAt is { } expected && now >= expected;

    /// <summary>
    /// A check aimed just after the expected time. How far ahead it may be placed depends on what the expectation
    /// is worth. This task's own time left or progress is trusted as it is, and already allows for its error (see
    /// <see cref="Reestimate"/>), so only the slack is added. The provider's estimate at submit is
    /// trusted when queries are scarce (a rate-limited key); when they are cheap it is probed half way, so the
    /// probe's progress reading sharpens it and an early finisher does not wait long. Our own typical time is a guess
    /// and never stretches a wait past the maximum interval.
    /// </summary>
    private static TimeSpan Aim(
        DateTimeOffset expected, ExpectationSource source, PollingOptions polling, DateTimeOffset now, double random, bool queriesScarce)
    {
        var untilDone = expected - now;
        if (untilDone < TimeSpan.Zero)
            untilDone = TimeSpan.Zero;
        // Late only: jitter that made an aimed check early would cost a query that finds nothing. But under a limit a
        // provider's estimate is aimed the margin early: the check then waits its turn, ranked at the estimate, which
        // under load makes it later anyway, while a margin late would only make the tasks that finished early, whose
        // lag is the longest, wait longer still.
        var aimed = source switch
        {
            ExpectationSource.Task => untilDone + AimSlack,
            ExpectationSource.Provider when queriesScarce => untilDone * (1 - AimMargin),
            _ => untilDone * (1 + AimMargin + polling.JitterFraction * random * 0.5) + AimSlack,
        };
        var upper = source switch
        {
            ExpectationSource.Task => polling.MaxAimedWait,
            ExpectationSource.Provider when queriesScarce => polling.MaxAimedWait,
            ExpectationSource.Provider => HalfWay(untilDone, polling),
            _ => polling.MaxRecheckInterval,
        };
        return Clamp(aimed, polling, upper);
    }

    /// <summary>Half the time left, but at least the maximum interval and at most the longest aimed wait.</summary>
    private static TimeSpan HalfWay(TimeSpan untilDone, PollingOptions polling) =>
        TimeSpan.FromTicks(Math.Clamp((untilDone / 2).Ticks, polling.MaxRecheckInterval.Ticks, polling.MaxAimedWait.Ticks));

    private static TimeSpan Backoff(int checksPastExpected, PollingOptions polling, double random)
    {
        var seconds = polling.RecheckIntervalSeconds * Math.Pow(polling.BackoffFactor, Math.Max(0, checksPastExpected - 1));
        var jittered = Math.Min(seconds, polling.MaxRecheckIntervalSeconds) * (1 + polling.JitterFraction * (2 * random - 1));
        return Clamp(TimeSpan.FromSeconds(jittered), polling);
    }

    private static TimeSpan Clamp(TimeSpan delay, PollingOptions polling, TimeSpan? upper = null)
    {
        var lower = Lower(polling);
        var highest = upper ?? polling.MaxRecheckInterval;
        return delay < lower ? lower : delay > highest ? highest : delay;
    }

    private static TimeSpan Lower(PollingOptions polling) =>
        polling.MinRecheckInterval < polling.MaxRecheckInterval ? polling.MinRecheckInterval : polling.MaxRecheckInterval;
}

/// <summary>When a task should be done, and what that rests on.</summary>
internal sealed record Expectation(DateTimeOffset? At, ExpectationSource Source);

/// <summary>Where an expectation comes from, from least to most trusted.</summary>
public enum ExpectationSource
{
    /// <summary>The configured typical time for the model: a guess.</summary>
    Typical,

    /// <summary>The provider's estimate for the whole generation (EvoLink <c>estimated_time</c>).</summary>
    Provider,

    /// <summary>This task's own time left or progress rate.</summary>
    Task,
}
