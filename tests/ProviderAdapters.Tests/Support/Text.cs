namespace VideoPlatform.ProviderAdapters.Tests.Support;

internal static class Text
{
    public static string OfLength(int length) => new('a', length);
}
