"""A character tokenizer for the date model, saved so `AutoTokenizer.from_pretrained` loads it.

One token per character, so the cross-attention picture aligns each output digit with
the very letters or digits it came from. Spaces become "▁" (SentencePiece's marker, as in
t5-small), input is NFKC-normalised and stripped, and every input ends with </s> as T5's
does. Characters outside the vocabulary become <unk>; the model then shows what it made
of the rest instead of failing.
"""
from __future__ import annotations

import string

PAD, EOS, UNK = "<pad>", "</s>", "<unk>"
SPACE = "▁"
CHARS = string.digits + string.ascii_lowercase + string.ascii_uppercase + SPACE + ",.-/'"


def build_tokenizer():
    """A transformers fast tokenizer over CHARS (ids: <pad>=0, </s>=1, <unk>=2, then CHARS)."""
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordLevel
    from transformers import PreTrainedTokenizerFast

    vocab = {tok: i for i, tok in enumerate([PAD, EOS, UNK, *CHARS])}
    tok = Tokenizer(WordLevel(vocab, unk_token=UNK))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Strip(),
                                           normalizers.Replace(" ", SPACE)])
    tok.pre_tokenizer = pre_tokenizers.Split(Regex("."), behavior="isolated")
    tok.post_processor = processors.TemplateProcessing(single=f"$A {EOS}", pair=f"$A {EOS} $B {EOS}",
                                                       special_tokens=[(EOS, vocab[EOS])])
    tok.decoder = decoders.Sequence([decoders.Replace(SPACE, " "), decoders.Fuse()])
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token=PAD, eos_token=EOS, unk_token=UNK,
                                   model_max_length=256, padding_side="right")
