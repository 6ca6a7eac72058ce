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
    /// Added to a whole number written as a float: a JSON writer drops a zero fraction (12.0 is written 12), and a
    /// quarter keeps every sensible rounding (down, nearest) on the documented number.
    /// </summary>
    public const double Fraction = 0.25;

    public object Of(long value) =>
        behaviors.HasFlag(Behavior.NumbersAsFloats) ? value + Fraction
        : behaviors.HasFlag(Behavior.NumbersAsText) ? value.ToString(CultureInfo.InvariantCulture)
        : value;

    public object? Of(long? value) => value is { } v ? Of(v) : null;

    /// <summary>A measure documented as text (MyRouter's TTL): a float when asked, else the text.</summary>
    public object OfText(long value) => behaviors.HasFlag(Behavior.NumbersAsFloats) ? value + Fraction : value.ToString(CultureInfo.InvariantCulture);
}
