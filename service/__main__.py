"""``python -m service``: serve the API with uvicorn."""

from __future__ import annotations

import argparse
import sys

import uvicorn

from service.answer_check import open_answer_check
from service.api.connections import bounded_http_protocol
from service.api.middleware import configure_logging
from service.app import create_app
from service.config import get_settings
from service.errors import NewsQAError
from service.index import open_index
from service.llm import make_generator
from service.store_lock import StoreLock


def main(argv: list[str] | None = None) -> int:
    """Parse options, open the index (failing fast with a clear message), serve."""
    try:
        settings = get_settings()
    except NewsQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    parser.add_argument("--host", default=settings.host, help="bind address")
    parser.add_argument("--port", type=int, default=settings.port, help="bind port")
    args = parser.parse_args(argv)
    configure_logging(settings)
    # Held until the process exits: an ingest job may not write the store under a service.
    lock = StoreLock(settings, "service")
    try:
        lock.acquire()
        index = open_index(settings)
        # Before serving, so that a provider missing its URL, key or model file is one line
        # and exit 2 here, not a traceback from uvicorn's startup.
        generator = make_generator(settings)
        # the learned answerability check's model: missing or unreadable is one line too
        check = open_answer_check(settings)
    except NewsQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    app = create_app(
        settings, index=index, generator=generator, store_lock=lock, answer_check=check
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=settings.log_level.lower(),
        log_config=None,  # our handlers (text or JSON), set above
        access_log=False,  # service.access logs one line per request, with its request id
        http=bounded_http_protocol(settings.header_timeout),
        timeout_keep_alive=settings.keep_alive_timeout,
        limit_concurrency=settings.max_connections,
        server_header=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
