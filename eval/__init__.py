"""Quality evaluation over HTTP against a running service (``python -m eval``)."""
