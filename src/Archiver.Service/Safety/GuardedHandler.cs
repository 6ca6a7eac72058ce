using System.Net.Sockets;

namespace VideoPlatform.Archiver.Safety;

/// <summary>The archiver's HTTP handler: connects only to addresses the <see cref="SourcePolicy"/> allows.</summary>
public static class GuardedHandler
{
    public static SocketsHttpHandler Create(SourcePolicy policy) => new()
    {
        // Redirects are followed by the downloader, which checks every hop before requesting it.
        AllowAutoRedirect = false,
        // Through a proxy the checked address would be the proxy's, not the one finally reached.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var endpoint = context.DnsEndPoint;
            var addresses = await policy.ResolveAsync(endpoint.Host, endpoint.Port, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
