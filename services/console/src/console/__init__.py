"""kopmod console: server-rendered pages for people, talking to the services' public APIs."""
