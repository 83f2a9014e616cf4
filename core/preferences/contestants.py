"""Contestants and background generation of response pairs.

A contestant is the configured chat model (core.models.chat.get_chat_model()) with its
own sampling settings and system prompt:
    {"name": "smollm2-greedy", "system": "...", "temperature": 0, "top_p": 1.0,
     "max_new_tokens": 96, "seed": 0, "samples": 1}
For every prompt without pairs, each contestant writes `samples` candidate answers (a sampled
contestant may write several) and every two contestants form one item: of their candidates,
the two whose openings differ most (`most_different`). A small model's answers to one prompt
often start word for word alike, and a room labels such pairs ties that teach nothing; pairs
that differ where a reader looks first are the informative ones. This runs in one background
thread (`worker()`), so labelers are only ever served items that already exist and never
wait for a model. All answers to one prompt are written concurrently, so the local model's
generation engine decodes them as one batch (#15).
"""
from __future__ import annotations

import json
import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path

from sqlalchemy import select

from core.config import get_settings
from core.preferences.db import transaction
from core.preferences.importing import flag_reasons
from core.preferences.schema import Item, Prompt

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "labeling"


@dataclass(frozen=True)
class Contestant:
    name: str
    system: str = ""
    temperature: float = 0.0
    top_p: float = 1.0
    top_k: int = 0
    max_new_tokens: int = 96
    seed: int | None = 0
    samples: int = 1  # candidate answers per prompt; the item keeps the most different pair


def load_contestants(path: str | Path | None = None) -> list[Contestant]:
    path = Path(path or get_settings().prefs.contestants or ASSETS / "contestants.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ValueError(f"GENAI_PREFS_CONTESTANTS={str(path)!r}: cannot read a JSON list ({e})") from None
    if not isinstance(data, list) or len(data) < 2:
        raise ValueError(f"{path}: expected a JSON list of at least two contestants")
    known = set(Contestant.__dataclass_fields__)
    out = []
    for i, c in enumerate(data):
        if not isinstance(c, dict) or not c.get("name") or set(c) - known:
            raise ValueError(f"{path}: contestant {i} must be an object with 'name' and only {sorted(known)}; got {c!r}")
        samples = c.get("samples", 1)
        if not isinstance(samples, int) or not 1 <= samples <= 16:
            raise ValueError(f"{path}: contestant {c['name']!r}: samples must be an integer from 1 to 16; got {samples!r}")
        if samples > 1 and not c.get("temperature"):
            raise ValueError(f"{path}: contestant {c['name']!r}: samples > 1 needs a temperature > 0 "
                             "(greedy decoding writes the same answer every time)")
        out.append(Contestant(**c))
    if len({c.name for c in out}) != len(out):
        raise ValueError(f"{path}: contestant names must be unique")
    return out


def answer(c: Contestant, prompt: str, cancel: threading.Event | None = None, sample: int = 0) -> str:
    """The contestant's answer number `sample` (its seed + sample) to `prompt`."""
    from core.models.chat import get_chat_model
    from core.models.sampling import SamplingParams

    messages = ([{"role": "system", "content": c.system}] if c.system else []) + [{"role": "user", "content": prompt}]
    seed = None if c.seed is None else c.seed + sample
    params = SamplingParams(max_new_tokens=c.max_new_tokens, temperature=c.temperature, top_k=c.top_k,
                            top_p=c.top_p, seed=seed)
    result = get_chat_model().generate(messages, params, cancel)
    text = result.text.strip()
    # Cut off by the token cap: end at the last full sentence instead of mid-word ("...The").
    return whole_sentences(text) if result.new_tokens >= c.max_new_tokens else text


_SENTENCE_END = re.compile(r"(?<!\d)[.!?][)\]\"'`*]*(?=\s|$)|\n")


def whole_sentences(text: str) -> str:
    """`text` up to its last complete sentence (or line); with none, the text and an ellipsis."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if ends and ends[-1] >= len(text) * 0.3:  # keep at least a third: a lone "1." is no answer
        return text[:ends[-1]].rstrip()
    return text.rstrip() + "…"


_WORD = re.compile(r"\w+")


def opening(text: str, words: int = 12) -> set[str]:
    """The words a reader meets first: the first sentence, at most `words` words, lower-cased."""
    m = re.search(r".+?[.!?](?=\s|$)", text.strip(), flags=re.S)
    return set(_WORD.findall((m.group(0) if m else text).lower())[:words])


def opening_distance(a: str, b: str) -> float:
    """1 - Jaccard overlap of the two openings: 0 for answers that start alike, 1 for no shared word."""
    x, y = opening(a), opening(b)
    return 1.0 - len(x & y) / len(x | y) if x | y else 0.0


def most_different(left: list[str], right: list[str]) -> tuple[str, str]:
    """Of every (left, right) candidate pair, the one whose openings differ most (then the
    first such: deterministic). Identical texts are only paired when nothing else is left."""
    if not left or not right:
        raise ValueError("most_different needs at least one candidate on each side")
    pairs = [(a, b) for a in left for b in right]
    return max(pairs, key=lambda ab: (ab[0].strip() != ab[1].strip(), opening_distance(*ab)))


def rest_distance(a: str, b: str) -> float:
    """1 - Jaccard overlap of the words AFTER the openings: where two answers that start alike differ."""
    def rest(t: str) -> set[str]:
        m = re.search(r".+?[.!?](?=\s|$)", t.strip(), flags=re.S)
        return set(_WORD.findall(t.strip()[m.end():].lower() if m else ""))
    x, y = rest(a), rest(b)
    return 1.0 - len(x & y) / len(x | y) if x | y else 0.0


def shared_opening(left: list[str], right: list[str]) -> tuple[str, str]:
    """Of every (left, right) candidate pair, the one whose openings are most ALIKE, then whose rest
    differs most (then the first such). The opposite of `most_different`: a pair whose first
    sentences differ is mostly judged on them, so a difference later on (tone, a closing offer
    of help) is swamped; here the later difference is the one a labeler sees. Identical texts
    are only paired when nothing else is left."""
    if not left or not right:
        raise ValueError("shared_opening needs at least one candidate on each side")
    pairs = [(a, b) for a in left for b in right]
    return max(pairs, key=lambda ab: (ab[0].strip() != ab[1].strip(), -opening_distance(*ab), rest_distance(*ab)))


PICKERS = {"different": most_different, "shared": shared_opening}


def pending_prompts(contestants: list[Contestant]) -> list[int]:
    """Unflagged prompts missing at least one contestant pair."""
    pairs = {(a.name, b.name) for a, b in combinations(contestants, 2)}
    with transaction() as s:
        have: dict[int, set] = {}
        for pid, ca, cb in s.execute(select(Item.prompt_id, Item.contestant_a, Item.contestant_b)):
            have.setdefault(pid, set()).add((ca, cb))
        ids = s.scalars(select(Prompt.id).where(Prompt.flagged.is_(False)).order_by(Prompt.id))
        return [i for i in ids if not pairs <= have.get(i, set())]


def generate_for_prompt(prompt_id: int, contestants: list[Contestant], cancel: threading.Event | None = None) -> int:
    """Answer one prompt with every contestant and store the missing pairs. Returns items added."""
    with transaction() as s:
        text = s.get(Prompt, prompt_id).text
    if cancel is not None and cancel.is_set():
        return 0
    jobs = [(c, k) for c in contestants for k in range(c.samples)]
    with ThreadPoolExecutor(len(jobs), thread_name_prefix="contestant") as pool:
        replies = list(pool.map(lambda job: answer(job[0], text, cancel, job[1]), jobs))
    if cancel is not None and cancel.is_set():
        return 0  # cut-off replies are not stored as pairs
    candidates: dict[str, list[str]] = {}
    for (c, _), r in zip(jobs, replies):
        candidates.setdefault(c.name, []).append(r)
    added = 0
    with transaction() as s:
        for a, b in combinations(contestants, 2):
            exists = s.scalar(select(Item.id).where(Item.prompt_id == prompt_id, Item.contestant_a == a.name,
                                                    Item.contestant_b == b.name))
            if exists:
                continue
            left, right = most_different(candidates[a.name], candidates[b.name])
            reasons = flag_reasons(text, (left, right))
            s.add(Item(prompt_id=prompt_id, response_a=left, response_b=right,
                       contestant_a=a.name, contestant_b=b.name, source="generated",
                       flagged=bool(reasons), flag_reasons="; ".join(reasons)))
            added += 1
    return added


@dataclass
class WorkerStatus:
    running: bool = False
    prompts_total: int = 0
    prompts_done: int = 0
    items_added: int = 0
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


class GenerationWorker:
    """One background thread that fills in missing pairs; start() is a no-op while running."""

    def __init__(self):
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self.status = WorkerStatus()

    def start(self, limit: int | None = None) -> WorkerStatus:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return self.status
            contestants = load_contestants()
            todo = pending_prompts(contestants)[:limit]
            self.status = WorkerStatus(running=True, prompts_total=len(todo))
            self._cancel.clear()
            self._thread = threading.Thread(target=self._run, args=(todo, contestants),
                                            name="prefs-generation", daemon=True)
            self._thread.start()
            return self.status

    def _run(self, todo: list[int], contestants: list[Contestant]) -> None:
        for pid in todo:
            if self._cancel.is_set():
                break
            try:
                self.status.items_added += generate_for_prompt(pid, contestants, self._cancel)
            except Exception as e:  # one bad prompt must not stop the rest
                log.exception("generation failed for prompt %s", pid)
                self.status.errors.append(f"prompt {pid}: {e}")
            self.status.prompts_done += 1
        self.status.running = False

    def stop(self, wait: float = 0) -> None:
        self._cancel.set()
        if wait and self._thread is not None:
            self._thread.join(wait)


_worker = GenerationWorker()


def worker() -> GenerationWorker:
    return _worker
