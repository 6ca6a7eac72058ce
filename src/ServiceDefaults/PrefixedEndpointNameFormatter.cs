using MassTransit;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Kebab-case endpoint names with <see cref="RabbitMqOptions.QueuePrefix"/> in front. MassTransit's own prefix is
/// glued to the type name before case conversion, so a prefix such as <c>team-a</c> would not survive it as written.
/// </summary>
internal sealed class PrefixedEndpointNameFormatter(RabbitMqOptions rabbit) : IEndpointNameFormatter
{
    private static readonly IEndpointNameFormatter Inner = KebabCaseEndpointNameFormatter.Instance;

    public string Separator => Inner.Separator;

    public string TemporaryEndpoint(string tag) => Inner.TemporaryEndpoint(tag);

    public string Consumer<T>() where T : class, IConsumer => rabbit.Queue(Inner.Consumer<T>());

    public string Message<T>() where T : class => rabbit.Queue(Inner.Message<T>());

    public string Saga<T>() where T : class, ISaga => rabbit.Queue(Inner.Saga<T>());

    public string ExecuteActivity<T, TArguments>() where T : class, IExecuteActivity<TArguments> where TArguments : class =>
        rabbit.Queue(Inner.ExecuteActivity<T, TArguments>());

    public string CompensateActivity<T, TLog>() where T : class, ICompensateActivity<TLog> where TLog : class =>
        rabbit.Queue(Inner.CompensateActivity<T, TLog>());

    public string SanitizeName(string name) => Inner.SanitizeName(name);
}
