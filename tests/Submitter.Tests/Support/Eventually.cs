namespace VideoPlatform.Submitter.Tests.Support;

/// <summary>Waits for something the bus does in the background, failing with what was awaited after a few seconds.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"waited 10 s for {what}");
            await Task.Delay(20);
        }
    }
}
