"""Image-prompt filter for text-to-image: sexual content, graphic violence, sexualised
minors, hate symbols and self-harm, in English, German, French, Spanish, Italian,
Portuguese and Dutch.

Two signals, read on the normalised text (core/safety/normalize.py: look-alike letters,
accents, invisible characters, split letters and leetspeak undone):
1. word rules (core/safety/curated/image_terms.json; GENAI_SAFETY_IMAGE_TERMS_FILE adds
   lists to them, e.g. {"sexual": ["..."], "allow": ["..."]}):
   - sexual / gore / hate / self_harm terms flag on their own (0.9); *_weak terms
     ("bikini", "blood", "noose") only add up (0.35 each, noisy-or), so "a blood orange"
     passes and "a bloody corpse" does not;
   - sexual_context words have a harmless sense ("un arbre nu", "blote voeten") and count
     as sexual only within a few words of a person noun ("une femme nue");
   - minors: harmless alone ("a child flying a kite"); with ANY sexual term the score is 1.0;
   - allow entries ("sex on the beach", "naked eye") excuse a match that lies inside them;
     they delete nothing, so "two people having sex on the beach" is still caught.
2. a classifier (char and word n-grams, trained here on template-made prompts;
   core/safety/image_classifier.py) over sexual / gore / hate / self_harm, for
   descriptions without a listed word ("a woman who took off everything she was
   wearing"); its "sexual" with a minor term in the prompt counts as "minors".

The score is the larger of the two; `explain()` gives the per-category scores.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from core.safety import term_matcher as tm
from core.safety import text as textutil
from core.safety.body_slang import sexual_slang
from core.safety.normalize import variants
from core.safety.toxicity import names_a_dick
from core.safety.verdict import ScanScore

TERMS_FILE = Path(__file__).parent / "curated" / "image_terms.json"
CATEGORIES = ("sexual", "gore", "minors", "hate", "self_harm")
RULE_KEYS = ("sexual", "sexual_context", "sexual_weak", "gore", "gore_weak", "hate", "hate_weak",
             "self_harm", "self_harm_weak", "minors", "person", "clothing", "allow")
# settings that change what a sensitive word means (see _excuse_by_setting)
CONTEXT_KEYS = ("nudity", "art_context", "sacred_symbol", "sacred_context", "nazi_context")
LABELS = {"sexual": "sexual content", "gore": "graphic violence", "minors": "sexual content involving minors",
          "hate": "hate symbols", "self_harm": "self-harm"}
STRONG, WEAK, MINOR_WITH_SEXUAL = 0.9, 0.35, 1.0
EXCUSED_FLOOR = 0.8  # see explain(): classifier probability that counts as 0 when a category's words are all excused
LONG_TEXT_CHARS = 2000  # longer texts are matched segment by segment (see rule_matches)
CONTEXT_CHARS = 30  # a sexual_context word counts when a person noun is this close
_AGE = re.compile(r"(?<!\w)(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                  r"fourteen|fifteen|sixteen|seventeen)[\s-]*(?:years?[\s-]*old|yrs?[\s-]*old|year|jahre?\s+alt|jahrig\w*|"
                  r"ans|anos|anni|jaar|jarige?)(?!\w)")


def load_terms(extra_file: str | Path | None = None) -> dict[str, list[str]]:
    """Category -> terms (every language), plus the lists of an extra JSON file."""
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    terms = {k: [t for lang in data[k].values() for t in lang] for k in RULE_KEYS + CONTEXT_KEYS}
    if extra_file:
        extra = json.loads(Path(extra_file).read_text(encoding="utf-8"))
        if not isinstance(extra, dict):
            raise ValueError(f"image terms file {extra_file} must hold a JSON object of lists")
        for key, values in extra.items():
            if key not in terms or not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ValueError(f"image terms file {extra_file}: key {key!r} must be one of "
                                 f"{sorted(terms)} with a list of strings")
            terms[key] += values
    return terms


class ImagePromptScanner:
    name = "image_prompt"

    def __init__(self, terms_file: str | Path | None = None, classifier: bool = True):
        terms = load_terms(terms_file)
        self.patterns = {k: tm.compile_terms(v) for k, v in terms.items()}
        # words a letter of another script may stand in for ("nцde"): the flagging lists
        self.respell_words = tm.single_words([t for k in ("sexual", "sexual_context", "gore", "hate", "self_harm")
                                              for t in terms[k]])
        self.classifier = None
        if classifier:
            from core.safety.image_classifier import load_image_classifier

            self.classifier = load_image_classifier()

    def rule_matches(self, text: str) -> dict[str, list[str]]:
        """Rule key -> the terms that count (allow exceptions applied), over every matching form."""
        found: dict[str, set[str]] = {k: set() for k in RULE_KEYS if k not in ("allow", "person", "clothing")}
        found["excused"] = set()
        settings: set[str] = set()
        # a long text is matched segment by segment: the forms of one segment differ only
        # where that segment was obfuscated, so a 20,000-character paste does not cost a
        # dozen full-length forms
        pieces = [text] if len(text) <= LONG_TEXT_CHARS else textutil.segments(text)
        named = names_a_dick(text)  # capitals say which "Dick" is a name; the forms are lower-case
        for form in (f for piece in pieces for f in self._forms(piece)):
            persons = tm.find(self.patterns["person"], form)
            # an allow entry describes a thing ("a naked, treeless ridge", "nude and blush tones"):
            # one that spans a person noun ("naked woman on a ridge") excuses nothing
            allowed = [a for a in tm.find(self.patterns["allow"], form)
                       if not any(a.start <= p.start and p.end <= a.end for p in persons)]
            for key in RULE_KEYS:
                if key in ("allow", "person", "clothing"):
                    continue
                matches = tm.find(self.patterns[key], form)
                kept = tm.excuse(matches, allowed)
                if len(kept) < len(matches):
                    found["excused"].add(key.removesuffix("_weak").removesuffix("_context"))
                for m in kept:
                    if key == "sexual_context":
                        near = any(p.end >= m.start - CONTEXT_CHARS and p.start <= m.end + CONTEXT_CHARS for p in persons)
                        found["sexual" if near else "sexual_weak"].add(m.term)
                    else:
                        found[key].add(m.term)
            found["minors"].update(m.group(0) for m in _AGE.finditer(form))
            found["sexual"].update(sexual_slang(form, named))  # "his dick", "has an erection": the word's role, not a list
            for key in ("art_context", "sacred_context", "nazi_context"):
                if tm.find(self.patterns[key], form):
                    settings.add(key)
        self._excuse_by_setting(found, settings)
        return {k: sorted(v) for k, v in found.items() if v}

    def _excuse_by_setting(self, found: dict[str, set[str]], settings: set[str]) -> None:
        """Words whose harmless sense the setting gives (image_terms.json, the context lists):
        - nudity words naming an existing artwork or its study ("a marble statue of a nude
          athlete", "the nude in Renaissance painting, art history slide"): excused when they
          are the prompt's only sexual words and no minor is named;
        - the swastika in a Hindu, Buddhist or Jain setting ("a temple decorated with a
          swastika, diwali lamps"): excused when no Nazi word (flag, rally, Hitler ...) is there
          and it is the prompt's only hate word.
        Excused words leave the classifier only a very sure verdict (see explain)."""
        def only(keys: tuple[str, ...], allowed_key: str) -> bool:
            words = [w for k in keys for w in found.get(k, ())]
            return bool(words) and all(tm.find(self.patterns[allowed_key], w) for w in words)

        sexual = ("sexual", "sexual_context", "sexual_weak")
        if "art_context" in settings and not found.get("minors") and only(sexual, "nudity"):
            for k in sexual:
                found[k] = set()
            found["excused"].add("sexual")
        if ("sacred_context" in settings and "nazi_context" not in settings
                and only(("hate", "hate_weak"), "sacred_symbol")):
            found["hate"], found["hate_weak"] = set(), set()
            found["excused"].add("hate")

    def _forms(self, text: str):
        """The matching forms, and for a form with a letter of another script inside a Latin
        word, that form with the word read as the listed word it can stand for."""
        for form in variants(text):
            yield form
            if not form.isascii():
                respelled = tm.respell_foreign_letters(form, self.respell_words)
                if respelled is not None:
                    yield respelled

    def rule_scores(self, hits: dict[str, list[str]]) -> dict[str, float]:
        scores = {}
        for cat in ("sexual", "gore", "hate", "self_harm"):
            keep = (1 - STRONG) ** bool(hits.get(cat)) * (1 - WEAK) ** len(hits.get(cat + "_weak", []))
            scores[cat] = 1 - keep
        if hits.get("minors") and (hits.get("sexual") or hits.get("sexual_weak")):
            scores["minors"] = MINOR_WITH_SEXUAL
        return scores

    def explain(self, text: str) -> tuple[dict[str, float], list[str]]:
        """(category -> score in [0, 1], reasons)."""
        hits = self.rule_matches(text)
        rules = self.rule_scores(hits)
        probs = self.classifier.category_probs(text) if self.classifier is not None else {}
        if hits.get("minors"):  # the classifier knows "sexual"; a minor in the prompt makes it "minors"
            probs["minors"] = probs.get("sexual", 0.0)
        scores, reasons = {}, []
        for cat in CATEGORIES:
            r, p = rules.get(cat, 0.0), probs.get(cat, 0.0)
            if cat in hits.get("excused", []) and r == 0.0:
                # the only words of this category are inside allow entries ("naked eye"):
                # the classifier reads those same words, so it must be very sure on its own
                # (probability 0.8 -> 0, 0.9 -> 0.5, the flag line, 1.0 -> 1.0)
                p = min(1.0, max(0.0, (p - EXCUSED_FLOOR) / (1 - EXCUSED_FLOOR)))
            scores[cat] = round(max(r, p), 4)
            if r >= 0.5:
                terms = hits.get(cat, []) + hits.get(cat + "_weak", [])
                if cat == "minors":
                    terms = hits["minors"] + hits.get("sexual", []) + hits.get("sexual_weak", [])
                reasons.append((scores[cat], f"{LABELS[cat]}: " + ", ".join(sorted(set(terms)))))
            elif p >= 0.5:
                reasons.append((scores[cat], f"{LABELS[cat]} (classifier {p:.2f})"
                                + (": " + ", ".join(hits["minors"]) if cat == "minors" else "")))
        # the gravest first: "minors" (1.0) before the plain "sexual" it implies
        reasons.sort(key=lambda r: -r[0])
        return scores, [r for _, r in reasons]

    def scan(self, text: str) -> ScanScore:
        if not text.strip():
            return ScanScore(0.0, [])
        scores, reasons = self.explain(text)
        return ScanScore(max(scores.values()), reasons)
