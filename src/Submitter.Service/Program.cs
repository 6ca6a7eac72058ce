using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter;

var builder = WebApplication.CreateBuilder(args);
builder.ListenByDefaultOn("http://127.0.0.1:5081");
builder.AddServiceDefaults();
builder.AddSubmitter();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
