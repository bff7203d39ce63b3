"""``python -m service.llm.check_local``: prove the installed llama.cpp build runs the local model.

A llama.cpp built for CPU features the machine advertises but cannot use (this VM's AMX)
answers one-token prompts and crashes on longer ones, so this runs a real multi-token prompt.
`make run` calls it right after installing, so a bad build fails there, not on a user.
"""

from __future__ import annotations

import sys
from typing import Any

from service.llm.providers import default_gguf_path


def main() -> int:
    """Generate a few tokens from a multi-token prompt; exit 0 when that works."""
    from llama_cpp import Llama

    llm = Llama(model_path=str(default_gguf_path()), n_ctx=256, n_threads=2, verbose=False)
    out: Any = llm.create_completion("The capital city of France is called", max_tokens=4)
    text = str(out["choices"][0]["text"])
    print(f"llama.cpp runs the local model: {text.strip()!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
