"""What the shipped model knows: its vocabulary and grammar, and a check of a prompt against them.

The shipped model was trained here, from nothing, on captions of generated scenes
(core/diffusion/dataset.py, core/diffusion/pair_dataset.py). It has never seen a word
outside those captions, so "a cat" gives a random shape: it cannot draw what it has not
seen. check_prompt() says so before generating: unknown words, negation, counts and plurals,
objects it cannot draw, more than two objects, two objects without a relation, positions it
does not know. A Hub model (GENAI_IMAGE_MODEL) has its own, open vocabulary: the apps skip
the check for it.

    findings = check_prompt("two red circles")   # [Finding(kind="count", ...)]
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from core.diffusion import dataset, pair_dataset

POSITIONS = ("center", "centre", "top left", "top right", "bottom left", "bottom right")
RELATIONS = pair_dataset.RELATIONS
GRAMMAR = (
    "a [size] [colour] [shape] [in the position] [on a [colour] background]",
    "a [size] [colour] [shape] [relation] a [size] [colour] [shape] [on a [colour] background]",
)
NEGATIONS = {"not", "no", "without", "never", "none", "nothing", "nor", "neither", "except", "isn", "aren",
             "don", "doesn", "didn", "won", "can", "cannot"}
COUNT_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several",
               "some", "multiple", "lots", "few", "couple", "pair", "dozen", "both", "all", "every", "each"}
TEACHING = (
    "This model was trained here, on a CPU, from nothing but generated pictures of "
    "coloured circles, squares and triangles and their captions. It only knows the words and sentence "
    "patterns of those captions: a word it never saw is just noise to it, so it falls back on a random "
    "shape. Big models such as Stable Diffusion learned from billions of captioned photos, which is why "
    "they can draw a cat. Use the words below, or set GENAI_IMAGE_MODEL to a Hugging Face model.")


@dataclass(frozen=True)
class Finding:
    kind: str        # unknown-word | negation | count | no-object | too-many-objects | no-relation | ...
    words: tuple[str, ...]
    message: str

    def to_dict(self) -> dict:
        return asdict(self)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+|\d+", text.lower())


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every word of every training caption (templates plus the vocabulary that fills them)."""
    words: set[str] = set()
    templates = (*dataset.TRAIN_TEMPLATES, *pair_dataset.PAIR_TRAIN_TEMPLATES,
                 *pair_dataset.PAIR_TRAIN_TEMPLATES_NO_BACKGROUND, "{O} in the {p} on an {b} background")
    for t in templates:
        words.update(_words(re.sub(r"\{[a-z_A-Z]+\}", " ", t)))
    for group in (dataset.COLOURS, dataset.SHAPES, dataset.SIZES, POSITIONS, RELATIONS):
        for phrase in group:
            words.update(_words(phrase))
    return frozenset(words)


def vocabulary() -> dict[str, list[str]]:
    """The words to show (and insert) on the page, by role."""
    return {"colour": list(dataset.COLOURS), "shape": list(dataset.SHAPES), "size": list(dataset.SIZES),
            "position": ["in the " + p for p in POSITIONS], "relation": list(RELATIONS),
            "background": [f"on a {c} background" for c in ("blue", "white", "black")]}


# a colour word said of a shape: "red circle", "blue small square", "green triangles"
_SHAPE_COLOUR = re.compile(rf"\b({'|'.join(dataset.COLOURS)})\s+(?:(?:{'|'.join(dataset.SIZES)})\s+)?"
                           rf"(?:{'|'.join(dataset.SHAPES)})(s?)\b", re.IGNORECASE)


def colours_of_shapes(prompt: str, plurals: bool = True) -> list[str]:
    """The colour of each shape the prompt names, in order (lower case); `plurals`: also of plural shapes."""
    return [m.group(1).lower() for m in _SHAPE_COLOUR.finditer(prompt) if plurals or not m.group(2)]


def _plural_shape(word: str) -> bool:
    return word.endswith("s") and word[:-1] in dataset.SHAPES


def check_prompt(prompt: str) -> list[Finding]:
    """Everything in `prompt` the shipped model was not trained on (empty list = all known)."""
    text = prompt.lower()
    words = _words(text)
    if not words:
        return [Finding("no-object", (), "the prompt names nothing to draw")]
    found: list[Finding] = []
    known = known_words()
    negation = [w for w in words if w in NEGATIONS] + (["n't"] if "n't" in text or "n’t" in text else [])
    counts = [w for w in words if w.isdigit() or w in COUNT_WORDS or _plural_shape(w)]
    unknown = [w for w in dict.fromkeys(words) if w not in known and w not in negation and w not in counts
               and not (w == "t" and negation)]
    if negation:
        found.append(Finding("negation", tuple(dict.fromkeys(negation)),
                             "negation is not understood: the model never saw 'not'/'no'/'without', so naming "
                             "something it should leave out tends to draw it"))
    if counts:
        found.append(Finding("count", tuple(dict.fromkeys(counts)),
                             "numbers, plurals and counts are not understood: it draws one shape, or two with a relation"))
    if unknown:
        found.append(Finding("unknown-word", tuple(unknown),
                             "words it was never trained on (it ignores them or guesses): " + ", ".join(unknown)))
    shapes = [w for w in words if w in dataset.SHAPES or _plural_shape(w)]
    relations = [r for r in RELATIONS if re.search(rf"\b{r}\b", text)]
    if not shapes:
        found.append(Finding("no-object", (),
                             "no shape it can draw is named (only " + ", ".join(dataset.SHAPES) + "): it will draw a random one"))
    elif len(shapes) > 2:
        found.append(Finding("too-many-objects", tuple(shapes), "it draws at most two shapes"))
    elif len(shapes) == 2 and not relations:
        found.append(Finding("no-relation", tuple(shapes),
                             "two shapes need a relation between them: " + ", ".join(RELATIONS)))
    if relations and len(shapes) < 2:
        found.append(Finding("relation-needs-two", tuple(relations), "a relation needs a shape on each side"))
    rest = text
    for phrase in (*RELATIONS, *POSITIONS):
        rest = re.sub(rf"\b{phrase}\b", " ", rest)
    stray = [w for w in _words(rest) if w in ("top", "bottom", "left", "right")]
    if stray:
        found.append(Finding("position", tuple(stray),
                             "positions it knows: " + ", ".join(POSITIONS) + "; for two shapes: " + ", ".join(RELATIONS)))
    elif relations and any(re.search(rf"\b{p}\b", text) for p in POSITIONS):
        found.append(Finding("position", (), "a position and a relation together were never in its training captions"))
    colours = [w for w in words if w in dataset.COLOURS]
    if len(shapes) == 2 and relations:
        object_colours = colours_of_shapes(text, plurals=False)
        if len(object_colours) == 2 and object_colours[0] == object_colours[1]:
            found.append(Finding("same-colour", (object_colours[0],),
                                 "two shapes of the same colour were never in its training captions"))
    if len(colours) > (3 if len(shapes) == 2 else 2):
        found.append(Finding("too-many-colours", tuple(colours), "more colours than shapes plus one background"))
    return found
