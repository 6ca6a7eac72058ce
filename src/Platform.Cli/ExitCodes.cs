namespace VideoPlatform.Cli;

internal static class ExitCodes
{
    public const int Archived = 0;
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
    public const int TimedOut = 3;
    public const int Canceled = 4;

    /// <summary>Stopped with Ctrl+C: the shell's convention for SIGINT (128 + 2).</summary>
    public const int Interrupted = 130;
}
