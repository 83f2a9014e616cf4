"""`python -m core attention --model encoder|decoder [--json] TEXT`: attention weights of a real model.

Plain output: the tokens and the attention tensor's shape [layers, heads, query, key].
--json: {"model", "tokens", "attentions"} with attentions[layer][head][query][key] as floats.
"""
from __future__ import annotations

from core.cli._output import print_json, read_text_arg

# Model code (torch) is imported in run(): every `python -m core` command builds this parser,
# and most of them never need torch.


def register(sub) -> None:
    p = sub.add_parser("attention", help="attention weights of the encoder or decoder for TEXT")
    p.add_argument("text", metavar="TEXT", help="the input text ('-' reads stdin)")
    p.add_argument("--model", default="decoder",
                   help="encoder (all-MiniLM-L6-v2), decoder (SmolLM2-135M), encoder-decoder (the date "
                        "model trained here), or a Hugging Face id")
    p.add_argument("--target", default="",
                   help="decoder text for an encoder-decoder model (default: the model's own greedy output)")
    p.add_argument("--max-tokens", type=int, default=None, help="longest input in tokens (default: 512)")
    p.add_argument("--layers", default="", help="comma-separated layer indices to keep (default: all)")
    p.add_argument("--heads", default="", help="comma-separated head indices to keep (default: all)")
    p.add_argument("--json", action="store_true",
                   help='print {"model", "tokens", "attentions"}; attentions[layer][head][query][key]')
    p.set_defaults(func=run)


def run(args) -> int:
    from core.explain.attention import MAX_TOKENS, head_summary, run_attention
    from core.explain.models import load_model

    text = read_text_arg(args.text)
    em = load_model(args.model)
    result = run_attention(em, text, target=args.target, max_tokens=args.max_tokens or MAX_TOKENS)
    if args.json:
        out = result.to_dict()
        if args.layers or args.heads:  # long inputs: 30 x 9 x 512 x 512 floats is ~1 GB of JSON
            L, H = result.attentions.shape[:2]
            layers = _indices(args.layers, L, "--layers")
            heads = _indices(args.heads, H, "--heads")
            out["attentions"] = result.attentions[layers][:, heads].tolist()
            out["layers"], out["heads"] = layers, heads
        print_json(out)
        return 0
    L, H, Q, K = result.shape
    print(f"model: {result.model} ({result.kind})")
    print(f"tokens ({len(result.pieces)}): {' '.join(result.labels)}")
    print(f"attentions: [layers={L}, heads={H}, query={Q}, key={K}]")
    if result.cross_attentions is not None:
        print(f"decoder tokens ({len(result.decoder_labels)}): {' '.join(result.decoder_labels)}")
        print(f"cross_attentions: {list(result.cross_attentions.shape)}")
    rows = head_summary(result.attentions)
    sharpest = min(rows, key=lambda r: r["entropy_bits"])
    print(f"sharpest head: layer {sharpest['layer']} head {sharpest['head']} "
          f"({sharpest['entropy_bits']:.2f} bits mean entropy)")
    return 0


def _indices(spec: str, n: int, flag: str) -> list[int]:
    if not spec:
        return list(range(n))
    try:
        idx = [int(x) for x in spec.split(",") if x.strip()]
    except ValueError:
        raise ValueError(f"{flag} takes comma-separated integers, got {spec!r}") from None
    bad = [i for i in idx if not 0 <= i < n]
    if bad or not idx:
        raise ValueError(f"{flag} {spec!r}: indices must be in 0..{n - 1}")
    return idx
