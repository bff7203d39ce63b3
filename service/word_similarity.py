"""How close two lists of words are in meaning, by the service's own sentence encoder.

The answerability rules match a question's words against a sentence's by stem and verb lemma;
news often states the same relation in other words ("abducted" for "kidnapped", "cost" for a
film's "budget", "receive an initial fee" for "getting an upfront payment"). No word-vector
model ships in a package here, so each word is embedded alone by the encoder that already
embeds questions and sentences (all-MiniLM-L6-v2) and compared by cosine. Written here because
none of our libraries compares single words with a sentence encoder.

Used only as an extra condition (``slots.relation_beside`` admits a sentence by it when no word
matches), never as the only reason to trust a claim.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from service.lru import LRU

# Distinct words kept (a question brings ~3 relation words, a sentence ~16 beside its items):
# enough for the words of many questions; 384 float32 values each (~1.5 KB).
CACHE_WORDS = 20_000


class WordSimilarity:
    """The largest cosine between a word of one list and a word of the other.

    Thread-safe: word vectors are kept in a locked ``LRU``; two threads missing the same word
    embed it twice and store the same vector. ``embed`` (the encoder's ``embed_texts``) must be
    safe to call from request threads, as the service's is.
    """

    def __init__(self, embed: Callable[[list[str]], list[list[float]]]) -> None:
        self._embed = embed
        self._vectors: LRU[str, np.ndarray] = LRU(CACHE_WORDS)

    def _vectors_of(self, words: list[str]) -> dict[str, np.ndarray]:
        """Each word's unit vector; the words not kept yet are embedded in one call (a remote
        embedding server is asked once per comparison)."""
        found = {w: self._vectors.get(w) for w in words}
        missing = sorted({w for w, v in found.items() if v is None})
        if missing:
            for word, raw in zip(missing, self._embed(missing), strict=True):
                vector = np.asarray(raw, dtype=np.float32)
                norm = float(np.linalg.norm(vector))
                unit = vector / norm if norm else vector
                found[word] = unit
                self._vectors.put(word, unit)
        return {w: v for w, v in found.items() if v is not None}

    def __call__(self, first: list[str], second: list[str]) -> float:
        """The best cosine between a word of ``first`` and one of ``second``; 0.0 if either
        list is empty."""
        if not first or not second:
            return 0.0
        vectors = self._vectors_of([*first, *second])
        a = np.stack([vectors[w] for w in first])
        b = np.stack([vectors[w] for w in second])
        return float((a @ b.T).max())
