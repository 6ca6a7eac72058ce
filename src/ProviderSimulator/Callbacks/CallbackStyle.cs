using System.Text.Json;
using ProviderSimulator.Api;

namespace ProviderSimulator.Callbacks;

/// <summary>How one provider calls back when a task ends: where the submit body names the URL and what is posted there.</summary>
/// <param name="UrlField">Dotted path of the URL in the submit body (<c>extra.webhook.url</c>); also named in errors.</param>
/// <param name="QueryBody">The provider's task-query body, which the callback carries.</param>
/// <param name="Envelope">Wraps the query body into what is posted; identity for a provider that posts it bare.</param>
public sealed record CallbackStyle(string UrlField, TaskBody QueryBody, Func<object, object> Envelope)
{
    /// <summary>The value at <see cref="UrlField"/>, or null when absent or JSON null (no callback wanted).</summary>
    public JsonElement? FindUrl(JsonElement body)
    {
        var element = body;
        foreach (var name in UrlField.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return null;
        }
        return element.ValueKind == JsonValueKind.Null ? null : element;
    }
}
