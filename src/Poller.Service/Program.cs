using VideoPlatform.Poller;
using VideoPlatform.Poller.Callbacks;
using VideoPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPoller();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapProviderCallbacks();
app.Run();
