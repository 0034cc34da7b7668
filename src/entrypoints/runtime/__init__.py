"""Running the gateway: settings, the composition root, the CLI, servers and background tasks."""
