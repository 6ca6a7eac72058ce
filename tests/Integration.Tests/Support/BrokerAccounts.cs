using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// One RabbitMQ user per role for one test run, given in the run's virtual host exactly the permissions that
/// <c>deploy/rabbitmq/permissions.json</c> gives the shipped users (scripts/infra.sh and compose load the same file);
/// deleted with the run.
/// </summary>
public sealed class BrokerAccounts : IAsyncDisposable
{
    public const string PermissionsFile = "deploy/rabbitmq/permissions.json";

    // As TestInfrastructure finds the management API.
    private static string ManagementUrl =>
        Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") ?? $"http://{TestInfrastructure.RabbitHost}:15672";

    private readonly HttpClient _management;
    private readonly Dictionary<string, (string User, string Password)> _accounts;

    private BrokerAccounts(HttpClient management, Dictionary<string, (string, string)> accounts)
    {
        _management = management;
        _accounts = accounts;
    }

    /// <summary>The run's user and password for a role of the permissions file (<c>submitter</c>, <c>publisher</c>, …).</summary>
    public (string User, string Password) For(string role) => _accounts[role];

    public static async Task<BrokerAccounts> CreateAsync(string virtualHost)
    {
        var management = new HttpClient { BaseAddress = new Uri(ManagementUrl) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestInfrastructure.RabbitUser}:{TestInfrastructure.RabbitPassword}")));

        var accounts = new Dictionary<string, (string, string)>();
        using var permissions = JsonDocument.Parse(ShippedFiles.Read(PermissionsFile));
        foreach (var entry in permissions.RootElement.GetProperty("permissions").EnumerateArray())
        {
            var role = entry.GetProperty("user").GetString()!;
            var user = $"{virtualHost}-{role}";
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            (await management.PutAsJsonAsync($"/api/users/{user}", new { password, tags = "" })).EnsureSuccessStatusCode();
            accounts[role] = (user, password);
            (await management.PutAsJsonAsync($"/api/permissions/{Uri.EscapeDataString(virtualHost)}/{user}", new
            {
                configure = entry.GetProperty("configure").GetString(),
                write = entry.GetProperty("write").GetString(),
                read = entry.GetProperty("read").GetString(),
            })).EnsureSuccessStatusCode();
        }
        return new BrokerAccounts(management, accounts);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (user, _) in _accounts.Values)
            await _management.DeleteAsync($"/api/users/{user}");
        _management.Dispose();
    }
}
