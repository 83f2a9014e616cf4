"""The shipped encoder-decoder (assets/seq2seq-dates) and the cross-attention it shows.

Accuracy is measured on dates training never generated, in the trained forms and in the
held-out forms; the attention numbers are compared with a direct transformers forward pass
of the same folder loaded with from_pretrained (not through core.explain).
"""
from __future__ import annotations

import io
import json
import re

import numpy as np
import pytest
import torch

from core.explain.models import DATE_MODEL_DIR, load_model
from core.explain.seq2seq import alignment, translate
from core.seq2seq import dates

TEST_SEED_TRAINED, TEST_SEED_HELDOUT = 7, 8  # other surface-form draws than the benchmark's


@pytest.fixture(scope="module")
def direct():
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(DATE_MODEL_DIR)
    model = AutoModelForSeq2SeqLM.from_pretrained(DATE_MODEL_DIR, attn_implementation="eager").eval()
    return model, tok


@pytest.fixture(scope="module")
def em():
    return load_model("encoder-decoder")


def test_shipped_model_is_small_and_loads_with_from_pretrained(direct):
    model, tok = direct
    size = sum(f.stat().st_size for f in DATE_MODEL_DIR.iterdir())
    assert size <= 10 * 1024 * 1024, f"{size / 1e6:.1f} MB"
    assert model.config.is_encoder_decoder and model.config.model_type == "t5"
    assert tok.decode(tok("March 3rd, 2021")["input_ids"], skip_special_tokens=True) == "March 3rd, 2021"


def test_accuracy_on_generated_heldout_dates(direct):
    from core.seq2seq.train import predict

    model, tok = direct
    held = dates.heldout_dates()[:600]
    for forms, seed, target in ((dates.TRAINED_FORMS, TEST_SEED_TRAINED, 0.99),
                                (dates.HELDOUT_FORMS, TEST_SEED_HELDOUT, 0.90)):
        examples = dates.eval_set(forms, seed, held)
        preds = predict(model, tok, [e[1] for e in examples])
        wrong = [(e[1], p, e[2]) for e, p in zip(examples, preds) if p != e[2]]
        acc = 1 - len(wrong) / len(examples)
        assert acc >= target, (f"{acc:.3f} < {target} on {list(forms)}", wrong[:10])


def test_training_stream_never_contains_heldout_dates_or_forms():
    held = {d.isoformat() for d in dates.heldout_dates()}
    stream = dates.training_examples(0, exclude=set(dates.heldout_dates()))
    samples = [next(stream) for _ in range(20_000)]
    assert not held & {iso for _, iso in samples}
    month = "|".join(m[:3] for m in dates.MONTHS)
    heldout_patterns = [
        re.compile(rf"^({month})\w*\.? the \d", re.I),                        # March the 3rd, 2021
        re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)\w*,? \d{4}-", re.I),      # Wednesday 2021-03-03
        re.compile(r"^\d+(st|nd|rd|th) of ", re.I),                           # 3rd of March (no 'the')
    ]
    for text, _ in samples:
        assert not any(p.search(text) for p in heldout_patterns), text
        words = re.findall(r"[A-Za-z]{3,}", text)
        assert all(w.islower() or w.isupper() or w.istitle() for w in words), text  # no mIxEd case
    texts = {t for t, _ in samples}
    assert len(texts) > 15_000  # varied, not a handful of templates


def test_cross_attention_shapes_and_rows_match_a_direct_forward_pass(em, direct):
    model, tok = direct
    text = "Wednesday, the 3rd of March 2021"
    run = translate(em, text)
    assert run.output == "2021-03-03" and run.finished
    enc = tok(text, return_tensors="pt")
    with torch.no_grad():
        generated = model.generate(**enc, max_new_tokens=16, do_sample=False, num_beams=1)[0].tolist()
    assert run.output_ids == generated[1:]  # same greedy tokens as transformers' generate (minus the start)
    dec = torch.tensor([generated[:-1]])
    with torch.no_grad():
        out = model(**enc, decoder_input_ids=dec, output_attentions=True)
    ref = torch.stack([a[0] for a in out.cross_attentions]).numpy()
    L, H = model.config.num_decoder_layers, model.config.num_heads
    assert run.cross_attentions.shape == ref.shape == (L, H, len(run.output_ids), enc["input_ids"].shape[1])
    np.testing.assert_allclose(run.cross_attentions, ref, atol=1e-5)
    np.testing.assert_allclose(run.cross_attentions.sum(-1), 1.0, atol=1e-5)
    assert run.input_labels == list("Wednesday,") + ["␣"] + list("the") + ["␣"] + list("3rd") + ["␣"] + \
        list("of") + ["␣"] + list("March") + ["␣"] + list("2021") + ["‹/s›"]
    np.testing.assert_allclose(alignment(run.cross_attentions), ref.mean(axis=(0, 1)), atol=1e-6)
    np.testing.assert_allclose(alignment(run.cross_attentions, 1, 2), ref[1, 2], atol=1e-6)
    upper = np.triu(np.ones(run.decoder_attentions.shape[-2:], bool), k=1)
    assert run.decoder_attentions[..., upper].max() == 0.0


def test_year_digits_look_at_the_year(em):
    """The alignment means something: averaged over heads and layers, each year digit's
    strongest input is inside the input's year (the model's behaviour, not an assumption)."""
    for text in ("3 March 2021", "March 3rd, 1987", "the 14th of july 2063"):
        run = translate(em, text)
        year = re.search(r"\d{4}", text)
        span = range(year.start(), year.end() + 1)  # +1: a head may look one past the digit
        looked = alignment(run.cross_attentions).argmax(-1)
        assert sum(int(looked[i]) in span for i in range(4)) >= 3, (text, looked[:4])


def test_seq2seq_cli_json_and_stdin_lines(monkeypatch, capsys):
    from core.__main__ import main

    assert main(["seq2seq", "--json", "the 1st of February 1999"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"model", "input_tokens", "output", "output_tokens", "cross_attentions"} <= set(data)
    assert data["output"] == "1999-02-01"
    cross = np.array(data["cross_attentions"])
    assert cross.shape[2:] == (len(data["output_tokens"]), len(data["input_tokens"]))
    np.testing.assert_allclose(cross.sum(-1), 1.0, atol=1e-5)

    monkeypatch.setattr("sys.stdin", io.StringIO("2021/3/4\n\nDec 25, 1950\n" + "x" * 30_000 + "\n"))
    assert main(["seq2seq", "--json", "-"]) == 2  # the last line is too long: reported, others kept
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x.get("output") for x in lines[:2]] == ["2021-03-04", "1950-12-25"]
    assert "error" in lines[2] and "characters" in lines[2]["error"]

    assert main(["seq2seq", "4th of July 1976"]) == 0
    plain = capsys.readouterr().out
    assert plain.startswith("1976-07-04") and "looked at most" in plain


def test_attention_cli_encoder_decoder_uses_the_date_model(capsys):
    from core.__main__ import main

    assert main(["attention", "--model", "encoder-decoder", "--json", "5 May 2005"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decoder_tokens"][1:] == list("2005-05-05")  # the model's own greedy output
    assert np.array(data["cross_attentions"]).shape[2:] == (11, len(data["tokens"]))
    assert main(["attention", "--model", "encoder-decoder", "5 May 2005"]) == 0
    assert "cross_attentions: [2, 4, 11, 11]" in capsys.readouterr().out


def test_a_hub_style_t5_goes_through_the_same_views(tmp_path):
    """A tiny random T5 in a local folder stands in for t5-small (no Hub here)."""
    import shutil

    from transformers import T5Config, T5ForConditionalGeneration

    from core.models.bundled import minilm_dir

    cfg = T5Config(vocab_size=30522, d_model=32, d_ff=64, d_kv=8, num_layers=2, num_decoder_layers=3,
                   num_heads=4, decoder_start_token_id=0, pad_token_id=0, eos_token_id=102)
    torch.manual_seed(0)
    T5ForConditionalGeneration(cfg).save_pretrained(tmp_path)
    for f in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        shutil.copy(minilm_dir() / f, tmp_path / f)
    run = translate(load_model(str(tmp_path)), "translate English to German: the house", max_new_tokens=5)
    assert run.cross_attentions.shape == (3, 4, len(run.output_ids), len(run.input_ids))
    assert 1 <= len(run.output_ids) <= 5
    np.testing.assert_allclose(run.cross_attentions.sum(-1), 1.0, atol=1e-5)
    with pytest.raises(ValueError, match="encoder-decoder"):
        translate(load_model("encoder"), "3 March 2021")
