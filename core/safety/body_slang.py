"""Slang for sexual body parts that is also a name, a bird or a building term, read by its role in an image prompt.

    sexual_slang("she licked his dick")                   # ["his dick"]
    sexual_slang("a boy reading Moby Dick under a tree")  # []
    sexual_slang("a farmer holding his cock, hens around") # []  (the bird)
    sexual_slang("the erection of a circus tent")          # []  (the building term)

"dick", "cock" and "erection" cannot be image terms on their own (Dick Grayson, a cock crowing, the erection of a
tower), and #18 round 41 showed that a person noun nearby does not tell the senses apart ("a woman feeding a cock
and three hens"). Their role does: a body part is owned ("his dick", "her hand on his hard cock") or had ("he has an
erection"). Called by image_prompt.ImagePromptScanner.rule_matches on each normalised (lower-case) form; figures in
benchmarks/results/safety_issue18_round42.md.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

# the switch (round 42's rule decides it; benchmarks/safety_image_slang_roles.py turns it off and on)
ROLE_RULE = True

_OWNED = re.compile(r"\b(?:my|your|his|her|our|their)\s+(?P<between>(?:[a-z]+\s+){0,2}?)(?:dicks?|cocks?)\b"
                    r"|\b(?P<owner>[a-z]+)'s\s+(?P<owned_between>(?:[a-z]+\s+){0,2}?)(?:dicks?|cocks?)\b")
# a person or kinship noun between the possessive and the word makes it a name ("my grandfather Dick"), as do the
# titles that end in it ("his Moby Dick", "her spotted dick pudding"); a listed person noun with "'s" owns it
_PERSONS = set(json.loads((Path(__file__).parent / "curated" / "image_terms.json").read_text(encoding="utf-8"))
               ["person"]["en"])
_NAMING = _PERSONS | {"grandfather", "grandpa", "father", "dad", "uncle", "brother", "son", "cousin", "friend",
                      "buddy", "pal", "neighbour", "neighbor", "nephew", "grandson", "colleague", "boss", "teacher",
                      "moby", "spotted"}
_OWNERS = _PERSONS | {"lover", "lovers", "partner", "partners"}
# (#18 round 45) whoever the owner with "'s" is ("my neighbour's dick", "Tom's dick"), unless a person, kinship or
# title word stands between ("my uncle's Moby Dick poster") or the prompt as written names a Dick ("my brother's
# Dick Tracy comic"). False = only the owners listed above
ANY_OWNER = True
_HAD = re.compile(r"\b(?:(?:my|your|his|her|our|their)\s+(?:[a-z]+\s+)?"
                  r"|(?:with|has|have|had|having|gets?|got|getting)\s+(?:an?\s+)?(?:[a-z]+\s+)?)"
                  r"erections?\b(?!\s+of\b)")
# a bird or farm word keeps "cock" the bird's ("a farmer holding his cock, hens around")
_BIRD = re.compile(r"\b(?:hens?|chickens?|roosters?|chicks?|coops?|farms?|farmers?|barns?|barnyard|feathers?|"
                   r"feathered|crow|crows|crowing|poultry|birds?|weathervanes?|weathercocks?|cockerels?|fowl|"
                   r"cockfight\w*|beak|comb|wattle)\b")


def sexual_slang(form: str, names_a_dick: bool = False) -> list[str]:
    """The owned or had body-part slang in a lower-case normalised prompt (empty when the switch is off).
    `names_a_dick`: the prompt as written has a capitalised "Dick" that stands as a name ("my brother's Dick Tracy
    comic"), which its lower-case form cannot show."""
    if not ROLE_RULE:
        return []
    found = [m.group(0) for m in _HAD.finditer(form)]
    bird = _BIRD.search(form) is not None
    for m in _OWNED.finditer(form):
        if bird and "cock" in m.group(0):
            continue
        if m.group("owner") is not None:
            if ANY_OWNER and not _NAMING.intersection(m.group("owned_between").split()) \
                    and not (names_a_dick and "dick" in m.group(0)):
                found.append(m.group(0))
            elif m.group("owner") in _OWNERS:
                found.append(m.group(0))
        elif not _NAMING.intersection(m.group("between").split()):
            found.append(m.group(0))
    return found
