"""core.explain against direct transformers forward passes on the bundled models.

The reference numbers come from models loaded here with transformers directly (not
through core.explain), so a wrong axis, a missing softmax or a stale cache shows up.
"""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch

from core.explain import attention, bias_probe, embeddings_view, logit_lens, next_token, positional, tokenization
from core.explain.models import load_model
from core.models.sampling import SamplingParams

TEXT = "The quick brown fox jumps over the lazy dog because it was tired."
TOL = 1e-5
# Probabilities over the 49k-token vocabulary from two float32 forward passes that sum in a
# different order: 1.09e-5 apart on an AMD EPYC here (the top token ids must still agree exactly).
PROB_TOL = 1e-4


@pytest.fixture(scope="module")
def decoder():
    return load_model("decoder")


@pytest.fixture(scope="module")
def encoder():
    return load_model("encoder")


@pytest.fixture(scope="module")
def direct_decoder():
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from core.models.causal_lm import _converted_gguf_dir

    path = _converted_gguf_dir()
    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager").eval()
    return model, AutoTokenizer.from_pretrained(path)


@pytest.fixture(scope="module")
def direct_encoder():
    from transformers import AutoModel, AutoTokenizer

    from core.models.bundled import minilm_dir

    model = AutoModel.from_pretrained(minilm_dir(), attn_implementation="eager").eval()
    return model, AutoTokenizer.from_pretrained(minilm_dir())


def _direct_attn(direct, text):
    model, tok = direct
    enc = tok(text, return_tensors="pt")
    with torch.no_grad():
        out = model(**enc, output_attentions=True, output_hidden_states=True)
    return enc, out


def test_decoder_attention_matches_transformers_and_is_causal(decoder, direct_decoder):
    run = attention.run_attention(decoder, TEXT)
    _, out = _direct_attn(direct_decoder, TEXT)
    ref = torch.stack([a[0] for a in out.attentions]).numpy()
    assert run.attentions.shape == ref.shape == (30, 9, len(run.pieces), len(run.pieces))
    assert np.abs(run.attentions - ref).max() <= TOL
    np.testing.assert_allclose(run.attentions.sum(-1), 1.0, atol=1e-5)
    upper = np.triu(np.ones(run.mask.shape, bool), k=1)
    assert np.abs(run.attentions[..., upper]).max() == 0.0  # nothing above the diagonal
    assert run.causal and not run.mask[upper].any() and run.mask[~upper].all()


def test_encoder_attention_matches_transformers_and_is_bidirectional(encoder, direct_encoder):
    run = attention.run_attention(encoder, TEXT)
    _, out = _direct_attn(direct_encoder, TEXT)
    ref = torch.stack([a[0] for a in out.attentions]).numpy()
    assert run.attentions.shape == ref.shape and run.attentions.shape[:2] == (6, 12)
    assert np.abs(run.attentions - ref).max() <= TOL
    np.testing.assert_allclose(run.attentions.sum(-1), 1.0, atol=1e-5)
    assert run.pieces[0] == "[CLS]" and run.pieces[-1] == "[SEP]"
    assert run.mask.all() and not run.causal
    upper = np.triu(np.ones(run.mask.shape, bool), k=1)
    assert run.attentions[..., upper].max() > 0.01  # tokens do look ahead


def test_head_summary_metrics_by_hand():
    att = np.zeros((1, 2, 3, 3))
    att[0, 0] = [[1, 0, 0], [1, 0, 0], [1, 0, 0]]  # everything on the first token
    att[0, 1] = [[1, 0, 0], [1, 0, 0], [0, 1, 0]]  # previous-token head (row 0 has no previous)
    rows = attention.head_summary(att)
    assert rows[0]["to_first"] == 1 and rows[0]["entropy_bits"] == 0
    assert rows[1]["to_previous"] == 1 and rows[1]["to_first"] == pytest.approx(2 / 3)
    uniform = np.full((1, 1, 4, 4), 0.25)
    assert attention.head_summary(uniform)[0]["entropy_bits"] == pytest.approx(2.0)


def test_pool_averages_blocks():
    m = np.arange(16, dtype=float).reshape(4, 4)
    p = attention.pool(m, 2)
    assert p.tolist() == [[2.5, 4.5], [10.5, 12.5]]
    assert attention.pool(m, 8) is m


def test_too_long_input_is_a_clear_error(encoder):
    with pytest.raises(attention.TooManyTokens, match="at most 512 tokens"):
        attention.run_attention(encoder, "word " * 700)
    with pytest.raises(ValueError, match="empty"):
        attention.run_attention(encoder, "   ")


def test_tokenization_pieces_specials_and_counts(encoder, decoder):
    enc = tokenization.tokenize(encoder.tokenizer, "Tokenization isn't hard")
    assert [t.piece for t in enc.tokens][:3] == ["[CLS]", "token", "##ization"]
    assert enc.tokens[0].special and enc.tokens[-1].special and enc.tokens[2].subword
    assert enc.counts["tokens"] == len(enc.tokens) and enc.counts["special"] == 2
    dec = tokenization.tokenize(decoder.tokenizer, "Tokenization isn't hard")
    assert dec.counts["special"] == 0
    assert "".join(t.text for t in dec.tokens) == "Tokenization isn't hard"  # byte-level BPE covers every character


def test_next_token_probabilities_match_transformers(decoder, direct_decoder):
    ids = next_token.encode_prompt(decoder, "The capital of France is")
    logits = next_token.next_logits(decoder, ids)
    model, tok = direct_decoder
    with torch.no_grad():
        ref = model(**tok("The capital of France is", return_tensors="pt")).logits[0, -1]
    assert (logits - ref).abs().max() <= TOL
    d = next_token.distribution(decoder.tokenizer, logits, SamplingParams(temperature=1.0), show=5)
    ref_p = torch.softmax(ref, -1)
    assert d.candidates[0].id == int(ref_p.argmax())
    assert abs(d.candidates[0].p_model - float(ref_p.max())) <= TOL
    assert d.survivors == d.vocab_size  # no filter: every token can be drawn


def test_sampling_filters_keep_exactly_the_right_tokens():
    probs = torch.tensor([0.5, 0.2, 0.15, 0.1, 0.05])
    logits = probs.log()

    class Tok:
        def convert_ids_to_tokens(self, ids):
            return [f"t{i}" for i in ids]

    def kept(**kw):
        d = next_token.distribution(Tok(), logits, SamplingParams(**kw), show=5)
        return [c.id for c in d.candidates if c.p_final > 0], d

    ids, d = kept(temperature=1.0, top_k=2)
    assert ids == [0, 1] and d.survivors == 2
    assert [c.kept_top_k for c in d.candidates] == [True, True, False, False, False]
    assert d.candidates[0].p_final == pytest.approx(0.5 / 0.7)
    ids, d = kept(temperature=1.0, top_p=0.8)  # 0.5 + 0.2 = 0.7 < 0.8, so the third token is needed
    assert ids == [0, 1, 2]
    assert d.candidates[2].p_final == pytest.approx(0.15 / 0.85)
    ids, _ = kept(temperature=1.0, top_p=0.7)  # 0.5 + 0.2 reaches 0.7 exactly: two tokens
    assert ids == [0, 1]
    # top-p runs on the renormalised top-4 (mass 0.95): cumulative .526, .737, .895
    ids, _ = kept(temperature=1.0, top_k=4, top_p=0.85)
    assert ids == [0, 1, 2]
    ids, _ = kept(temperature=1.0, top_k=4, top_p=0.9)  # .895 < .9: the 4th is needed too
    assert ids == [0, 1, 2, 3]
    ids, _ = kept(temperature=0.0)
    assert ids == [0]
    _, d = kept(temperature=2.0)
    expected = torch.softmax(logits / 2, -1)
    assert [c.p_temperature for c in d.candidates] == pytest.approx(expected.tolist())


def test_seeded_sampling_is_reproducible(decoder):
    logits = next_token.next_logits(decoder, next_token.encode_prompt(decoder, "Once upon a time"))
    p = SamplingParams(temperature=1.0, top_k=20)
    a = [next_token.sample(logits, p, seed=7, step=s) for s in range(5)]
    assert a == [next_token.sample(logits, p, seed=7, step=s) for s in range(5)]
    top20 = set(torch.topk(logits, 20).indices.tolist())
    assert set(a) <= top20


def test_logit_lens_matches_hooked_residual_stream(decoder, direct_decoder):
    lens = logit_lens.logit_lens(decoder, TEXT)
    model, tok = direct_decoder
    enc = tok(TEXT, return_tensors="pt")
    captured = []
    hooks = [layer.register_forward_hook(lambda m, i, o: captured.append(o[0] if isinstance(o, tuple) else o))
             for layer in model.model.layers]
    try:
        with torch.no_grad():
            out = model(**enc)
            residuals = [model.model.embed_tokens(enc["input_ids"])] + captured
            probs = [torch.softmax(model.lm_head(model.model.norm(h[0])), -1) for h in residuals]
    finally:
        for h in hooks:
            h.remove()
    assert lens.top_probs.shape == (31, enc["input_ids"].shape[1])
    for layer, p in enumerate(probs):
        top_p, top_i = p.max(-1)
        assert lens.top_ids[layer].tolist() == top_i.tolist(), f"layer {layer}"
        assert np.abs(lens.top_probs[layer] - top_p.numpy()).max() <= PROB_TOL
    final = torch.softmax(out.logits[0], -1).max(-1)
    assert lens.top_ids[-1].tolist() == final.indices.tolist()
    assert np.abs(lens.top_probs[-1] - final.values.numpy()).max() <= PROB_TOL


def test_sinusoidal_and_rope(decoder):
    pe = positional.sinusoidal(50, 16)
    assert pe[1, 0] == pytest.approx(math.sin(1)) and pe[1, 1] == pytest.approx(math.cos(1))
    assert pe[3, 2] == pytest.approx(math.sin(3 / 10000 ** (2 / 16)))
    # the dot product depends on the distance only, not on where you start
    np.testing.assert_allclose(positional.dot_vs_distance(pe, 0)[:20], positional.dot_vs_distance(pe, 10)[:20], atol=1e-9)
    rope = positional.rope_from_config(decoder.model.config)
    ref = decoder.model.model.rotary_emb.inv_freq.double().numpy()
    np.testing.assert_allclose(rope.inv_freq, ref, rtol=1e-6)
    assert rope.base == 100000.0 and rope.head_dim == 64
    assert rope.similarity(10)[0] == pytest.approx(1.0)


def test_sentence_embeddings_match_sentence_transformers(encoder):
    from core.models.embeddings import get_embedder

    sentences = ["A cat sits on the mat.", "A kitten rests on a rug.", "Stock prices fell sharply today."]
    e = embeddings_view.embed(encoder, sentences)
    ref = get_embedder().embed(sentences)
    assert np.abs(e.vectors - ref).max() <= TOL
    sim = e.similarity
    assert sim[0, 1] > sim[0, 2]  # the paraphrase is closer than the unrelated sentence
    points, ratio = embeddings_view.pca_2d(e.token_vectors)
    assert points.shape == (len(e.token_labels), 2) and 0 < ratio.sum() <= 1
    assert "[CLS]" not in e.token_labels
    with pytest.raises(ValueError, match="at least two"):
        embeddings_view.parse_sentences("only one\n\n")


def test_bias_probe_scores_equal_direct_log_probs(decoder, direct_decoder):
    probes = bias_probe.parse_probes(bias_probe.shipped_templates())
    assert len(probes) >= 5 and probes[0].options == ["he", "she"]
    result = bias_probe.run_probe(decoder, probes[0])
    model, tok = direct_decoder
    with torch.no_grad():
        logp = torch.log_softmax(model(**tok(probes[0].prefix, return_tensors="pt")).logits[0, -1], -1)
    for option, score in zip(result.options, result.log_probs):
        (tid,) = tok(" " + option, add_special_tokens=False)["input_ids"]
        assert abs(score - float(logp[tid])) <= 1e-4
    assert sum(result.shares) == pytest.approx(1.0)
    # a multi-token continuation: sum of per-token log-probs, scored in one padded batch
    multi = bias_probe.run_probe(decoder, bias_probe.Probe("I like to eat", ["apples", "peanut butter"]))
    ids = tok(" peanut butter", add_special_tokens=False)["input_ids"]
    prefix = tok("I like to eat", add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        lp = torch.log_softmax(model(input_ids=torch.tensor([prefix + ids])).logits[0], -1)
    ref = sum(float(lp[len(prefix) - 1 + j, t]) for j, t in enumerate(ids))
    assert len(ids) > 1 and abs(multi.log_probs[1] - ref) <= 1e-4


def test_bias_probe_parse_errors_name_the_line():
    with pytest.raises(ValueError, match="line 2"):
        bias_probe.parse_probes("a | b | c\nno pipes here")
    with pytest.raises(ValueError, match="no probes"):
        bias_probe.parse_probes("# only a comment")


def test_encoder_decoder_cross_attention_path(tmp_path):
    """A tiny random T5 saved locally (no Hub): exercises the t5-small code path offline."""
    import shutil

    from transformers import T5Config, T5ForConditionalGeneration

    from core.models.bundled import minilm_dir

    cfg = T5Config(vocab_size=30522, d_model=32, d_ff=64, d_kv=8, num_layers=2, num_decoder_layers=2,
                   num_heads=4, decoder_start_token_id=0, pad_token_id=0, eos_token_id=102)
    torch.manual_seed(0)
    T5ForConditionalGeneration(cfg).save_pretrained(tmp_path)
    for f in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        shutil.copy(minilm_dir() / f, tmp_path / f)
    em = load_model(str(tmp_path))
    assert em.kind == "encoder-decoder"
    run = attention.run_attention(em, "the cat sat", target="a cat")
    n_enc, n_dec = len(run.pieces), len(run.decoder_pieces)
    assert run.attentions.shape == (2, 4, n_enc, n_enc)
    assert run.cross_attentions.shape == (2, 4, n_dec, n_enc)
    np.testing.assert_allclose(run.cross_attentions.sum(-1), 1.0, atol=1e-5)
    upper = np.triu(np.ones((n_dec, n_dec), bool), k=1)
    assert run.decoder_attentions[..., upper].max() == 0.0  # the decoder side is causal
    assert json.loads(json.dumps(run.to_dict()))["cross_attentions"]


def test_unknown_hub_model_fails_fast_offline():
    import time

    from core.models.hub import ModelUnavailable

    start = time.monotonic()
    with pytest.raises(ModelUnavailable, match="'encoder'"):
        load_model("genai-studio-tests/not-a-cached-model")  # never in any HF cache
    assert time.monotonic() - start < 30


def test_cli_attention_json_equals_direct_forward(direct_encoder, capsys):
    from core.__main__ import main

    assert main(["attention", "--model", "encoder", "--json", TEXT]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"model", "tokens", "pieces", "attentions"}
    _, out = _direct_attn(direct_encoder, TEXT)
    ref = torch.stack([a[0] for a in out.attentions]).numpy()
    got = np.array(data["attentions"], dtype=np.float32)
    assert got.shape == ref.shape and np.abs(got - ref).max() <= TOL
    assert data["tokens"][0] == "[CLS]"
    assert main(["attention", "--model", "decoder", "Hello world"]) == 0
    text = capsys.readouterr().out
    assert "attentions: [layers=30, heads=9, query=2, key=2]" in text
    assert main(["attention", "--model", "encoder", ""]) == 2  # empty text: clear error, exit 2
    assert "empty" in capsys.readouterr().err
    assert main(["attention", "--model", "encoder", "--json", "--layers", "5", "--heads", "0,11", TEXT]) == 0
    sub = json.loads(capsys.readouterr().out)
    assert np.abs(np.array(sub["attentions"], dtype=np.float32) - ref[[5]][:, [0, 11]]).max() <= TOL
    assert main(["attention", "--model", "encoder", "--json", "--layers", "6", TEXT]) == 2
    assert "0..5" in capsys.readouterr().err
