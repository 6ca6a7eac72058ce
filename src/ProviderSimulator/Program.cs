using ProviderSimulator;

SimulatorApp.Create(args).Run();
