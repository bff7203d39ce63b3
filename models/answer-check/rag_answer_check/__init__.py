"""The answerability cross-encoder's files (``model.onnx``, ``tokenizer.json``), shipped as a
package so that nothing downloads at run time. How they were made: ``MODEL.md``."""

from pathlib import Path

__all__ = ["model_path"]


def model_path() -> Path:
    """The folder holding ``model.onnx`` and ``tokenizer.json``."""
    return Path(__file__).parent
