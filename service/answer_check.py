"""The learned answerability check: does this sentence answer this question?

A cross-encoder (all-MiniLM-L6-v2 fine-tuned on the project's own labelled question sets, int8
ONNX; shipped by the ``rag-answer-check`` package, made by ``python -m eval.answer_model``) reads
the question and one candidate sentence together and gives the probability that the sentence
states what is asked. The lexical rules of ``service.answerability`` see names, numbers and
kinds; they do not see relations ("3.97 million out of work in January" for "how many … in
February", another party's fine, another event's city). Measured on question sets it was not
trained on, the check at 0.25 refuses about two near-miss questions for each right answer it
loses (README, "Answerability"). A sentence below ``RAG_ANSWER_CHECK_THRESHOLD`` may not lead an
answer; when no eligible sentence passes, the service refuses.

Written by hand (ONNX Runtime and ``tokenizers``, as ``service.onnx_embedding``): no installed
library runs a cross-encoder without torch.

Thread-safe: ONNX Runtime's ``InferenceSession.run`` and ``Tokenizer.encode`` may be called from
many threads; the cache of probabilities is a ``service.lru.LRU`` (thread-safe).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from service.config import Settings
from service.errors import ConfigurationError
from service.lru import LRU
from service.onnx_embedding import onnx_session

if TYPE_CHECKING:
    from service.evidence import Sentence

#: Word pieces read of one question/sentence pair (as in training).
MAX_TOKENS = 160

#: The model folder's description of what the model reads (``check.json``, written by
#: ``python -m eval.answer_model train --titles`` and copied by ``export``): ``{"input":
#: "title | sentence"}`` for a model trained on the article's title before each sentence; no
#: file is the sentence alone (the first models' input, and the packaged model's).
INPUT_FILE = "check.json"
INPUTS = ("sentence", "title | sentence")


def pair_text(sentence: str, title: str, reads_title: bool) -> str:
    """The second text of the pair the model reads: ``"{title} | {sentence}"`` for a model
    trained with titles (``reads_title``; the sentence alone when its article has none),
    else the sentence. One definition for the service and the training pairs."""
    return f"{title} | {sentence}" if reads_title and title.strip() else sentence


def reads_title(model_dir: Path) -> bool:
    """Whether the model in ``model_dir`` was trained on the title before each sentence (its
    ``check.json``); a file naming another input is a ``ConfigurationError``."""
    path = model_dir / INPUT_FILE
    if not path.is_file():
        return False
    fix = (
        'write {"input": "title | sentence"} for a model trained with titles '
        "(python -m eval.answer_model train --titles), or remove the file"
    )
    try:
        described = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"{path} is not JSON ({exc}): {fix}") from exc
    kind = described.get("input") if isinstance(described, dict) else None
    if kind not in INPUTS:
        raise ConfigurationError(
            f"{path} must give an input, one of {', '.join(map(repr, INPUTS))} (got "
            f"{described!r:.80}): {fix}"
        )
    return bool(kind == "title | sentence")


def default_model_dir() -> Path:
    """The packaged model's folder; a clear error when the package is not installed."""
    try:
        import rag_answer_check
    except ImportError as exc:  # the project's set-up installs it (Makefile)
        raise ConfigurationError(
            "the answerability model is not installed: pip install ./models/answer-check "
            "(make does), or set RAG_ANSWER_CHECK_THRESHOLD=0 to answer without it"
        ) from exc
    return rag_answer_check.model_path()


class AnswerCheck:
    """``probability(question, sentence)`` from the cross-encoder; ``admits`` compares it
    with the threshold (the ``AnswerService(admit=…)`` seam), ``vouches`` with the paraphrase
    threshold (``vouch``; 0, the default here, is off: ``open_answer_check`` passes the
    setting)."""

    def __init__(
        self,
        model_dir: Path,
        threshold: float,
        cache_size: int = 4096,
        paraphrase_threshold: float = 0.0,
    ) -> None:
        from tokenizers import Tokenizer

        model, vocab = model_dir / "model.onnx", model_dir / "tokenizer.json"
        fix = (
            "set RAG_ANSWER_CHECK_PATH to a folder holding the check's model.onnx and "
            "tokenizer.json, reinstall the packaged one (pip install ./models/answer-check), "
            "or set RAG_ANSWER_CHECK_THRESHOLD=0 to answer without the check"
        )
        if not model.is_file() or not vocab.is_file():
            raise ConfigurationError(f"{model_dir} holds no model.onnx and tokenizer.json: {fix}")
        self.threshold = threshold
        self.paraphrase_threshold = paraphrase_threshold
        self.reads_title = reads_title(model_dir)
        self._cache: LRU[tuple[str, str], float] = LRU(cache_size)
        try:
            self._tokenizer = Tokenizer.from_file(str(vocab))
            self._tokenizer.enable_truncation(MAX_TOKENS)
            self._tokenizer.no_padding()
            # one inference per request thread, on that thread (see service.onnx_embedding)
            self._session: Any = onnx_session(model, 1)
            # a file that loads but is not this model's kind (other inputs or outputs) fails
            # here, at start, not on every question
            self._score("Is this the check?", "This is a sentence.")
        except Exception as exc:  # onnxruntime and tokenizers raise their own types
            raise ConfigurationError(
                f"cannot load the check from {model_dir} ({exc}): {fix}"
            ) from exc

    def probability(self, question: str, sentence: str, title: str = "") -> float:
        """The model's probability that ``sentence`` (of an article titled ``title``: read
        when the model was trained with titles) answers ``question``."""
        key = (question, pair_text(sentence, title, self.reads_title))
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        p = self._score(*key)
        self._cache.put(key, p)
        return p

    def _score(self, question: str, sentence: str) -> float:
        import numpy as np

        enc = self._tokenizer.encode(question, sentence)
        feed = {
            "input_ids": np.array([enc.ids], dtype=np.int64),
            "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([enc.type_ids], dtype=np.int64),
        }
        logit = float(self._session.run(None, feed)[0][0])
        # the logistic function, without overflow for a large negative logit
        if logit >= 0:
            return 1.0 / (1.0 + math.exp(-logit))
        return math.exp(logit) / (1.0 + math.exp(logit))

    def rates(self, question: str, sentence: Sentence) -> float:
        """``probability`` of an evidence sentence, with its article's title (the
        ``AnswerService(rate=…)`` seam)."""
        return self.probability(question, sentence.text, sentence.title)

    def admits(self, question: str, sentence: Sentence) -> bool:
        """Whether ``sentence`` may lead an answer to ``question`` (``AnswerService(admit=…)``)."""
        return self.rates(question, sentence) >= self.threshold

    @property
    def vouch(self) -> Callable[[str, Sentence], bool] | None:
        """The ``AnswerService(vouch=…)`` seam: ``vouches``, or ``None`` when the paraphrase
        threshold is 0 (off: no sentence under the coverage bar is even considered)."""
        return self.vouches if self.paraphrase_threshold > 0 else None

    def vouches(self, question: str, sentence: Sentence) -> bool:
        """Whether ``sentence``, a paraphrase covering fewer of the question's terms than
        the rules ask, may lead all the same (the ``AnswerService(vouch=…)`` seam): its
        probability reaches ``paraphrase_threshold``; never when that is 0 (off)."""
        return (
            self.paraphrase_threshold > 0
            and self.rates(question, sentence) >= self.paraphrase_threshold
        )


def open_answer_check(settings: Settings) -> AnswerCheck | None:
    """The check the settings ask for (``RAG_ANSWER_CHECK_*``); ``None`` when its threshold is
    0 (off)."""
    if settings.answer_check_threshold <= 0:
        return None
    return AnswerCheck(
        settings.answer_check_path or default_model_dir(),
        settings.answer_check_threshold,
        paraphrase_threshold=settings.answer_check_paraphrase_threshold,
    )
