using VideoPlatform.Archiver;
using VideoPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.ListenByDefaultOn("http://127.0.0.1:5083");
builder.AddServiceDefaults();
builder.AddArchiver();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
