"""Transformer explorer: look inside real pretrained models, one concept per section.

Run: streamlit run apps/explorer/app.py
Layout and wiring only; every number comes from core.explain. Models and forward passes
are cached with st.cache_resource (shared by every session, read-only afterwards), so
changing a layer, a head or a sampling knob re-draws without re-running the model.
"""
from __future__ import annotations

import dataclasses
import html

import numpy as np
import pandas as pd
import streamlit as st

from apps.explorer import figures, highlight
from core.config import get_settings
from core.explain import attention as attn
from core.explain import bias_probe, embeddings_view, logit_lens, next_token, positional, seq2seq, tokenization, variants
from core.explain.models import DECODER, ENCODER, ENCODER_DECODER, load_model
from core.hosting.mode import is_hosted
from core.models.hub import ModelUnavailable
from core.models.sampling import SamplingParams
from core.seq2seq import dates

SECTIONS = ["Tokenization", "Attention", "Three variants", "Cross-attention", "Next token", "Logit lens",
            "Positional encodings", "Embeddings", "Bias probe"]
DATE_SECTIONS = {"Three variants", "Cross-attention"}  # the encoder-decoder here reads dates
DEFAULT_TEXT = "The doctor told the nurse that she would be late for the unbelievably long meeting."
DEFAULT_DATE_TEXT = "Wednesday, the 3rd of March 2021"
DEFAULT_SENTENCES = "\n".join([
    "A cat is sleeping on the sofa.",
    "A kitten naps on the couch.",
    "The stock market fell sharply today.",
    "Shares dropped as investors panicked.",
    "I love eating fresh pasta.",
    "Homemade noodles are my favourite food.",
])
MODEL_LABELS = {ENCODER: "Encoder · all-MiniLM-L6-v2 (bidirectional)",
                DECODER: "Decoder · SmolLM2-135M (causal)",
                ENCODER_DECODER: "Encoder–decoder · date T5 (trained here)",
                "other": "Other Hugging Face id…"}
SEQ2SEQ_LABELS = {ENCODER_DECODER: "Date T5 (trained here: dates → ISO 8601)",
                  "other": "Other encoder–decoder (Hugging Face id or local folder, e.g. t5-small)"}
USER_ERRORS = (ValueError, ModelUnavailable, OSError)
# Hosted mode: a visitor's text never names a model id or a server folder to load (docs/hosting.md).
HOSTED = is_hosted(get_settings())
if HOSTED:
    MODEL_LABELS.pop("other")
    SEQ2SEQ_LABELS.pop("other")

st.set_page_config(page_title="Transformer explorer", page_icon="🔍", layout="wide")
st.set_option("client.toolbarMode", "minimal")  # a teaching app: no Deploy button or developer menu


# ---------------------------------------------------------------- cached computation
@st.cache_resource(show_spinner="Loading the model (first time only)…")
def get_model(name: str):
    return load_model(name)


@st.cache_resource(max_entries=8, show_spinner="Running the model…")
def get_attention(name: str, text: str, target: str):
    return attn.run_attention(get_model(name), text, target=target)


@st.cache_resource(max_entries=16, show_spinner="Decoding…")
def get_translation(name: str, text: str):
    return seq2seq.translate(get_model(name), text)


@st.cache_resource(max_entries=8, show_spinner="Running the three models…")
def get_variants(text: str):
    return variants.three_variants(get_model(ENCODER), get_model(DECODER), get_model(ENCODER_DECODER), text)


@st.cache_resource(max_entries=8, show_spinner=False)
def get_summary(name: str, text: str, target: str, which: str):
    return attn.head_summary(_pick(get_attention(name, text, target), which)[0])


@st.cache_resource(max_entries=64, show_spinner=False)
def get_logits(ids: tuple[int, ...]):
    return next_token.next_logits(get_model(DECODER), list(ids))


@st.cache_resource(max_entries=8, show_spinner="Reading every layer…")
def get_lens(text: str, positions: int):
    return logit_lens.logit_lens(get_model(DECODER), text, positions)


@st.cache_resource(max_entries=8, show_spinner="Embedding…")
def get_embedded(sentences: tuple[str, ...]):
    return embeddings_view.embed(get_model(ENCODER), list(sentences))


@st.cache_resource(max_entries=256, show_spinner=False)
def get_probes(probes: tuple[tuple[str, tuple[str, ...]], ...]):
    return bias_probe.run_probes(get_model(DECODER), [bias_probe.Probe(p, list(o)) for p, o in probes])


# ---------------------------------------------------------------- page furniture
def sidebar() -> tuple[str, figures.Style, str]:
    st.sidebar.title("Transformer explorer")
    section = st.sidebar.radio("Section", SECTIONS, key="section")
    presentation = st.sidebar.toggle("Presentation mode (large fonts)", key="presentation")
    fmt = st.sidebar.radio("Figure download format (camera icon on each figure)", ["png", "svg"],
                           horizontal=True, key="export_format",
                           help="SVG is vector: sharp on any slide size. PNG downloads at 2x (3x in presentation mode).")
    st.sidebar.caption("Models ship with the suite and run on this machine's CPU: "
                       "SmolLM2-135M-Instruct (decoder), all-MiniLM-L6-v2 (encoder) and a small T5 "
                       "trained here to normalise dates (encoder–decoder).")
    if presentation:
        st.markdown("""<style>
            .stApp p, .stApp li, .stApp label, .stApp [data-testid="stMarkdownContainer"] p,
            .stApp input, .stApp textarea { font-size: 1.45rem !important; }
            .stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricValue"] p { font-size: 3rem !important; }
            [data-testid="stMain"] h1 { font-size: 3.4rem !important; }
            [data-testid="stMain"] h2 { font-size: 2.6rem !important; }
            [data-testid="stMain"] h3 { font-size: 2rem !important; }
            .tok { font-size: 1.7rem !important; }
            </style>""", unsafe_allow_html=True)
    return section, figures.Style(presentation), fmt


def show(fig, name: str, fmt: str, style: figures.Style, **kw):
    return st.plotly_chart(fig, theme=None, config=figures.export_config(fmt, name, style.presentation), **kw)


def token_strip(toks: list[tokenization.Token]) -> str:
    """Tokens as coloured chips; special tokens outlined, word continuations joined."""
    chips = []
    for i, t in enumerate(toks):
        label = html.escape(t.label)
        cls = "special" if t.special else ("sub" if t.subword else f"c{i % 2}")
        chips.append(f'<span class="tok {cls}" title="id {t.id} · vocabulary entry {html.escape(t.piece)}">'
                     f'{label}<sub>{t.id}</sub></span>')
    return ("""<style>
        .tok { display:inline-block; margin:3px 2px; padding:4px 8px; border-radius:6px; font-family:monospace;
               font-size:1.15rem; line-height:1.9; }
        .tok sub { font-size:0.6em; opacity:.65; margin-left:3px; }
        .tok.c0 { background:#dbe8ff; } .tok.c1 { background:#ffe6c7; }
        .tok.sub { background:#e4f5dc; border-left:3px solid #4c9a2a; }
        .tok.special { background:#f3f3f3; border:2px dashed #888; color:#444; }
        </style>""" + "".join(chips))


# ---------------------------------------------------------------- sections
def section_tokenization(text: str, style, fmt):
    st.header("1 · Tokenization")
    st.write("A model never sees characters: the tokenizer cuts the text into vocabulary pieces and "
             "maps each to an id. The two models below cut the same sentence differently.")
    cols = st.columns(2)
    for col, name, blurb in [(cols[0], ENCODER, "WordPiece: `##` marks a piece that continues a word; "
                                                  "[CLS]/[SEP] are added special tokens."),
                             (cols[1], DECODER, "Byte-level BPE: `␣` is a leading space, "
                                                  "so words carry their space; no special tokens added. "
                                                  "Pieces are shown decoded (the vocabulary stores bytes).")]:
        em = get_model(name)
        result = tokenization.tokenize(em.tokenizer, text, em.name)
        with col:
            st.subheader(em.name)
            st.caption(blurb)
            c = result.counts
            m = st.columns(4)
            m[0].metric("tokens", c["tokens"])
            m[1].metric("special", c["special"])
            m[2].metric("word pieces", c["subword_continuations"])
            m[3].metric("chars / token", f"{c['characters'] / max(1, c['tokens']):.1f}")
            st.markdown(token_strip(result.tokens), unsafe_allow_html=True)
            st.dataframe(pd.DataFrame([{"#": i, "token": t.label, "id": t.id, "covers": t.text,
                                        "special": t.special, "continues word": t.subword}
                                       for i, t in enumerate(result.tokens)]),
                         hide_index=True, height=min(400, 38 + 35 * len(result.tokens)))


def _pick(run, which: str):
    """(weights [L,H,Q,K], query labels, key labels, mask or None) for the chosen attention kind."""
    enc_labels = run.labels
    if which == "decoder self-attention":
        dec = run.decoder_labels
        return run.decoder_attentions, dec, dec, np.tril(np.ones((len(dec), len(dec)), bool))
    if which == "cross-attention":
        return run.cross_attentions, run.decoder_labels, enc_labels, None
    return run.attentions, enc_labels, enc_labels, run.mask


def _apply_model_view_click(L: int, H: int):
    """A click on a model-view thumbnail opens that layer/head in the head view."""
    event = st.session_state.get("model_view")
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if not points:
        return
    data = points[0].get("customdata")
    if not data or st.session_state.get("_mv_seen") == data:
        return
    st.session_state["_mv_seen"] = data
    layer, head = int(data[0]), int(data[1])
    if 0 <= layer < L and 0 <= head < H:
        st.session_state["layer"], st.session_state["head"] = layer, head
        st.session_state["attn_view"] = "Head view"


def section_attention(text: str, style, fmt):
    st.header("2 · Attention")
    choice = st.radio("Model", list(MODEL_LABELS), format_func=MODEL_LABELS.get, horizontal=True, key="attn_model")
    name, target = choice, ""
    if choice == "other":
        name = st.text_input("Hugging Face model id or local folder (e.g. t5-small, gpt2)", key="hub_id").strip()
        target = st.text_input("Decoder text (encoder-decoder models only)", key="target")
        if not name:
            st.info("Type a model id. Offline, only the two bundled models are available.")
            return
    if choice == ENCODER_DECODER:
        st.caption("The date model was trained on dates only: on other text its output means nothing, but its "
                   "attention is still real. The decoder side reads the model's own output. The Three variants "
                   "and Cross-attention sections show it on a date.")
    run = get_attention(name, text, target)
    kinds = ["self-attention"]
    if run.kind == ENCODER_DECODER:
        kinds = ["self-attention", "decoder self-attention", "cross-attention"]
    which = st.radio("Attention", kinds, horizontal=True, key="attn_kind") if len(kinds) > 1 else kinds[0]
    weights, q_labels, k_labels, mask = _pick(run, which)
    L, H, Q, K = weights.shape
    st.caption(f"**{run.model}** ({run.kind}) · {Q} query × {K} key tokens · {L} layers × {H} heads · "
               f"at most {attn.MAX_TOKENS} tokens per input")
    _apply_model_view_click(L, H)
    for key, n in (("layer", L), ("head", H)):
        if st.session_state.get(key, 0) >= n:
            st.session_state[key] = 0
    view = st.radio("View", ["Head view", "Model view", "Mask", "Head summary"], horizontal=True, key="attn_view")

    if view == "Head view":
        c1, c2, c3 = st.columns([1, 1, 2])
        layer = c1.selectbox("Layer", range(L), key="layer")
        head = c2.selectbox("Head", range(H), key="head")
        too_many = max(Q, K) > figures.LINES_MAX_TOKENS
        style_choice = c3.radio("Draw as", ["Heatmap", "Lines"], horizontal=True, key="head_style",
                                disabled=too_many,
                                help=f"Lines are readable up to {figures.LINES_MAX_TOKENS} tokens; longer inputs use the heatmap.")
        title = f"Layer {layer} · head {head}" + (" (grey = masked: a token cannot see later tokens)"
                                                  if mask is not None and not mask.all() else "")
        if style_choice == "Lines" and not too_many:
            fig = figures.head_lines(weights[layer, head], q_labels, k_labels, title, style)
        else:
            fig = figures.head_heatmap(weights[layer, head], q_labels, k_labels, mask, title, style)
        show(fig, f"attention-L{layer}-H{head}", fmt, style, key="head_fig")
        row = get_summary(name, text, target, which)[layer * H + head]
        m = st.columns(3)
        m[0].metric("mean entropy", f"{row['entropy_bits']:.2f} bits", help="0 = always one token; high = spread out")
        m[1].metric("on previous token", f"{row['to_previous']:.2f}")
        m[2].metric("on first token", f"{row['to_first']:.2f}",
                    help="About 1.0 means an attention sink: the head parks its weight on the first token "
                         "because it has nothing to do here (see Head summary).")
    elif view == "Model view":
        c1, c2 = st.columns(2)
        layers = c1.multiselect("Layers shown", list(range(L)), default=list(range(L)), key="mv_layers")
        heads = c2.multiselect("Heads shown", list(range(H)), default=list(range(H)), key="mv_heads")
        if not layers or not heads:
            st.warning("Pick at least one layer and one head.")
            return
        st.caption("Click a thumbnail to open that head. Long inputs are averaged into "
                   f"{figures.THUMB}×{figures.THUMB} blocks so the grid stays responsive.")
        show(figures.model_view(weights, sorted(layers), sorted(heads), style), "attention-model-view", fmt, style,
             key="model_view", on_select="rerun", selection_mode="points")
    elif view == "Mask":
        m = mask if mask is not None else np.ones((Q, K), bool)
        causal = mask is not None and not mask.all()
        st.write("The mask decides which tokens a query may attend to at all. An encoder reads the whole "
                 "sentence in both directions; a decoder predicts the next token, so it must not see the future.")
        show(figures.mask_figure(m, k_labels, causal, style), "attention-mask", fmt, style)
    else:
        names = figures.SUMMARY_METRICS
        metric = st.radio("Metric", list(names), horizontal=True, key="summary_metric", format_func=names.get)
        rows = get_summary(name, text, target, which)
        show(figures.summary_heatmap(rows, metric, f"Per-head summary: {names[metric]}", style),
             f"attention-summary-{metric}", fmt, style)
        sinks = attn.sink_heads(rows)
        st.markdown(attn.summary_explanation(len(rows), len(sinks), k_labels[0] if k_labels else ""))
        df = pd.DataFrame(rows).sort_values(metric, ascending=metric == "entropy_bits")
        df["attention sink"] = [(r["layer"], r["head"]) in sinks for r in df.to_dict("records")]
        st.dataframe(df.rename(columns=names).round(3), hide_index=True, height=300)


VARIANT_TITLES = {ENCODER: "Encoder", DECODER: "Decoder", ENCODER_DECODER: "Encoder–decoder"}


def section_variants(text: str, style, fmt):
    st.header("3 · Three variants, one input")
    st.write("The same attention mechanism, three wirings. What differs is *who may attend to whom* — the mask — "
             "and what the model produces. Each model below is real and runs on this input; the attention shown "
             "is its last layer, averaged over heads.")
    columns = st.columns(3)
    for col, v in zip(columns, get_variants(text)):
        with col:
            st.subheader(VARIANT_TITLES[v.kind])
            st.caption(f"**{v.model}** · {v.what}")
            st.markdown("**Output:**")
            st.text(v.output)  # model output is shown as text, never as markup
            for i, m in enumerate(v.masks):  # a third of the page: short figure titles, the name above
                causal = not m.mask.all()
                st.markdown(f"**Mask · {m.name}**")
                show(figures.mask_figure(m.mask, m.query_labels, causal, style, k_labels=m.key_labels,
                                         title="blue = allowed, grey = masked", height=360, max_ticks=20),
                     f"mask-{v.kind}-{i}", fmt, style, key=f"variant_mask_{v.kind}_{i}")
            st.markdown(f"**Attention · {v.attention_title}**")
            mask = np.tril(np.ones(v.attention.shape, bool)) if v.kind == DECODER else None
            show(figures.head_heatmap(v.attention, v.query_labels, v.key_labels, mask, "weights (darker = more)", style),
                 f"attention-{v.kind}", fmt, style, key=f"variant_att_{v.kind}")
            st.info(f"**What to notice.** {v.notice}")


def _s2s_model() -> str:
    choice = st.radio("Model", list(SEQ2SEQ_LABELS), format_func=SEQ2SEQ_LABELS.get, horizontal=True, key="s2s_model")
    if choice != "other":
        return choice
    return st.text_input("Hugging Face id or local folder of an encoder–decoder (e.g. t5-small)", key="s2s_hub_id").strip()


def _layer_head(L: int, H: int) -> tuple[int | None, int | None]:
    for key, n in (("s2s_layer", L), ("s2s_head", H)):
        if st.session_state.get(key, -1) >= n:
            st.session_state[key] = -1
    c1, c2 = st.columns(2)
    layer = c1.selectbox("Decoder layer", [-1, *range(L)], key="s2s_layer",
                         format_func=lambda x: "all layers (mean)" if x < 0 else f"layer {x}")
    head = c2.selectbox("Head", [-1, *range(H)], key="s2s_head", disabled=layer < 0,
                        format_func=lambda x: "all heads (mean)" if x < 0 else f"head {x}")
    return (None if layer < 0 else layer), (None if layer < 0 or head < 0 else head)


def _step(delta: int, n: int):
    st.session_state["s2s_step"] = min(n, max(1, st.session_state.get("s2s_step", 1) + delta))


def section_cross_attention(text: str, style, fmt):
    st.header("4 · Cross-attention: where each output token looked")
    st.write("An encoder–decoder reads the input once (encoder), then writes the output one token at a time "
             "(decoder). At every step, cross-attention lets the decoder look back at the input: each output "
             "token spreads a total weight of 1 over the input tokens. The date model below was trained here "
             "(a small T5, one token per character).")
    name = _s2s_model()
    if not name:
        st.info("Type a model id. Offline, only the bundled date model is available.")
        return
    run = get_translation(name, text)
    st.markdown(f"<div style='font-size:{1.9 if style.presentation else 1.35}rem; padding:.6rem 1rem; "
                f"background:#f5f7fb; border-radius:8px'>{html.escape(text)} &nbsp;→&nbsp; "
                f"<b style='color:#1f4e9c'>{html.escape(run.output) or '∅'}</b></div>", unsafe_allow_html=True)
    if not run.finished:
        st.warning(f"The model did not finish within {seq2seq.MAX_NEW_TOKENS} tokens; the output is cut there.")
    elif name == ENCODER_DECODER and not dates.is_real_date(run.output):
        st.warning(f"{run.output!r} is not a real calendar date: the model maps characters to characters and "
                   "never learned the calendar (or the input was not a date it was trained on).")
    cross = run.cross_attentions
    L, H, n_out, n_in = cross.shape
    st.caption(f"**{run.model}** · {n_in} input × {n_out} output tokens · {L} decoder layers × {H} heads")
    view = st.radio("View", ["Alignment", "Every head", "Step by step"], horizontal=True, key="s2s_view")
    if view == "Every head":
        show(figures.alignment_grid(cross, run.output_labels, run.input_labels, style), "cross-attention-grid",
             fmt, style, key="s2s_grid")
        st.info("**What to notice.** Heads specialise. Some align sharply — one bright cell per row, "
                "marching through the input as the output advances — others spread their weight or park "
                "it on one position (often the final ‹/s›). The averaged view hides this; pick a sharp "
                "head in the Alignment view to read it alone.")
        return
    layer, head = _layer_head(L, H)
    matrix = seq2seq.alignment(cross, layer, head)
    which = "all layers and heads (mean)" if layer is None else \
        (f"layer {layer}, mean of heads" if head is None else f"layer {layer} · head {head}")
    if view == "Alignment":
        show(figures.alignment_heatmap(matrix, run.output_labels, run.input_labels,
                                       f"Cross-attention alignment: {which}", style), "cross-attention", fmt, style,
             key="s2s_alignment")
        looked = seq2seq.strongest_inputs(matrix)
        st.dataframe(pd.DataFrame([{"output token": o, "p (model)": round(p, 4),
                                    "looked at most": run.input_labels[i], "weight": round(float(matrix[t, i]), 3)}
                                   for t, (o, p, i) in enumerate(zip(run.output_labels, run.output_probs, looked))]),
                     hide_index=True, height=min(420, 38 + 35 * n_out))
        st.info("**What to notice.** Read it row by row: each row is one output token and sums to 1. "
                "For a date, the year digits look at the year in the input and the day digits at the day "
                "(or its ordinal), whatever order the input used; the month digits look at the month name, "
                "which has no digit to copy. This diagonal-with-jumps is the alignment attention was "
                "invented to learn for translation.")
        return
    n = n_out
    if st.session_state.get("s2s_step", 1) > n:
        st.session_state["s2s_step"] = n
    b = st.columns([1, 1, 6])
    b[0].button("◀ Previous", key="s2s_prev", on_click=_step, args=(-1, n), disabled=st.session_state.get("s2s_step", 1) <= 1)
    b[1].button("Next ▶", key="s2s_next", on_click=_step, args=(1, n), disabled=st.session_state.get("s2s_step", 1) >= n)
    step = st.slider("Decoding step", 1, max(2, n), key="s2s_step", disabled=n < 2) if n > 1 else 1
    t = step - 1
    st.markdown("**Output so far** (outlined: the token being produced now)", unsafe_allow_html=False)
    st.markdown(highlight.output_chips(run.output_labels, t), unsafe_allow_html=True)
    st.markdown(f"**Where it looked** ({which}) while producing `{run.output_labels[t]}` "
                f"(p = {run.output_probs[t]:.3f}; runner-up: "
                + ", ".join(f"`{lab}` {p:.3f}" if p >= 0.001 else f"`{lab}` < 0.001"
                            for lab, p in run.alternatives[t][1:]) + ")")
    st.markdown(highlight.weighted_chips(run.input_labels, matrix[t]), unsafe_allow_html=True)
    show(figures.alignment_heatmap(matrix, run.output_labels, run.input_labels,
                                   f"Step {step} of {n}: row {step} is being produced", style, highlight_row=t),
         "cross-attention-step", fmt, style, key="s2s_step_fig")
    st.info("**What to notice.** The decoder has seen only the tokens above the outlined row (its self-attention "
            "is causal), yet it can look at the whole input. Step through a date: the focus jumps to the year "
            "first, then to the month word, then to the day — the order of the output, not of the input.")


def _gen_state(prompt_ids: list[int]) -> list[int]:
    if st.session_state.get("gen_prompt") != prompt_ids:
        st.session_state["gen_prompt"] = prompt_ids
        st.session_state["gen_ids"] = []
    return st.session_state["gen_ids"]


def section_next_token(text: str, style, fmt):
    st.header("5 · Next-token prediction")
    em = get_model(DECODER)
    st.write(f"**{em.name}** turns the text into one probability for every one of its "
             f"{em.model.config.vocab_size:,} tokens. Sampling reshapes that distribution: temperature "
             "sharpens or flattens it, top-k keeps the k most likely tokens, top-p keeps the smallest set "
             "whose probability reaches p; what survives is renormalised.")
    c = st.columns(4)
    temperature = c[0].slider("Temperature (0 = greedy)", 0.0, 2.0, 1.0, 0.05, key="temperature")
    top_k = c[1].number_input("Top-k (0 = off)", 0, 500, 0, key="top_k")
    top_p = c[2].slider("Top-p (1 = off)", 0.05, 1.0, 1.0, 0.01, key="top_p")
    seed = c[3].number_input("Seed", 0, 2**31 - 1, 42, key="seed")
    params = SamplingParams(max_new_tokens=1, temperature=float(temperature), top_k=int(top_k),
                            top_p=float(top_p), seed=int(seed))
    prompt_ids = next_token.encode_prompt(em, text)
    gen = _gen_state(prompt_ids)
    ids = prompt_ids + gen
    logits = get_logits(tuple(ids))
    dist = next_token.distribution(em.tokenizer, logits, params, show=15)

    generated = next_token.decode(em.tokenizer, gen)
    st.markdown(f"<div style='font-size:{1.9 if style.presentation else 1.3}rem; padding:.6rem 1rem; "
                f"background:#f5f7fb; border-radius:8px'>{html.escape(text)}"
                f"<b style='color:#1f4e9c'>{html.escape(generated)}</b><span style='opacity:.4'>▌</span></div>",
                unsafe_allow_html=True)
    b = st.columns([1.3, 2, 1, 1, 1])
    if b[0].button("Sample next token", key="sample_btn", disabled=len(gen) >= next_token.MAX_STEPS):
        gen.append(next_token.sample(logits, params, seed=int(seed), step=len(gen)))
        st.rerun()
    pick = b[1].selectbox("…or pick one", range(len(dist.candidates)), key="pick",
                          format_func=lambda i: f"{dist.candidates[i].label!r}  ({dist.candidates[i].p_model:.1%})")
    if b[2].button("Append pick", key="pick_btn", disabled=len(gen) >= next_token.MAX_STEPS):
        gen.append(dist.candidates[pick].id)
        st.rerun()
    if b[3].button("Undo", key="undo_btn", disabled=not gen):
        gen.pop()
        st.rerun()
    if b[4].button("Reset", key="reset_btn", disabled=not gen):
        gen.clear()
        st.rerun()
    if len(gen) >= next_token.MAX_STEPS:
        st.info(f"Step-by-step generation stops at {next_token.MAX_STEPS} tokens; press Reset to start again.")

    st.caption(f"{dist.survivors:,} of {dist.vocab_size:,} tokens can be drawn with these settings.")
    show(figures.next_token_bars(dist, style), "next-token", fmt, style)
    st.dataframe(pd.DataFrame([{
        "token": x.label, "id": x.id, "p (model)": x.p_model, "p (after temperature)": x.p_temperature,
        "kept by top-k": x.kept_top_k, "kept by top-p": x.kept_top_p, "p (sampled from)": x.p_final}
        for x in dist.candidates]).round(4), hide_index=True)


def section_logit_lens(text: str, style, fmt):
    st.header("6 · Logit lens")
    st.write("Each layer adds to the residual stream. The logit lens applies the final norm and the "
             "unembedding to the stream *after every layer*, as if the model stopped there: the top token "
             "shows when the final answer takes shape. Hover a cell for its probability.")
    c1, c2 = st.columns(2)
    positions = c1.slider("Last positions shown", 4, logit_lens.MAX_LENS_POSITIONS,
                          logit_lens.DEFAULT_LENS_POSITIONS, key="lens_positions",
                          help="Each position is unembedded at every layer: more positions take longer.")
    every = c2.select_slider("Show every n-th layer", [1, 2, 3, 5], value=1, key="lens_every")
    lens = get_lens(text, positions)
    n_layers = len(lens.layer_names)
    rows = sorted(set(range(0, n_layers, every)) | {n_layers - 1})
    if len(lens.positions) < lens.positions[-1] + 1:
        st.caption(f"Showing the last {len(lens.positions)} of {lens.positions[-1] + 1} positions.")
    sub = dataclasses.replace(lens, layer_names=[lens.layer_names[r] for r in rows],
                              top_ids=lens.top_ids[rows], top_labels=[lens.top_labels[r] for r in rows],
                              top_probs=lens.top_probs[rows], final_probs=lens.final_probs[rows])
    show(figures.lens_heatmap(sub, style), "logit-lens", fmt, style)
    with st.expander("Table: top token per layer and position"):
        st.dataframe(pd.DataFrame(sub.top_labels, index=sub.layer_names,
                                  columns=[f"{i}:{t}" for i, t in zip(lens.positions, lens.labels)]))


def section_positional(text: str, style, fmt):
    st.header("7 · Positional encodings")
    st.write("Attention alone ignores word order, so models add position information. The original "
             "Transformer adds fixed sinusoids to the embeddings; SmolLM2 (like Llama) rotates queries and "
             "keys by an angle proportional to the position (RoPE), so their dot product depends on the "
             "relative distance.")
    c = st.columns(2)
    d_model = c[0].select_slider("Sinusoid dimensions (d_model)", [16, 32, 64, 128, 256, 512], value=128, key="pe_dim")
    n_pos = c[1].slider("Positions", 16, 512, 64, key="pe_pos")
    pe = positional.sinusoidal(n_pos, d_model)
    left, right = st.columns(2)
    with left:  # sin dimensions first, then cos: interleaved they alias into stripes on screen
        grouped = np.concatenate([pe[:, 0::2], pe[:, 1::2]], axis=1)
        show(figures.matrix_heatmap(grouped, "Sinusoidal encoding: each row is one position", "dimension (sin half | cos half)",
                                    "position", style, height=460), "sinusoidal", fmt, style)
    with right:
        show(figures.line_plot(list(range(n_pos)), {"PE[0]·PE[k]": positional.dot_vs_distance(pe, 0),
                                                    "PE[20]·PE[20+k]": positional.dot_vs_distance(pe, min(20, n_pos - 1))},
                               "Dot product vs distance k (normalised)", "distance k", "similarity", style),
             "sinusoidal-dot", fmt, style)
    rope = positional.rope_from_config(get_model(DECODER).model.config)
    st.subheader(f"RoPE in SmolLM2 · {rope.source}")
    max_d = st.slider("Relative distance shown", 16, 4096, 512, key="rope_dist")
    left, right = st.columns(2)
    with left:
        show(figures.line_plot(list(range(rope.inv_freq.size)), {"wavelength (positions per turn)": rope.wavelengths},
                               "Each dimension pair rotates at its own speed", "dimension pair i", "positions",
                               style, log_y=True), "rope-wavelengths", fmt, style)
    with right:
        show(figures.line_plot(list(range(max_d + 1)), {"mean cos(k·θᵢ)": rope.similarity(max_d)},
                               "q·k similarity vs relative distance", "distance k", "similarity", style),
             "rope-similarity", fmt, style)


def section_embeddings(text: str, style, fmt):
    st.header("8 · Embeddings")
    st.write("all-MiniLM-L6-v2 turns each sentence into a 384-dimensional vector (the mean of its token "
             "vectors). Sentences with similar meaning get similar vectors, even with no words in common.")
    raw = st.text_area("Sentences, one per line", DEFAULT_SENTENCES, height=170, key="sentences", max_chars=20_000)
    sentences = embeddings_view.parse_sentences(raw)
    emb = get_embedded(tuple(sentences))
    short = [f"S{i + 1}" for i in range(len(sentences))]
    named = [f"S{i + 1}: {s if len(s) <= 40 else s[:39] + '…'}" for i, s in enumerate(sentences)]
    left, right = st.columns(2)
    with left:
        st.caption(" · ".join(named))
        show(figures.matrix_heatmap(emb.similarity, "Cosine similarity", "", "", style, scale="RdBu",
                                    zmid=0, labels=short, height=520), "similarity", fmt, style)
    with right:
        level = st.radio("Project", ["sentences", "tokens"], horizontal=True, key="pca_level")
        if level == "sentences":
            pts, ratio = embeddings_view.pca_2d(emb.vectors)
            fig = figures.scatter_2d(pts, short, named, f"PCA of sentence vectors ({ratio.sum():.0%} of variance)", style)
        else:
            pts, ratio = embeddings_view.pca_2d(emb.token_vectors)
            fig = figures.scatter_2d(pts, emb.token_labels, [named[i] for i in emb.token_sentence],
                                     f"PCA of token vectors ({ratio.sum():.0%} of variance)", style)
        show(fig, f"pca-{level}", fmt, style)


def section_bias(text: str, style, fmt):
    st.header("9 · Bias probe")
    st.warning(bias_probe.LIMITS, icon="⚠️")
    st.write("Each line is a minimal pair: the same prefix, several continuations. The decoder scores "
             "each continuation; the bar shows its share of the probability of the listed options. "
             "Edit the lines to try your own (`prefix | option | option`).")
    raw = st.text_area("Probes", bias_probe.shipped_templates(), height=260, key="probes", max_chars=20_000)
    probes = bias_probe.parse_probes(raw)
    results = get_probes(tuple((p.prefix, tuple(p.options)) for p in probes))
    show(figures.bias_bars(results, style), "bias-probe", fmt, style)
    st.dataframe(pd.DataFrame([{"prefix": r.prefix, **{f"P({o})": p for o, p in zip(r.options, r.probs)},
                                **{f"share {o}": s for o, s in zip(r.options, r.shares)}}
                               for r in results]).round(4), hide_index=True)


SECTION_FUNCS = dict(zip(SECTIONS, [section_tokenization, section_attention, section_variants,
                                    section_cross_attention, section_next_token, section_logit_lens,
                                    section_positional, section_embeddings, section_bias]))


def main():
    section, style, fmt = sidebar()
    st.title("Transformer explorer")
    if section in DATE_SECTIONS:  # the encoder-decoder shipped here reads dates
        text = st.text_input("Your input (press Enter) · the encoder–decoder here was trained on dates "
                             "written the ways people write them", DEFAULT_DATE_TEXT, key="date_text",
                             max_chars=tokenization.MAX_CHARS)
    else:
        text = st.text_input("Your sentence (press Enter)", DEFAULT_TEXT, key="text", max_chars=tokenization.MAX_CHARS)
    try:
        tokenization.check_text(text, "the sentence")
        SECTION_FUNCS[section](text, style, fmt)
    except USER_ERRORS as e:  # bad input or an unavailable model: say so, keep serving
        st.error(str(e))


main()
