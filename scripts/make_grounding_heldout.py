"""Writes the held-out labelled set for the per-sentence grounding check (#13 round 13):
answer sentences made by systematic edits of true sentences of the five held-out corpora,
each labelled by construction as supported or not, with the four passages it is checked against.

    python scripts/make_grounding_heldout.py            # -> assets/grounding_heldout.json

Written (and committed) before any change to the check was tuned. The tuning set is a different
procedure: real model sentences from grounded-mode runs on the tuning QA sets, labelled by hand
(assets/grounding_tuning.json). Nothing here reads the check's output.

Per held-out corpus, 12 chunks are drawn (seed 1313) from its files split as the collection splits
them (settings' chunk size/overlap); each is checked together with three other chunks of the same
corpus drawn at random (the four passages a question retrieves). One sentence of the chunk (8-45
words, at least four content words) is the base of every variant:

  supported (must stay supported)
    quote         the sentence itself, whitespace collapsed, sometimes with its [n] marker
    frame_full    "The manual says that <the whole sentence>"
    paraphrase    function-level synonyms ("allows" -> "lets", "If X, Y" -> "Y if X", ...)
    clause        the first complete clause of "X; Y" / "X, and Y" as a sentence
    drop_aside    the sentence without its parenthesised asides
  unsupported
    truncated     cut after a function word 35-75 % of the way in (an unfinished clause)
    splice        the first 40-60 % of the sentence + the last 40-60 % of a sentence of another passage
    frame_fragment "The document also mentions that \"<5-10 words from inside the sentence>" (cut quote)
    number        one number changed (digits or words)
    name          one name / identifier swapped for one of another file of the corpus
    negation      "not" inserted after the first auxiliary, or removed
    vacuous       "The document also describes <two of its words>." (states nothing checkable)

Labels are by construction; an edit can by chance still be true (a splice of two sentences that
happen to fit), which is label noise the report states.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPORA = {"held-out": "rag_corpus_heldout", "held-out 2": "rag_corpus_heldout2",
           "held-out 3": "rag_corpus_heldout3", "held-out 4": "rag_corpus_heldout4",
           "held-out 5": "rag_corpus_heldout5"}
OUT = ROOT / "assets" / "grounding_heldout.json"
SEED = 1313
PER_CORPUS = 12

FUNCTION = {"the", "a", "an", "of", "to", "in", "for", "and", "or", "that", "with", "by", "is", "are", "be",
            "from", "as", "on", "which", "when", "if", "its", "their", "this", "into", "at", "than", "but"}
FRAMES = ["The document also mentions that", "The manual says that", "The text states that",
          "It is also noted that", "The document mentions that the work is"]
FULL_FRAMES = ["The manual says that", "According to the documentation,", "The document states that"]
SYNONYMS = [(r"\ballows\b", "lets"), (r"\ballow\b", "let"), (r"\bprints\b", "outputs"), (r"\bspecifies\b", "sets"), (r"\bspecify\b", "set"),
            (r"\bmust\b", "has to"), (r"\bprovides\b", "gives"), (r"\bprovide\b", "give"),
            (r"\bcauses\b", "makes"), (r"\buses\b", "employs"), (r"\bensures\b", "makes sure"),
            (r"\bimmediately\b", "at once"), (r"\bautomatically\b", "on its own"), (r"\bcurrently\b", "at present"),
            (r"\bobtain\b", "get"), (r"\bobtains\b", "gets"),
            (r"\bIf\b", "When"), (r"\bhowever\b", "though"), (r"\bsimilar to\b", "like"),
            (r"\bis used to\b", "serves to"), (r"\bin order to\b", "to"), (r"\bmultiple\b", "several"),
            (r"\bsupports\b", "handles"), (r"\brequires\b", "needs"), (r"\brequire\b", "need"),
            (r"\bwill be\b", "is"), (r"\bnumber of\b", "count of"), (r"\bfor example\b", "for instance"),
            (r"\bcontains\b", "holds"), (r"\bcreates\b", "makes"), (r"\bcreate\b", "make"),
            (r"\bremoves\b", "deletes"), (r"\bremove\b", "delete"), (r"\breturns\b", "gives back"),
            (r"\bSame as\b", "Identical to"), (r"\bsuch as\b", "like"), (r"\bmodifies\b", "changes"),
            (r"\bmodify\b", "change"), (r"\bTurn on\b", "Enable"), (r"\bbegins\b", "starts"),
            (r"\bInstead of\b", "Rather than"), (r"\bappropriate\b", "suitable"), (r"\bneeded\b", "required")]
NUMBER_WORDS = {"one": "three", "two": "four", "three": "five", "four": "two", "five": "seven", "six": "two",
                "seven": "nine", "eight": "six", "nine": "eleven", "ten": "twelve", "once": "twice",
                "twice": "three times", "first": "third", "second": "fourth", "zero": "one"}
AUX = re.compile(r"\b(is|are|was|were|can|will|must|should|may|does|do|has|have)\b")
NOT = re.compile(r"\b(not|never|no)\s+", re.IGNORECASE)
NAME = re.compile(r"^(?:-{1,2}[A-Za-z][\w-]*|[A-Za-z]*[A-Z][\w.-]*|\w+_\w+|\w*\d\w*[A-Za-z]\w*)$")


def norm(s: str) -> str:
    return " ".join(s.split())


def chunks_of(folder: Path):
    from core.config import get_settings
    from core.retrieval.loaders import load_file
    from core.retrieval.splitting import split_document

    r = get_settings().retrieval
    files = sorted(p for p in folder.iterdir() if p.name != "SOURCES.md")
    return [c for f in files for c in split_document(load_file(f), r.chunk_size, r.chunk_overlap)]


def good(sentence: str) -> bool:
    from core.retrieval.grounding import content_words

    words = sentence.split()
    letters = sum(ch.isalpha() for ch in sentence)
    return (8 <= len(words) <= 45 and len(content_words(sentence)) >= 4 and letters >= 0.6 * len(sentence)
            and sentence.rstrip()[-1:] in ".:;" and "|" not in sentence and "http" not in sentence)


def lower_first(s: str) -> str:
    first = s.split()[0]
    return s if (first.isupper() and len(first) > 1) or not first[0].isupper() else s[0].lower() + s[1:]


def variants(rng: random.Random, s: str, n: int, other: str, foreign_names: list[str], context: str):
    words = s.split()
    out = [("quote", s + (f" [{n}]" if rng.random() < 0.5 else ""), True)]
    if s[0].isupper() and not words[0].isupper():
        out.append(("frame_full", f"{rng.choice(FULL_FRAMES)} {lower_first(s)}", True))
    para, changed = s, 0
    for pat, rep in rng.sample(SYNONYMS, len(SYNONYMS)):
        if changed < 2 and re.search(pat, para):
            para, changed = re.sub(pat, rep, para, count=1), changed + 1
    m = re.match(r"^If ([^,]{6,}), (.{12,})\.$", s)
    if m:
        para, changed = f"{m.group(2)[0].upper()}{m.group(2)[1:]} if {m.group(1)}.", changed + 1
    if changed:
        out.append(("paraphrase", para, True))
    aside = re.sub(r"\s+\([A-Za-z][A-Za-z ,]{2,79}\)", "", s)  # a parenthesised aside in words, not code
    if aside != s and len(aside.split()) >= 6:
        out.append(("drop_aside", aside, True))
    m = re.match(r"^(.{25,}?)(?:;|, and )\s*\S.{15,}$", s)
    if m and len(m.group(1).split()) >= 5:
        out.append(("clause", m.group(1).rstrip(",") + ".", True))
    # unsupported edits
    cuts = [i for i in range(int(0.35 * len(words)), int(0.75 * len(words)) + 1)
            if 2 <= i < len(words) - 2 and words[i].lower().strip(",;:") in FUNCTION]
    if cuts:
        i = rng.choice(cuts)
        out.append(("truncated", " ".join(words[:i + 1]).rstrip(",;:") + rng.choice([".", "", "…"]), False))
    ow = other.split()
    if len(ow) >= 6:
        i = rng.randint(int(0.4 * len(words)), max(int(0.4 * len(words)), int(0.6 * len(words))))
        j = rng.randint(int(0.4 * len(ow)), max(int(0.4 * len(ow)), int(0.6 * len(ow))))
        out.append(("splice", " ".join(words[:i] + ow[j:]), False))
    if len(words) >= 9:
        k = rng.randint(1, max(1, len(words) // 3))
        length = min(rng.randint(5, 10), len(words) - k - 2)
        if length >= 4:
            frag = " ".join(words[k:k + length]).rstrip(",;:")
            form = rng.choice(['{f} "{x}', '{f} "{x}…"', "{f} {x}."])
            out.append(("frame_fragment", form.format(f=rng.choice(FRAMES), x=frag), False))
    nums = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\b\d+\b|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", s)]
    if nums:
        a, b, tok = rng.choice(nums)
        new = str(int(tok) + rng.choice([1, 2, 10])) if tok.isdigit() else NUMBER_WORDS[tok]
        out.append(("number", s[:a] + new + s[b:], False))
    names = [i for i, w in enumerate(words) if i > 0 and NAME.match(w.strip(".,;:()\"'")) and len(w.strip(".,;:()\"'")) >= 3]
    pool = [x for x in foreign_names if x.lower() not in context.lower()]
    if names and pool:
        i = rng.choice(names)
        core_word = words[i].strip(".,;:()\"'")
        swapped = words[:i] + [words[i].replace(core_word, rng.choice(pool))] + words[i + 1:]
        out.append(("name", " ".join(swapped), False))
    if NOT.search(s):
        out.append(("negation", NOT.sub("", s, count=1), False))
    elif (m := AUX.search(s)):
        out.append(("negation", s[:m.end()] + " not" + s[m.end():], False))
    from core.retrieval.grounding import content_words

    picked = [w for w in words if w.lower().strip(".,;:()\"'") in {x for x in content_words(s)} and w.isalpha()]
    if len(picked) >= 2:
        a, b = sorted(rng.sample(range(len(picked)), 2))
        out.append(("vacuous", f"The document also describes the {picked[a].lower()} and {picked[b].lower()}.", False))
    return out


def main() -> int:
    from core.retrieval.grounding import split_sentences

    rng = random.Random(SEED)
    contexts, items = [], []
    for set_name, folder in CORPORA.items():
        chunks = chunks_of(ROOT / "assets" / folder)
        by_file: dict[str, list[str]] = {}
        for c in chunks:
            for w in c.text.split():
                w = w.strip(".,;:()\"'")
                if len(w) >= 3 and NAME.match(w):
                    by_file.setdefault(c.source, []).append(w)
        order = rng.sample(range(len(chunks)), len(chunks))
        taken = 0
        for t in order:
            if taken == PER_CORPUS:
                break
            target = chunks[t]
            sentences = [norm(target.text[a:b]) for a, b in split_sentences(target.text)]
            sentences = [s for s in sentences if good(s)]
            if not sentences:
                continue
            others = rng.sample([i for i in range(len(chunks)) if i != t], 3)
            passages = [target] + [chunks[i] for i in others]
            rng.shuffle(passages)
            n = passages.index(target) + 1
            s = rng.choice(sentences)
            other_sentences = [norm(p.text[a:b]) for p in passages if p is not target
                               for a, b in split_sentences(p.text)]
            other_sentences = [x for x in other_sentences if len(x.split()) >= 8] or [s]
            foreign = sorted({w for f, ws in by_file.items() if f != target.source for w in ws})
            context = " ".join(p.text for p in passages)
            cid = len(contexts)
            contexts.append({"set": set_name, "passages": [{"n": i, "id": p.id, "source": p.source, "page": p.page,
                                                            "text": p.text} for i, p in enumerate(passages, 1)]})
            for kind, text, label in variants(rng, s, n, rng.choice(other_sentences), foreign, context):
                items.append({"set": set_name, "context": cid, "kind": kind, "sentence": text, "supported": label,
                              "base": s})
            taken += 1
    OUT.write_text(json.dumps({"seed": SEED, "procedure": "scripts/make_grounding_heldout.py",
                               "contexts": contexts, "items": items}, indent=1, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for it in items:
        kinds[it["kind"]] = kinds.get(it["kind"], 0) + 1
    print(f"{len(items)} sentences over {len(contexts)} contexts -> {OUT}: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
