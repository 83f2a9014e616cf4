"""The explorer app driven through Streamlit's AppTest: every section, every attention view.

Figures are read back from the plotly JSON the app sends to the browser and compared
with a direct transformers forward pass, so a figure drawing the wrong head fails.
"""
from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "apps" / "explorer" / "app.py")
SECTIONS = ["Tokenization", "Attention", "Next token", "Logit lens", "Positional encodings", "Embeddings", "Bias probe"]


@pytest.fixture
def at():
    app = AppTest.from_file(APP, default_timeout=600)
    app.run()
    assert not app.exception
    return app


def figures(app) -> list[dict]:
    return [json.loads(el.proto.spec) for el in app.get("plotly_chart")]


def arr(value) -> np.ndarray:
    """A plotly JSON array: a plain list, or plotly's typed array {dtype, bdata, shape}."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = [int(x) for x in str(value.get("shape", len(flat))).split(",")]
        return flat.reshape(shape).astype(float)
    return np.array(value, dtype=float)


def titles(app) -> list[str]:
    return [f["layout"].get("title", {}).get("text", "") for f in figures(app)]


def ok(app):
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]


def go(app, section):
    app.sidebar.radio(key="section").set_value(section).run()
    ok(app)


def test_every_section_renders_with_figures(at):
    for section in SECTIONS:
        go(at, section)
        if section == "Tokenization":
            assert len(at.dataframe) == 2 and at.metric
        else:
            assert figures(at), f"{section} has no figure"
    at.sidebar.toggle(key="presentation").set_value(True).run()  # large fonts everywhere
    at.sidebar.radio(key="export_format").set_value("svg").run()
    ok(at)
    fig_el = at.get("plotly_chart")[0].proto
    assert json.loads(fig_el.config)["toImageButtonOptions"]["format"] == "svg"
    assert figures(at)[0]["layout"]["font"]["size"] == 22


def test_head_view_shows_the_chosen_head_of_a_direct_forward_pass(at):
    from transformers import AutoModel, AutoTokenizer

    from core.models.bundled import minilm_dir

    go(at, "Attention")
    at.selectbox(key="layer").set_value(3).run()
    at.selectbox(key="head").set_value(5).run()
    ok(at)
    fig = figures(at)[0]
    assert fig["layout"]["title"]["text"].startswith("Layer 3 · head 5")
    text = at.text_input(key="text").value
    tok = AutoTokenizer.from_pretrained(minilm_dir())
    model = AutoModel.from_pretrained(minilm_dir(), attn_implementation="eager").eval()
    with torch.no_grad():
        ref = model(**tok(text, return_tensors="pt"), output_attentions=True).attentions[3][0, 5].numpy()
    z = arr(fig["data"][0]["z"])
    assert np.abs(z - ref).max() <= 1e-5
    at.radio(key="head_style").set_value("Lines").run()
    ok(at)
    assert figures(at)[0]["data"][0]["mode"] == "lines"


def test_decoder_views_mask_summary_and_model_view(at):
    go(at, "Attention")
    at.radio(key="attn_model").set_value("decoder").run()
    ok(at)
    fig = figures(at)[0]
    z = arr(fig["data"][0]["z"])
    assert np.isnan(z[np.triu_indices(len(z), 1)]).all()  # the causal mask is drawn (masked = blank)
    assert "grey = masked" in fig["layout"]["title"]["text"]
    for view in ("Model view", "Mask", "Head summary"):
        at.radio(key="attn_view").set_value(view).run()
        ok(at)
        assert figures(at)
    at.radio(key="attn_view").set_value("Mask").run()
    assert "causal" in titles(at)[0]
    at.radio(key="attn_view").set_value("Model view").run()
    at.multiselect(key="mv_layers").set_value([0, 29]).run()
    at.multiselect(key="mv_heads").set_value([1, 2, 3]).run()
    ok(at)
    points = [t for t in figures(at)[0]["data"] if t["type"] == "scatter"][0]["customdata"]
    assert sorted(points) == [[0, 1], [0, 2], [0, 3], [29, 1], [29, 2], [29, 3]]


def test_bad_inputs_give_clear_errors_and_the_app_keeps_serving(at):
    go(at, "Attention")
    at.text_input(key="text").set_value("   ").run()
    assert not at.exception and "empty" in at.error[0].value
    at.text_input(key="text").set_value("word " * 700).run()
    assert not at.exception and "at most 512 tokens" in at.error[0].value
    at.text_input(key="text").set_value("A short sentence again.").run()
    ok(at)
    at.radio(key="attn_model").set_value("other").run()
    at.text_input(key="hub_id").set_value("genai-studio-tests/not-a-cached-model").run()
    assert not at.exception and "cannot be loaded here" in at.error[0].value
    go(at, "Embeddings")
    at.text_area(key="sentences").set_value("just one").run()
    assert not at.exception and "at least two" in at.error[0].value
    go(at, "Bias probe")
    at.text_area(key="probes").set_value("The doctor said that | he\n").run()
    assert not at.exception and "line 1" in at.error[0].value


def test_next_token_filters_and_step_by_step_generation(at):
    go(at, "Next token")
    at.number_input(key="top_k").set_value(3).run()
    ok(at)
    table = at.dataframe[0].value
    assert table["kept by top-k"].tolist()[:4] == [True, True, True, False]
    assert table["p (sampled from)"].iloc[3] == 0 and abs(table["p (sampled from)"].sum() - 1) < 1e-3
    at.button(key="sample_btn").click().run()
    ok(at)
    first = list(at.session_state["gen_ids"])
    assert len(first) == 1
    at.button(key="reset_btn").click().run()
    at.button(key="sample_btn").click().run()
    assert list(at.session_state["gen_ids"]) == first  # same seed, same step: same token
    at.selectbox(key="pick").set_value(1).run()
    at.button(key="pick_btn").click().run()
    assert len(at.session_state["gen_ids"]) == 2
    at.button(key="undo_btn").click().run()
    assert len(at.session_state["gen_ids"]) == 1
    at.slider(key="temperature").set_value(0.0).run()
    ok(at)
    assert at.dataframe[0].value["p (sampled from)"].iloc[0] == 1.0


def test_logit_lens_positional_embeddings_controls(at):
    go(at, "Logit lens")
    at.slider(key="lens_positions").set_value(8).run()
    at.select_slider(key="lens_every").set_value(5).run()
    ok(at)
    fig = figures(at)[0]
    assert arr(fig["data"][0]["z"]).shape == (7, 8)  # embed, 5, 10, ..., 30 x the last 8 positions
    go(at, "Positional encodings")
    at.select_slider(key="pe_dim").set_value(32).run()
    at.slider(key="rope_dist").set_value(100).run()
    ok(at)
    assert any("RoPE" in h.value for h in at.subheader)
    go(at, "Embeddings")
    at.radio(key="pca_level").set_value("tokens").run()
    ok(at)


def test_encoder_decoder_model_shows_cross_attention(at, tmp_path):
    """A tiny random T5 in a local folder stands in for t5-small (no Hub here)."""
    import shutil

    from transformers import T5Config, T5ForConditionalGeneration

    from core.models.bundled import minilm_dir

    cfg = T5Config(vocab_size=30522, d_model=32, d_ff=64, d_kv=8, num_layers=2, num_decoder_layers=2,
                   num_heads=4, decoder_start_token_id=0, pad_token_id=0, eos_token_id=102)
    T5ForConditionalGeneration(cfg).save_pretrained(tmp_path)
    for f in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        shutil.copy(minilm_dir() / f, tmp_path / f)
    go(at, "Attention")
    at.radio(key="attn_model").set_value("other").run()
    at.text_input(key="hub_id").set_value(str(tmp_path)).run()
    at.text_input(key="target").set_value("a translation").run()
    ok(at)
    at.radio(key="attn_kind").set_value("cross-attention").run()
    ok(at)
    z = arr(figures(at)[0]["data"][0]["z"])
    n_enc = len(at.text_input(key="text").value.split())  # WordPiece: at least one token per word
    assert z.shape[0] == 3 and z.shape[1] >= n_enc  # (decoder start, 'a', 'translation') x encoder tokens
    np.testing.assert_allclose(z.sum(1), 1.0, atol=1e-5)


def test_hostile_text_is_shown_not_interpreted(at):
    hostile = "<b>bold</b> <script>alert(1)</script> <|im_start|>"
    at.text_input(key="text").set_value(hostile).run()
    ok(at)  # tokenization section: the chips are escaped HTML
    assert all("<script>" not in m.value for m in at.markdown)
    go(at, "Attention")
    at.radio(key="attn_model").set_value("decoder").run()
    ok(at)
    ticks = figures(at)[0]["layout"]["yaxis"]["ticktext"]
    assert "‹|im_start|›" in ticks and not any("<" in t for t in ticks)
