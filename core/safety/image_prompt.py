"""Image-prompt filter for text-to-image: sexual content, gore, and anything sexual near minors.

Configurable term lists (defaults below; GENAI_SAFETY_IMAGE_TERMS_FILE points at a JSON
file whose lists are ADDED to them, e.g. {"sexual": ["..."], "allow": ["..."]}):
- sexual / gore: strong terms flag on their own (score 0.9); weak terms ("sexy",
  "bikini", "blood") only add up (0.35 each, noisy-or), so "a sexy red sports car" or
  "a blood orange" pass while "bloody dismembered limbs" does not;
- minors: harmless alone ("a child flying a kite"), but ANY sexual term, weak or strong,
  together with a minor term scores 1.0;
- allow: phrases removed before matching ("chicken breast", "breast cancer", "bloody mary").
The policy runs the toxicity scanner on image prompts as well (abusive prompts).
Matching is on whole words of a de-obfuscated copy ("p0rn", "n u d e").
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from core.safety import text as textutil
from core.safety.verdict import ScanScore

DEFAULT_TERMS: dict[str, list[str]] = {
    "sexual": [
        "nude", "nudes", "naked", "nudity", "nsfw", "porn", "porno", "pornographic", "pornography", "xxx",
        "sex", "sexual", "sexually", "sexualized", "sexualised", "erotic", "erotica", "hentai", "topless",
        "bottomless", "genitals", "genitalia", "penis", "vagina", "nipples", "bare breasts", "boobs",
        "stripper", "striptease", "orgasm", "unclothed", "undressed", "spread legs", "fetish", "bdsm",
        "uncensored", "adult film", "onlyfans", "lewd", "explicit", "loli", "lolicon", "shota", "camgirl",
        "having sex", "intercourse", "masturbating", "blowjob",
    ],
    "sexual_weak": [
        "sexy", "lingerie", "seductive", "provocative", "revealing", "bikini", "underwear", "panties",
        "busty", "cleavage", "boudoir", "sensual", "breasts", "thong", "posing suggestively", "in bed",
        "on a bed", "lying on a bed", "spicy", "steamy",
    ],
    "gore": [
        "gore", "gory", "decapitated", "decapitation", "beheading", "beheaded", "dismembered", "dismemberment",
        "mutilated", "mutilation", "disembowelled", "disemboweled", "disembowelment", "severed head",
        "severed fingers", "severed limbs", "intestines", "guts spilling", "guts everywhere", "exposed organs",
        "slit throat", "brains splattered", "blood splatter", "crushed skull", "flayed", "impaled",
        "head exploding", "faces ripped off", "torn flesh", "entrails",
    ],
    "gore_weak": [
        "blood", "bloody", "corpse", "corpses", "dead body", "dead bodies", "tortured", "torture", "autopsy",
        "wound", "wounds", "guts", "skull", "mangled", "carcass", "execution", "massacre", "cut open",
        "blood pouring", "bleeding",
    ],
    "minors": [
        "child", "children", "kid", "kids", "minor", "minors", "underage", "teen", "teens", "teenage",
        "teenager", "preteen", "schoolgirl", "schoolboy", "young girl", "young boy", "little girl",
        "little boy", "toddler", "baby", "infant", "loli", "shota", "boy", "girl", "juvenile",
        "cheerleader",
    ],
    "allow": [
        "breast cancer", "chicken breast", "turkey breast", "duck breast", "breastfeeding", "breaststroke",
        "blood orange", "bloody mary", "blood cell", "blood cells", "blood pressure", "blood moon",
        "blood donation", "sexual reproduction", "nude color", "nude colour", "nude lipstick",
        "nude heels", "sex on the beach", "explicit formula", "explicit content warning",
        "dead tree", "skull and crossbones",
    ],
}
STRONG, WEAK, MINOR_WITH_SEXUAL = 0.9, 0.35, 1.0
_AGE = re.compile(r"\b(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                  r"fourteen|fifteen|sixteen|seventeen)[ -]years?[ -]old\b", re.I)


def _compile(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    alts = sorted({re.escape(t.lower().strip()).replace(r"\ ", r"[\s-]+") for t in terms if t.strip()},
                  key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")(?:s|es)?\b")


def load_terms(extra_file: str | Path | None = None) -> dict[str, list[str]]:
    terms = {k: list(v) for k, v in DEFAULT_TERMS.items()}
    if extra_file:
        data = json.loads(Path(extra_file).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"image terms file {extra_file} must hold a JSON object of lists")
        for key, values in data.items():
            if key not in terms or not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ValueError(f"image terms file {extra_file}: key {key!r} must be one of "
                                 f"{sorted(terms)} with a list of strings")
            terms[key] += values
    return terms


class ImagePromptScanner:
    name = "image_prompt"

    def __init__(self, terms_file: str | Path | None = None):
        terms = load_terms(terms_file)
        self.patterns = {k: _compile(v) for k, v in terms.items()}

    def _hits(self, kind: str, text: str) -> list[str]:
        rx = self.patterns.get(kind)
        return sorted({m.group(0) for m in rx.finditer(text)}) if rx else []

    def scan(self, text: str) -> ScanScore:
        plain = textutil.clean(text).lower()
        probe = plain + "\n" + textutil.deobfuscate(plain)
        if self.patterns["allow"] is not None:
            probe = self.patterns["allow"].sub(" ", probe)
        sexual, sexual_weak = self._hits("sexual", probe), self._hits("sexual_weak", probe)
        gore, gore_weak = self._hits("gore", probe), self._hits("gore_weak", probe)
        minors = self._hits("minors", probe) + ([m.group(0) for m in _AGE.finditer(probe)])
        keep, reasons = 1.0, []
        if sexual:
            keep *= 1 - STRONG
            reasons.append("sexual content: " + ", ".join(sexual))
        if gore:
            keep *= 1 - STRONG
            reasons.append("graphic violence: " + ", ".join(gore))
        for w in sexual_weak + gore_weak:
            keep *= 1 - WEAK
        if (sexual_weak or gore_weak) and not (sexual or gore):
            reasons.append("suggestive or violent terms: " + ", ".join(sexual_weak + gore_weak))
        score = 1 - keep
        if minors and (sexual or sexual_weak):
            score = MINOR_WITH_SEXUAL
            reasons.insert(0, "sexual content involving minors: " + ", ".join(sorted(set(minors))))
        return ScanScore(round(score, 4), reasons)
