using System.Globalization;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Api;

/// <summary>
/// How a task body writes its measures: as the providers document them (integers), or, when a test asks, as floats
/// (<see cref="Behavior.NumbersAsFloats"/>) or numeric text (<see cref="Behavior.NumbersAsText"/>), as real answers
/// sometimes do. Status codes are not measures and stay as documented.
/// </summary>
public sealed class AnswerNumbers(Behavior behaviors)
{
    /// <summary>
    /// Added to a number between the ends of its range: every sensible rounding (down, nearest) takes it back to the
    /// documented number. An end (0, 100 %) is written with a zero fraction instead (<c>100.0</c>: decimals keep it),
    /// so a float never leaves the range a real provider's float stays in.
    /// </summary>
    public const decimal Fraction = 0.25m;

    public object Of(long value) => Write(value, atAnEnd: value == 0);

    public object? Of(long? value) => value is { } v ? Of(v) : null;

    public object Percent(long value) => Write(value, atAnEnd: value is 0 or 100);

    /// <summary>A measure documented as text (MyRouter's TTL): a float when asked, else the text.</summary>
    public object OfText(long value) =>
        behaviors.HasFlag(Behavior.NumbersAsFloats) ? Write(value, atAnEnd: value == 0) : value.ToString(CultureInfo.InvariantCulture);

    private object Write(long value, bool atAnEnd) =>
        behaviors.HasFlag(Behavior.NumbersAsFloats) ? value + (atAnEnd ? 0.0m : Fraction)
        : behaviors.HasFlag(Behavior.NumbersAsText) ? value.ToString(CultureInfo.InvariantCulture)
        : value;
}
