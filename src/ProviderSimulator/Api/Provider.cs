namespace ProviderSimulator.Api;

/// <summary>The simulated providers; the name is also the configuration key (<c>Providers:&lt;Name&gt;:ApiKey</c>).</summary>
public enum Provider
{
    Modellix,
    MyRouter,
    EvoLink,
}
