"""The operator console: staff accounts and login, the JSON API, the live stream and the
pages. It reaches conversations only through `services.live` and `services.handoffs`."""
