namespace VideoPlatform.Cli;

internal static class ExitCodes
{
    public const int Archived = 0;
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
    public const int TimedOut = 3;
}
