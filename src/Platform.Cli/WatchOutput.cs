namespace VideoPlatform.Cli;

/// <summary>How <c>watch</c> shows progress.</summary>
internal enum WatchOutput
{
    /// <summary>One line redrawn in place with <c>\r</c>, for a terminal.</summary>
    Bar,

    /// <summary>A new line only when the state or progress changes, for logs.</summary>
    Lines,

    /// <summary>The status as one JSON line whenever it changes, for scripts.</summary>
    Json,
}
