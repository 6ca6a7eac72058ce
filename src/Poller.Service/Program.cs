using VideoPlatform.Poller;
using VideoPlatform.Poller.Callbacks;
using VideoPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.ListenByDefaultOn("http://127.0.0.1:5082");
builder.AddServiceDefaults();
builder.AddPoller();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProviderCallbacks();
app.Run();
