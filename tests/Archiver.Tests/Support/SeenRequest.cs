namespace VideoPlatform.Archiver.Tests.Support;

/// <summary>One request as the <see cref="ScriptedServer"/> saw it; absent headers are "".</summary>
public sealed record SeenRequest(string Path, string Range, string IfRange);
