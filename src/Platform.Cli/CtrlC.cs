using System.Runtime.InteropServices;

namespace VideoPlatform.Cli;

/// <summary>
/// A cancellation that Ctrl+C (SIGINT) triggers instead of killing the process, so a command can end cleanly.
/// System.CommandLine 2.0.0 only cancels an action's token when <c>InvocationConfiguration.ProcessTerminationTimeout</c>
/// is set; Program.cs leaves it unset, and setting it would change how every other command ends on Ctrl+C.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _pressed;
    private readonly PosixSignalRegistration _registration;

    public CtrlC(CancellationToken ct)
    {
        _pressed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            _pressed.Cancel();
        });
    }

    /// <summary>Canceled on Ctrl+C or when the token this was made from is.</summary>
    public CancellationToken Token => _pressed.Token;

    public void Dispose()
    {
        _registration.Dispose();
        _pressed.Dispose();
    }
}
