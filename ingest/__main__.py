"""``python -m ingest [PATH ...]``: clean, chunk, embed and index articles in Chroma."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from service.config import Settings, get_settings
from service.embeddings import prepare_query_model
from service.errors import NewsQAError
from service.index import open_index
from service.ingestion.pipeline import IngestJob
from service.store_lock import StoreLock


def build_parser(settings: Settings) -> argparse.ArgumentParser:
    """The command-line interface of the ingest job."""
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Clean, chunk, embed and index news articles in Chroma.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help=f"files or folders to ingest (default: {settings.articles_dir})",
    )
    parser.add_argument(
        "--prune", action="store_true", help="remove documents whose source files are gone"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON summary line and nothing else"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="drop the collections and build them anew"
    )
    return parser


def quiet_openmp_threads() -> None:
    """Make torch's OpenMP threads sleep, not spin, while they wait for work.

    By default a thread that finishes its part of an operation spins for its next one; when the
    cores are shared (with the service, an evaluation, another job) a spinning thread burns the
    time slice that the thread it waits for needs. Measured on this 2-core machine at load 6:
    embedding with torch's 2 threads went from 20 to 34 chunks per CPU second (and sentences from
    75-160 to 330 per CPU second) with ``OMP_WAIT_POLICY=PASSIVE``. libgomp reads it once, when
    torch is imported, so this runs first; a value set in the environment wins.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def main(argv: list[str] | None = None) -> int:
    """Run the ingest job; returns the process exit code."""
    quiet_openmp_threads()
    try:
        settings = get_settings()
    except NewsQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args = build_parser(settings).parse_args(argv)
    logging.basicConfig(
        level=settings.log_level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    paths = args.paths or [settings.articles_dir]
    progress = not args.json and sys.stderr.isatty()
    # A path that is not there is a mistake in the command (a typo in a cron line), not a bad
    # file to skip: refuse the run before anything is written.
    for given in paths:
        try:
            Path(given).lstat()  # (a broken link is the job's to skip, with its reason)
        except FileNotFoundError:
            print(f"error: no such file or folder: {given}", file=sys.stderr)
            return 2
        except OSError as exc:  # (a folder on the way that may not be read: EACCES)
            print(f"error: cannot read {given}: {exc.strerror}", file=sys.stderr)
            return 2
    try:
        with StoreLock(settings, "ingest"):
            index = open_index(settings, for_writing=True, rebuild=args.rebuild)
            summary = IngestJob(settings, index, progress=progress).run(paths, prune=args.prune)
    except NewsQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        prepare_query_model(settings)  # so that the service starts without importing torch
    except Exception as exc:  # the index is complete; the service can still export it itself
        print(f"warning: the service's ONNX model was not exported: {exc}", file=sys.stderr)
    if args.json:
        print(summary.to_json())
    else:
        print(
            f"{summary.documents} documents, {summary.chunks} chunks in the index: "
            f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged, "
            f"{summary.deleted} deleted, {summary.skipped} skipped, "
            f"{summary.duplicates} duplicates; {summary.embedded} chunks embedded in "
            f"{summary.seconds:.1f} s ({summary.chunks_per_second} chunks/s)"
        )
        if summary.orphans_deleted:
            print(f"  pruned {summary.orphans_deleted} chunks that had no document record")
        for skipped in summary.skipped_files:
            print(f"  skipped {skipped['source']}: {skipped['reason']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
