namespace ProviderSimulator.Tests.Support;

public static class JsonAccess
{
    /// <summary>Walks a dotted path; numeric parts index arrays ("data.result.resources.0.url").</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
            element = int.TryParse(part, out var index) ? element[index] : element.GetProperty(part);
        return element;
    }

    public static string Text(this JsonElement element, string path) => element.At(path).GetString()!;

    public static bool Has(this JsonElement element, string name) => element.TryGetProperty(name, out _);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
}
