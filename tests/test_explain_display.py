"""Display fixes seen by a new user: decoded byte-level tokens everywhere, an honest
next-token legend, no overlapping mask title or PCA labels, named head-summary measures."""
from __future__ import annotations

import json

import numpy as np
import pytest

from apps.explorer import figures
from core.explain import attention, logit_lens, next_token, token_display, tokenization
from core.explain.models import load_model
from core.models.sampling import SamplingParams

MOJIBAKE = ("Ġ", "Ċ", "âĢ", "Âł", "Ã")
TEXT = "She said “hello”\u00a0— naïve café\nnext line"


@pytest.fixture(scope="module")
def decoder():
    return load_model("decoder")


def test_byte_level_pieces_decode_to_the_text_they_cover(decoder):
    tok = decoder.tokenizer
    assert token_display.is_byte_level(tok) and not token_display.is_byte_level(load_model("encoder").tokenizer)
    ids = tok(TEXT, add_special_tokens=False)["input_ids"]
    pieces = tok.convert_ids_to_tokens(ids)
    assert any(m in "".join(pieces) for m in MOJIBAKE)  # the raw vocabulary really is byte stand-ins
    decoded = [token_display.decode_byte_piece(p) for p in pieces]
    if not any("‹" in d for d in decoded):  # every piece a whole character: they concatenate to the text
        assert "".join(decoded) == TEXT
    labels = token_display.labels(pieces, tok)
    assert not any(m in lab for lab in labels for m in MOJIBAKE), labels
    assert any("“" in lab for lab in labels) and any("␣" in lab for lab in labels) and "↵" in "".join(labels)
    assert token_display.piece_label("âĢ", byte_level=True) == "‹E2 80›"  # half a character: its bytes


def test_tokenization_table_logit_lens_and_cli_show_decoded_tokens(decoder, capsys):
    from core.__main__ import main

    result = tokenization.tokenize(decoder.tokenizer, TEXT)
    assert not any(m in t.label for t in result.tokens for m in MOJIBAKE)
    assert any(t.label.startswith("␣") for t in result.tokens)
    lens = logit_lens.logit_lens(decoder, TEXT, 8)
    cells = [c for row in lens.top_labels for c in row] + lens.labels
    assert not any(m in c for c in cells for m in MOJIBAKE), cells
    assert main(["attention", "--model", "decoder", "--json", "--layers", "0", "--heads", "0", TEXT]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tokens"] == token_display.labels(data["pieces"], decoder.tokenizer)
    assert "␣said" in data["tokens"] and not any("Ġ" in t for t in data["tokens"])


def test_next_token_chart_red_bars_exist_exactly_when_tokens_are_filtered(decoder):
    logits = next_token.next_logits(decoder, next_token.encode_prompt(decoder, "The capital of France is"))
    unfiltered = next_token.distribution(decoder.tokenizer, logits, SamplingParams(max_new_tokens=1, temperature=1.0), show=10)
    fig = figures.next_token_bars(unfiltered, figures.Style())
    assert not [t for t in fig.data if "removed" in t.name]
    assert "red" not in fig.layout.title.text
    filtered = next_token.distribution(decoder.tokenizer, logits, SamplingParams(max_new_tokens=1, temperature=1.0, top_k=3), show=10)
    fig = figures.next_token_bars(filtered, figures.Style())
    red = [t for t in fig.data if "removed" in t.name]
    assert len(red) == 1 and red[0].marker.color == "#d62728"
    heights = [y for y in red[0].y if y is not None]
    assert len(heights) == 7 and all(y > 0 for y in heights)  # visible bars, one per removed token
    assert "red = 7 of these removed" in fig.layout.title.text


def test_mask_labels_sit_below_and_cross_masks_name_both_axes():
    fig = figures.mask_figure(np.tril(np.ones((4, 4), bool)), list("abcd"), True, figures.Style())
    assert fig.layout.xaxis.side == "bottom"  # the title is on top: the labels must not be
    cross = figures.mask_figure(np.ones((3, 5), bool), list("xyz"), False, figures.Style(), k_labels=list("abcde"))
    assert list(cross.layout.xaxis.ticktext) == list("abcde") and list(cross.layout.yaxis.ticktext) == list("xyz")


def test_pca_labels_do_not_overlap():
    rng = np.random.default_rng(0)
    pts = np.vstack([[0, 0], [0.01, 0.005], [0.02, -0.01], rng.normal(size=(5, 2))])  # three nearly coincide
    labels = [f"S{i + 1}" for i in range(len(pts))]
    chosen = figures.label_positions(pts, labels)
    assert len(set(chosen[:3])) == 3  # the close ones get different sides
    naive = figures.label_positions.__defaults__  # same geometry as the function assumes
    w, h, char, line, marker = naive
    span = np.ptp(pts, 0)
    px = (pts - pts.min(0)) / span * [w, h]

    def box(i):
        x, y = px[i][0], h - px[i][1]
        bw = char * len(labels[i])
        vert, horiz = chosen[i].split()
        cx = x - bw / 2 if horiz == "center" else (x + marker / 2 if horiz == "right" else x - marker / 2 - bw)
        cy = y - marker / 2 - line if vert == "top" else (y + marker / 2 if vert == "bottom" else y - line / 2)
        return cx, cy, cx + bw, cy + line

    boxes = [box(i) for i in range(len(pts))]
    for i in range(len(boxes)):
        for j in range(i):
            a, b = boxes[i], boxes[j]
            assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), (i, j)


def test_head_summary_names_measures_and_explains_sinks(decoder):
    run = attention.run_attention(decoder, "The doctor told the nurse that she would be late.")
    rows = attention.head_summary(run.attentions)
    sinks = attention.sink_heads(rows)
    first = run.attentions[..., 0].mean(-1)  # [layer, head] weight on the first token, from the raw weights
    assert sinks == {(int(layer), int(head)) for layer, head in zip(*np.nonzero(first >= 0.9))}
    assert sinks, "SmolLM2 has attention-sink heads on this sentence"
    text = attention.summary_explanation(len(rows), len(sinks), run.labels[0])
    assert f"{len(sinks)} of {len(rows)} heads" in text and "attention sink" in text
    fig = figures.summary_heatmap(rows, "to_first", "t", figures.Style())
    assert fig.data[0].colorbar.title.text == "on first token"


def test_sentencepiece_and_wordpiece_labels():
    assert token_display.labels(["▁doctor", "##ing", "<b>", "</s>"]) == ["␣doctor", "##ing", "‹b›", "‹/s›"]
