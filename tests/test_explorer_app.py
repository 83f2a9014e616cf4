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
SECTIONS = ["Tokenization", "Attention", "Three variants", "Cross-attention", "Next token", "Logit lens",
            "Positional encodings", "Embeddings", "Bias probe"]


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


def _date_model_forward(text: str):
    """The shipped date model loaded directly: greedy output and its attentions."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from core.explain.models import DATE_MODEL_DIR

    tok = AutoTokenizer.from_pretrained(DATE_MODEL_DIR)
    model = AutoModelForSeq2SeqLM.from_pretrained(DATE_MODEL_DIR, attn_implementation="eager").eval()
    enc = tok(text, return_tensors="pt")
    with torch.no_grad():
        gen = model.generate(**enc, max_new_tokens=16, do_sample=False, num_beams=1)[0]
        out = model(**enc, decoder_input_ids=gen[None, :-1], output_attentions=True)
    return tok.decode(gen, skip_special_tokens=True), out


def test_three_variants_side_by_side_with_their_masks(at):
    go(at, "Three variants")
    assert [h.value for h in at.subheader] == ["Encoder", "Decoder", "Encoder–decoder"]
    figs = figures(at)
    names = [m.value[len("**Mask · "):-2] for m in at.markdown if m.value.startswith("**Mask · ")]
    masks = dict(zip(names, [arr(f["data"][0]["z"]) for f in figs if f["layout"]["title"]["text"].startswith("blue = allowed")]))
    assert len(masks) == 5
    enc = masks["self-attention mask"]
    dec = masks["causal self-attention mask"]
    assert enc.all() and enc.shape[0] == enc.shape[1]
    assert (dec == np.tril(np.ones_like(dec))).all() and dec.shape[0] > 1
    s2s_dec = masks["decoder self-attention (causal)"]
    assert (s2s_dec == np.tril(np.ones_like(s2s_dec))).all()
    cross = masks["cross-attention (output → input, all allowed)"]
    assert cross.all() and cross.shape[0] != cross.shape[1]
    text = at.text_input(key="date_text").value
    output, ref = _date_model_forward(text)
    assert output in [t.value for t in at.text]  # the encoder-decoder's answer is shown
    z = arr([f for f in figs if f["layout"]["title"]["text"] == "weights (darker = more)"][-1]["data"][0]["z"])
    np.testing.assert_allclose(z, ref.cross_attentions[-1][0].mean(0).numpy(), atol=1e-5)
    assert len([i for i in at.info if i.value.startswith("**What to notice.**")]) == 3


def test_cross_attention_alignment_per_head_average_and_step_by_step(at):
    go(at, "Cross-attention")
    at.text_input(key="date_text").set_value("July 4th, 1976").run()
    ok(at)
    _, ref = _date_model_forward("July 4th, 1976")
    cross = torch.stack([a[0] for a in ref.cross_attentions]).numpy()  # [layer, head, out, in]
    z = arr(figures(at)[0]["data"][0]["z"])
    np.testing.assert_allclose(z, cross.mean(axis=(0, 1)), atol=1e-5)  # the averaged view
    at.selectbox(key="s2s_layer").set_value(1).run()
    at.selectbox(key="s2s_head").set_value(2).run()
    ok(at)
    fig = figures(at)[0]
    assert fig["layout"]["title"]["text"].endswith("layer 1 · head 2")
    np.testing.assert_allclose(arr(fig["data"][0]["z"]), cross[1, 2], atol=1e-5)
    assert list(fig["layout"]["yaxis"]["ticktext"]) == list("1976-07-04") + ["‹/s›"]
    at.radio(key="s2s_view").set_value("Every head").run()
    ok(at)
    assert len(figures(at)[0]["data"]) == cross.shape[0] * cross.shape[1]
    at.radio(key="s2s_view").set_value("Step by step").run()
    for _ in range(4):
        at.button(key="s2s_next").click().run()
    ok(at)
    assert at.session_state["s2s_step"] == 5
    z = arr(figures(at)[0]["data"][0]["z"])
    assert np.isnan(z[5:]).all() and np.isfinite(z[:5]).all()  # rows not produced yet stay empty
    assert any("looked" in m.value and "`-`" in m.value for m in at.markdown)  # step 5 produces '-'
    assert not at.warning
    at.text_input(key="date_text").set_value("the 31st of February 2020").run()
    ok(at)  # the model copies digits into an impossible date, and the page says so
    assert "2020-02-31" in at.markdown[0].value or any("2020-02-31" in m.value for m in at.markdown)
    assert "not a real calendar date" in at.warning[0].value


def test_cross_attention_with_a_hub_style_t5_and_bad_ids(at, tmp_path):
    import shutil

    from transformers import T5Config, T5ForConditionalGeneration

    from core.models.bundled import minilm_dir

    cfg = T5Config(vocab_size=30522, d_model=32, d_ff=64, d_kv=8, num_layers=2, num_decoder_layers=2,
                   num_heads=4, decoder_start_token_id=0, pad_token_id=0, eos_token_id=102)
    T5ForConditionalGeneration(cfg).save_pretrained(tmp_path)
    for f in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        shutil.copy(minilm_dir() / f, tmp_path / f)
    go(at, "Cross-attention")
    at.radio(key="s2s_model").set_value("other").run()
    at.text_input(key="s2s_hub_id").set_value(str(tmp_path)).run()
    ok(at)
    z = arr(figures(at)[0]["data"][0]["z"])
    np.testing.assert_allclose(z.sum(1), 1.0, atol=1e-5)
    at.text_input(key="s2s_hub_id").set_value("genai-studio-tests/not-a-cached-model").run()
    assert not at.exception and "cannot be loaded here" in at.error[0].value
    at.text_input(key="s2s_hub_id").set_value(str(minilm_dir())).run()  # an encoder, not an encoder-decoder
    assert not at.exception and "encoder-decoder" in at.error[0].value


def test_head_summary_readable_names_and_sink_explanation(at):
    go(at, "Attention")
    at.radio(key="attn_model").set_value("decoder").run()
    at.radio(key="attn_view").set_value("Head summary").run()
    ok(at)
    columns = list(at.dataframe[0].value.columns)
    assert "entropy_bits" not in columns and "to_first" not in columns
    assert {"entropy (bits)", "on first token", "attention sink"} <= set(columns)
    assert any("Attention sinks." in m.value for m in at.markdown)
    assert figures(at)[0]["layout"]["title"]["text"] == "Per-head summary: entropy (bits)"


def test_tokens_are_decoded_in_tables_and_figures(at):
    at.text_input(key="text").set_value("She said “hello” to the doctor.").run()
    ok(at)
    decoder_table = at.dataframe[1].value  # Tokenization: SmolLM2's table
    assert "␣doctor" in decoder_table["token"].tolist() and "“" in "".join(decoder_table["token"])
    go(at, "Logit lens")
    cells = [c for row in figures(at)[0]["data"][0]["text"] for c in row]
    columns = list(at.dataframe[0].value.columns)
    for shown in (decoder_table["token"].tolist(), cells, columns):
        assert not any(m in t for t in shown for m in ("Ġ", "âĢ", "Âł")), shown


def test_hosted_mode_offers_no_free_text_model_id(monkeypatch):
    """In hosted mode a visitor picks among the host's models; no text reaches the Hub or a server path."""
    from core.config import reset_settings

    monkeypatch.setenv("GENAI_HOSTED", "true")
    reset_settings()
    app = AppTest.from_file(APP, default_timeout=600)
    app.run()
    ok(app)
    go(app, "Attention")
    assert all("other" not in str(o).lower() for o in app.radio(key="attn_model").options)
    go(app, "Cross-attention")
    assert all("other" not in str(o).lower() for o in app.radio(key="s2s_model").options)
    assert not [t for t in app.text_input if t.key in ("hub_id", "s2s_hub_id")]
