"""The explicit and harmless image prompts of #18 rounds 41-45b, in one place for later rounds' scripts."""
from __future__ import annotations

from benchmarks.safety_image_person_words import BENIGN, BENIGN_B2, DISALLOWED
from benchmarks.safety_image_slang_owners import BENIGN_45, BENIGN_45B, DISALLOWED_45, DISALLOWED_45B
from benchmarks.safety_image_slang_roles import BENIGN_42, BENIGN_42B, DISALLOWED_42, DISALLOWED_42B
from benchmarks.safety_image_slang_senses import BENIGN_44, DISALLOWED_44

ALL_DISALLOWED = DISALLOWED + DISALLOWED_42 + DISALLOWED_42B + DISALLOWED_44 + DISALLOWED_45 + DISALLOWED_45B
ALL_BENIGN = BENIGN + BENIGN_B2 + BENIGN_42 + BENIGN_42B + BENIGN_44 + BENIGN_45 + BENIGN_45B
