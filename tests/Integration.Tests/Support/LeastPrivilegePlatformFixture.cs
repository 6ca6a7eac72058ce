using MassTransit;
using VideoPlatform.Archiver;
using VideoPlatform.Poller;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// The platform with every service on its own broker user and database role, as deployed (the shipped permission files,
/// see <see cref="BrokerAccounts"/> and <see cref="DatabaseAccounts"/>), and a caller on the <c>publisher</c> account
/// collecting the platform's events on its own bus (<see cref="Publisher"/>, <see cref="PublisherEvents"/>).
/// </summary>
public sealed class LeastPrivilegePlatformFixture : PlatformFixtureBase
{
    private BrokerAccounts? _broker;
    private DatabaseAccounts? _database;
    private IBusControl? _publisher;

    public EventCollector PublisherEvents { get; } = new();
    public IBus Publisher => _publisher ?? throw new InvalidOperationException("publisher bus not started");
    public BrokerAccounts Broker => _broker ?? throw new InvalidOperationException("broker accounts not created");
    public DatabaseAccounts Database => _database ?? throw new InvalidOperationException("database accounts not created");

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        _broker = await BrokerAccounts.CreateAsync(Infrastructure.VirtualHost);
        _database = await DatabaseAccounts.CreateAsync(Infrastructure);

        await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), As("submitter", settings));
        await StartServiceAsync("Poller.Service", b => b.AddPoller(), As("poller", settings));
        await StartServiceAsync("Archiver.Service", b => b.AddArchiver(), As("archiver", settings));

        _publisher = await StartBusAsync(_broker.For("publisher"), PublisherEvents.Configure);
    }

    /// <summary>A caller's bus on the run's virtual host as <paramref name="account"/>.</summary>
    public Task<IBusControl> StartBusAsync((string User, string Password) account, Action<IRabbitMqBusFactoryConfigurator>? configure = null) =>
        StartBusAsync(Infrastructure.VirtualHost, account, configure);

    private static async Task<IBusControl> StartBusAsync(
        string virtualHost, (string User, string Password) account, Action<IRabbitMqBusFactoryConfigurator>? configure)
    {
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(TestInfrastructure.RabbitHost, virtualHost, h =>
            {
                h.Username(account.User);
                h.Password(account.Password);
            });
            configure?.Invoke(cfg);
        });
        await bus.StartAsync();
        return bus;
    }

    /// <summary>The common settings with the role's broker user, and its database role where it has one.</summary>
    private Dictionary<string, string?> As(string role, Dictionary<string, string?> settings)
    {
        var (user, password) = Broker.For(role);
        var own = new Dictionary<string, string?>(settings)
        {
            ["RabbitMq:Username"] = user,
            ["RabbitMq:Password"] = password,
        };
        if (DatabaseAccounts.Roles.Contains(role))
            own["ConnectionStrings:Postgres"] = Database.ConnectionStringFor(role);
        else
            own.Remove("ConnectionStrings:Postgres"); // the archiver has no database account: it must not need one
        return own;
    }

    public override async Task DisposeAsync()
    {
        if (_publisher is not null)
            await _publisher.StopAsync();
        await base.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        if (_broker is not null)
            await _broker.DisposeAsync();
    }
}
