using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSubmitter();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
