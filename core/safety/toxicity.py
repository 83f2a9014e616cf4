"""Toxicity / profanity: a trained classifier, directed-threat patterns, and embedding similarity.

1. alt-profanity-check (TF-IDF over whole words + calibrated linear SVMs, shipped in its
   wheel). Whole words, so "Scunthorpe" or "cocktail" never match "cunt" / "cock".
   We run its linear models directly with numpy (same numbers as its predict_prob,
   checked in the tests) because sklearn's CalibratedClassifierCV adds ~3 ms of overhead
   per call. Texts are scored per sentence (an insult is not diluted by a long, polite
   text), on a de-obfuscated copy ("f*ck", "sh1t", "f u c k").
2. Threat / self-harm patterns that need a target ("I will kill you", "kill yourself"),
   so "kill a process" stays clean.
3. Optional: embedding similarity to core/safety/curated/abusive.txt (threats and
   dehumanising hate often contain no swear word), contrasted with benign look-alikes.

The score is the maximum of the three, in [0, 1].
"""
from __future__ import annotations

import re

import numpy as np

from core.caches import register_cache
from core.models.lazy import Lazy
from core.safety import text as textutil
from core.safety.ngram_counts import NgramCounter, rows_times, tfidf_rows
from core.safety.normalize import normalize
from core.safety.similarity import ExampleSet
from core.safety.verdict import ScanScore

MAX_SEGMENTS = 64  # model work per call is bounded; see pick_segments


class FastProfanity:
    """alt-profanity-check's model, evaluated without sklearn's per-call overhead."""

    def __init__(self):
        from profanity_check import profanity_check as pc  # loads the joblib model (~1 s)

        self.vectorizer = pc.vectorizer
        self.counter = NgramCounter(pc.vectorizer)  # its counts without sklearn's per-call checks
        self.reference = pc.model
        coefs, intercepts, slopes, offsets = [], [], [], []
        for cc in pc.model.calibrated_classifiers_:
            coefs.append(np.ravel(cc.estimator.coef_))
            intercepts.append(float(np.ravel(cc.estimator.intercept_)[0]))
            cal = cc.calibrators[0]
            slopes.append(cal.a_)
            offsets.append(cal.b_)
        self.w = np.stack(coefs, axis=1)  # (vocab, n_models)
        self.b = np.asarray(intercepts)
        self.a = np.asarray(slopes)
        self.c = np.asarray(offsets)
        # Trigger words: >= 3 letters with a clearly positive weight. A sentence without
        # one is capped below the flag line: the TF-IDF rows are unit-normalised, so a lone
        # 2-letter fragment of binary junk ("ke", "va") could otherwise score > 0.5.
        vocab = sorted(self.vectorizer.vocabulary_, key=self.vectorizer.vocabulary_.get)
        mean_w = self.w.mean(axis=1)
        self.triggers = frozenset(w for w, x in zip(vocab, mean_w) if x >= 1.0 and len(w) >= 3)
        # Mild triggers: words the model does not call abusive on their own (probability of
        # the word alone < MILD_BELOW): "white", "brain", "cancer", "mom", "clouds", "lazy".
        # Its training data (insults) taught it to lean on them, which is why a two-word
        # image prompt "white backdrop" scored 0.70. See ToxicityScanner.scan.
        words = sorted(self.triggers)
        self.mild = frozenset(w for w, x in zip(words, self.predict_prob(words)) if x < MILD_BELOW)

    def predict_prob(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        decision = rows_times(*tfidf_rows(self.vectorizer, self.counter, texts), self.w) + self.b  # (n, n_models)
        prob = 1.0 / (1.0 + np.exp(self.a * decision + self.c))  # Platt scaling per model
        return prob.mean(axis=1)


_profanity: Lazy[FastProfanity] = Lazy(FastProfanity)
register_cache("profanity classifier", _profanity.reset)

# Words with an innocent sense ("a cock and a hen", "Dick Grayson", "the history of hell").
# When a sentence's only trigger words are these and it addresses nobody, it is a mention,
# not an insult: its classifier score is capped below the flag line.
AMBIGUOUS = frozenset("""
cock cocks dick dicks pussy ass asses hell damn screw crap bloody balls butt kill killed killing
die dies sex sexual gay homosexual queer fat pig pigs sick hate shut suck sucks boobs penis
vagina anus semen fart rubbish ridiculous garbage stink stinks nerd nerds fool hater racist
rat rats negro negra negros negras fatty skull skulls spout spouts smelly stinky
""".split())
# #18 round 40: trigger words whose everyday sense in manuals, handbooks and questions is no insult ("Which two
# chambers make up Congress?", "Is the mouth of the hopper removable?" were refused as toxic). With the switch on they
# count as ambiguous: a sentence that addresses nobody and whose only triggers are these is a mention. ON since round
# 40: documentation sentences blocked 7 -> 1 of 70, every toxic row and insult addressed to the reader still blocked;
# 7 more of 12 insults about a third party let through (benchmarks/results/safety_issue18_round40.md).
EVERYDAY_SENSES = frozenset("""
blow blows buzz chamber chambers dirty donkey donkeys dummy dummies mouth nosed nuts mental lick shame
""".split())
EVERYDAY_SENSES_AMBIGUOUS = True
# #18 round 43: "Dick" written as a name ("Dick Van Dyke", "my friend Dick", "Philip K. Dick", "Dick and Jane") is read
# as the name "Richard" before scoring: the classifier only sees the lower-cased word, and "can you draw my friend
# Dick" addresses the reader, so the mention cap above does not apply. Lower-case "dick" and the insult compounds
# ("Dick Head", "Dick move") are scored as written. ON since round 43: the 3 of 12 harmless name prompts flagged are
# no longer; insults and tests/data toxicity rows unchanged (benchmarks/results/safety_issue18_round43.md).
NAMES_READ_AS_NAMES = True
_KIN = ("friend|uncle|grandfather|grandpa|father|dad|brother|son|cousin|nephew|neighbou?r|colleague|boss|teacher|"
        "husband|boyfriend|man|boy|guy|named|called|mister|Mr\\.?|sir")
_INSULT_COMPOUND = "Head|Heads|Face|Faces|Wad|Wads|Hole|Holes|Weed|Move|Moves|Pic|Pics"
# capitalised words before "Dick" that make it an insult, not a name ("You Dick!", "Total Dick")
_NOT_A_NAME_BEFORE = ("You|Your|Ur|Such|What|A|An|The|Total|Absolute|Big|Stupid|Fat|Stop|Be|Being|Dont|Don't|Like|"
                      "Real|Complete|Utter|Massive|Huge|Little|Small|Is|Are|Im|I'm|Ya|Yo|Hey|Oi")
_NAMED_DICK = re.compile(
    rf"(?P<pre>\b(?:{_KIN})\s"                                              # my friend Dick, a man named Dick
    rf"|\b(?!(?:{_NOT_A_NAME_BEFORE})\b)[A-Z][a-z]+\s|\b[A-Z]\.\s"            # Moby Dick, Philip K. Dick
    r"|\b[A-Z][a-z]+ and )Dick\b"                                          # Jane and Dick
    rf"|\bDick(?=\s(?!(?:{_INSULT_COMPOUND})\b)[A-Z][a-z]|\sand\s[A-Z][a-z])")   # Dick Van Dyke, Dick and Jane


def names_a_dick(text: str) -> bool:
    """Whether the text as written has a capitalised "Dick" that stands as a name (the reading below)."""
    return NAMES_READ_AS_NAMES and _NAMED_DICK.search(text) is not None


def _names_read_as_names(text: str) -> str:
    if not NAMES_READ_AS_NAMES:
        return text
    return _NAMED_DICK.sub(lambda m: (m.group("pre") or "") + "Richard", text)


# Slurs that are everyday words in a language the suite claims: Dutch "hoe" (how) and "hoes"
# (a cover). In a sentence that reads as Dutch (more Dutch function words than English ones)
# they are capped like a mention; "you dumb hoe" has no Dutch word and is still read as English.
DUTCH_HOMOGRAPHS = frozenset({"hoe", "hoes"})
_DUTCH = frozenset("""
het een van ik je jij jullie niet dat dit deze met voor zijn ook maar kan kun kunt wat waar waarom
wanneer wie laat gaat werkt moet lang langer veel naar bij uit wordt heb hebt heeft mijn jouw onze
nog wel geen dan als zo hij zij ze wij uw graag weet welke meer minder moeilijk makkelijk
""".split())
_ENGLISH = frozenset("""
the a an to of and or you your is are be in on at for this that it with me my not what do does can
how why when who were was so but all
""".split())
_LETTERS = re.compile(r"[a-z]+")
# spelled the same in both languages ("in het jaar", "is", "was", "me"): evidence for neither
_SHARED = frozenset({"in", "is", "was", "me"})


def _reads_as_dutch(seg: str) -> bool:
    words = [w for w in _LETTERS.findall(seg) if w not in _SHARED]
    dutch = sum(w in _DUTCH for w in words)
    return dutch >= 1 and dutch > sum(w in _ENGLISH for w in words)


_ADDRESSED = re.compile(r"\b(?:you|u|ur|your|yours|yourself|ya|y'all)\b", re.I)
MENTION_CAP = 0.45
MILD_BELOW = 0.8
# embedding check: flag only when this close to an abusive example. 0.6 let generated science
# answers through at 0.67-0.70 ("...the oxygen we breathe"); 0.75 keeps every dev item
EMBED_MIN_COSINE = 0.75
_WORD = re.compile(r"[a-z]{3,}")
_CODE = re.compile(r"`[^`\n]{1,200}`")

_YOU = r"(?:you|u|ya|yourself|your\s+\w+|them\s+all|him|her)"
_THREATS = [
    (re.compile(r"\b(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna)|im\s+(?:going\s+to|gonna)|gonna|i\s+swear\s+i'?(?:ll|m\s+going\s+to))"
                r"\s+(?:\w+\s+){0,3}?(?:kill|murder|stab|shoot|rape|hurt|beat|smash|strangle|choke|burn|bleed|find)\b"
                r"(?:\s+\w+){0,2}?\s+" + _YOU + r"\b", re.I), "threat of violence"),
    (re.compile(r"\b(?:kill|hang|shoot|off)\s+(?:yo)?urself\b|\bkys\b|\bgo\s+(?:die|drink\s+bleach)\b|\bjust\s+(?:die|end\s+it)\b", re.I),
     "incitement to self-harm"),
    (re.compile(r"\bi\s+hope\s+(?:some(?:one|body)\s+(?:stabs|kills|shoots|hurts|rapes|beats|murders)\s+you\b"
                r"|(?:you|your\s+\w+)\b(?:\s+\w+){0,2}?\s+(?:die|dies|suffer|burn|get\s+(?:cancer|raped|hurt|killed))\b)", re.I),
     "wishing harm"),
    (re.compile(r"\b(?:should|deserve\s+to|must|need\s+to)\s+(?:all\s+)?be\s+(?:\w+\s+)?(?:exterminated|wiped\s+out|gassed|beaten|hanged|shot|killed|locked\s+up\s+and\s+beaten)\b", re.I),
     "call for violence against people"),
    # a sexual insult in the imperative, aimed at the speaker's body ("suck my dick", "blow me"): it addresses the reader
    # without saying "you", so the mention cap let it through (#18 round 40b, found by probing after round 40)
    (re.compile(r"\b(?:suck|lick|blow)\s+me\b(?!\s+(?:away|off|up|out|over|a\s+kiss))"
                r"|\b(?:suck|lick|blow|kiss|eat|sit\s+on)\s+my\s+(?:dick|cock|balls|nuts|ass|arse|butt|tits|pussy|clit|penis|"
                r"knob|willy|pecker)\b", re.I), "sexual insult"),
    (re.compile(r"\b(?:subhuman|untermensch)\b", re.I), "dehumanising language"),
    # a group (or "your kind") called vermin or disease: hate without a swear word
    (re.compile(r"\b(?:immigrants|refugees|migrants|foreigners|jews|muslims|christians|blacks|whites|asians|arabs|mexicans|"
                r"gays|lesbians|trans\s+people|women|men|your\s+(?:whole\s+)?(?:race|kind|people|tribe)|(?:those|these)\s+people)"
                r"\s+(?:are|is)\s+(?:all\s+)?(?:(?:a|an|just|nothing\s+but|like)\s+)?(?:\w+\s+)?"
                r"(?:rats|vermin|animals|parasites|plague|cockroaches|disease|cancer|filth|scum|trash|subhuman|apes|monkeys|insects)\b", re.I),
     "dehumanising language"),
]


class ToxicityScanner:
    name = "toxicity"

    def __init__(self, embeddings: str = "static"):
        self.embeddings = embeddings  # static | full | off
        self.examples = ExampleSet("abusive.txt", "abusive_contrast.txt")

    def scan(self, text: str) -> ScanScore:
        if not text.strip():
            return ScanScore(0.0, [])
        # inline code is a mention ("use the `kill` command"), then the shared matching form
        plain = normalize(_CODE.sub(" code ", _names_read_as_names(text)))
        model = _profanity.get()
        segs = textutil.segments(plain)
        triggers = [set(_WORD.findall(seg)) & model.triggers for seg in segs]
        if len(segs) > MAX_SEGMENTS:  # the sentences with trigger words first, then head and tail
            keep = textutil.pick_indices(len(segs), MAX_SEGMENTS, [i for i, t in enumerate(triggers) if t])
            segs, triggers = [segs[i] for i in keep], [triggers[i] for i in keep]
        probs = model.predict_prob(segs)
        ambiguous = AMBIGUOUS | EVERYDAY_SENSES if EVERYDAY_SENSES_AMBIGUOUS else AMBIGUOUS
        for i, seg in enumerate(segs):
            # a sentence that addresses nobody and whose only trigger words are ambiguous or
            # mild is a mention or a description, not an insult: capped below the flag line
            if not triggers[i] or (triggers[i] <= (ambiguous | model.mild) and not _ADDRESSED.search(seg)):
                probs[i] = min(probs[i], MENTION_CAP)
            elif (triggers[i] & DUTCH_HOMOGRAPHS and triggers[i] <= (DUTCH_HOMOGRAPHS | AMBIGUOUS | model.mild)
                  and _reads_as_dutch(seg)):
                probs[i] = min(probs[i], MENTION_CAP)
        score, reasons = float(probs.max(initial=0.0)), []
        if score >= 0.5:
            reasons.append(f"profanity/insult classifier {score:.2f}")
        for rx, why in _THREATS:
            if rx.search(plain):
                score = max(score, 0.95)
                reasons.append(why)
        if self.embeddings != "off" and score < 0.95:
            emb_score = self._similarity(segs)
            if emb_score >= 0.5:
                reasons.append(f"close to known abusive messages {emb_score:.2f}")
            score = max(score, emb_score)
        return ScanScore(round(min(score, 1.0), 4), reasons)

    def _similarity(self, segs: list[str]) -> float:
        if not segs:
            return 0.0
        pos, neg = self.examples.score(segs, self.embeddings)
        # flag (>= 0.5) only when close to an abusive example (cosine >= EMBED_MIN_COSINE) AND clearly
        # closer to it than to every benign look-alike (margin >= 0.2): static token
        # embeddings of rare words (names, places) are noisy, so this check is conservative.
        margin = pos - np.maximum(neg, 0.35)
        evidence = np.minimum(pos - EMBED_MIN_COSINE, margin - 0.2)
        return float(np.clip(0.5 + evidence * 5.0, 0.0, 1.0).max())
