using System.Text.Json;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>
/// Writes what <c>watch</c> sees to stdout (progress, archived paths) and stderr (notes, errors). Notes are
/// written once while they repeat, so a request waiting for the poller does not flood a log.
/// </summary>
internal sealed class WatchDisplay(TextWriter stdout, TextWriter stderr, WatchOutput output, Func<int> width)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private VideoTaskStatus? _status;
    private string? _lastShown;
    private string? _lastNote;
    private int _drawnLength;

    public void Update(VideoTaskStatus status, TimeSpan elapsed, string? note)
    {
        _status = status;
        Note(note);
        Show(elapsed);
    }

    /// <summary>The poller did not answer: say so, and keep the clock of the last answer running.</summary>
    public void NoAnswer(TimeSpan elapsed, string message)
    {
        Note(message);
        Show(elapsed);
    }

    public void Finish(WatchOutcome outcome)
    {
        EndBar();
        if (output != WatchOutput.Json)
            foreach (var line in outcome.Output)
                stdout.WriteLine(line);
        if (outcome.Message is not null)
            stderr.WriteLine(outcome.Message);
    }

    public void Stop(string message)
    {
        EndBar();
        stderr.WriteLine(message);
    }

    private void Show(TimeSpan elapsed)
    {
        if (_status is null)
            return;
        switch (output)
        {
            case WatchOutput.Bar:
                var line = ProgressLine.Render(_status, elapsed, width());
                stdout.Write("\r" + line + new string(' ', Math.Max(_drawnLength - line.Length, 0)));
                stdout.Flush();
                _drawnLength = line.Length;
                break;
            case WatchOutput.Lines:
                // The clock is left out of the comparison: only state and progress make a new line.
                ShowIfChanged(ProgressLine.Render(_status, TimeSpan.Zero, int.MaxValue), () => ProgressLine.Render(_status, elapsed, int.MaxValue));
                break;
            case WatchOutput.Json:
                var json = JsonSerializer.Serialize(_status, Json);
                ShowIfChanged(json, () => json);
                break;
        }
    }

    private void ShowIfChanged(string key, Func<string> line)
    {
        if (key == _lastShown)
            return;
        _lastShown = key;
        stdout.WriteLine(line());
    }

    private void Note(string? note)
    {
        var repeated = note == _lastNote;
        _lastNote = note;
        if (note is null || repeated)
            return;
        ClearBar();
        stderr.WriteLine(note);
    }

    /// <summary>Wipes the bar so a note on a shared terminal starts on a clean line.</summary>
    private void ClearBar()
    {
        if (_drawnLength == 0)
            return;
        stdout.Write("\r" + new string(' ', _drawnLength) + "\r");
        stdout.Flush();
        _drawnLength = 0;
    }

    private void EndBar()
    {
        if (_drawnLength == 0)
            return;
        stdout.WriteLine();
        _drawnLength = 0;
    }
}
