"""``python -m eval QUESTIONS.jsonl [--url URL]``: score a running service on a question set."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import httpx

from eval.metrics import evaluate


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print a table (or JSON)."""
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("questions", type=Path, help="a JSONL question set (dev_qa.jsonl format)")
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running service")
    parser.add_argument("-k", type=int, default=5, help="k of evidence recall@k")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    questions = [
        json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line
    ]
    with httpx.Client(base_url=args.url, timeout=300) as client:
        try:
            client.get("/healthz").raise_for_status()
        except httpx.HTTPError as exc:
            print(
                f"error: no service at {args.url} ({exc}); start it with `make run`",
                file=sys.stderr,
            )
            return 2
        report = evaluate(client, questions, k=args.k)
    summary = report.summary()
    if args.json:
        print(
            json.dumps(
                {
                    **summary,
                    "failures": report.failures,
                    "unbacked": report.unbacked,
                    "notes": report.notes,
                }
            )
        )
    else:
        for key, value in summary.items():
            print(f"{key:24} {value}")
        for failure in report.failures:
            print(f"  - {failure}")
        for item in report.unbacked:
            print(f"  - {item['id']}: unbacked ({item['why']}): {item['sentence']}")
        for note in report.notes:
            print(f"  note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
