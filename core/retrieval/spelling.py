"""British and American spellings of one word are one search term.

    american("licence")  # 'license'
    american("colours")  # 'colors'

A visitor from a British workshop asks "What licence is the manual under?" of a manual that says
"GNU Free Documentation License": the stemmer keeps "licenc" and "licens" apart, so BM25 misses
the passage and the abstention finds the question's main word in no document. Every word is
mapped to its American spelling before stemming (bm25.stem), in questions and documents alike,
so either spelling finds the other.

Only listed words are mapped: a general rule would hit words that merely look British ("hour", "four",
"precise", "promise", "exercise", "acre"), and pairs with two meanings stay apart ("cheque" / "check",
"storey" / "story", "draught" / "draft").
"""
from __future__ import annotations

# roots spelled -our in British English: colour -> color, favourite -> favorite, colours, coloured
_OUR = ("arbour armour behaviour candour clamour colour demeanour endeavour favour fervour flavour glamour "
        "harbour honour humour labour neighbour odour parlour rancour rigour rumour saviour splendour tumour "
        "valour vapour vigour").split()
# roots spelled -re: centre -> center, centred, centres, metres
_RE = "calibre centre fibre litre lustre meagre metre sabre sceptre sombre spectre theatre".split()
# verbs spelled -ise / -yse (and their -isation nouns): organise -> organize, organisation -> organization
_ISE = ("apologise authorise capitalise categorise centralise characterise criticise customise emphasise "
        "finalise generalise initialise localise maximise memorise minimise modernise normalise optimise "
        "organise parallelise penalise personalise prioritise randomise realise recognise sanitise serialise "
        "specialise stabilise standardise summarise symbolise synchronise tokenise utilise virtualise "
        "visualise").split()
_YSE = "analyse catalyse paralyse".split()
# single words
_WORDS = {
    "licence": "license", "licences": "licenses", "defence": "defense", "offence": "offense",
    "offences": "offenses", "pretence": "pretense", "catalogue": "catalog", "catalogues": "catalogs",
    "dialogue": "dialog", "dialogues": "dialogs", "analogue": "analog", "programme": "program",
    "programmes": "programs", "grey": "gray", "aluminium": "aluminum", "tyre": "tire", "tyres": "tires",
"mould": "mold", "sceptical": "skeptical", "judgement": "judgment",
    "ageing": "aging", "enrol": "enroll", "enrolment": "enrollment", "fulfil": "fulfill", "instalment": "installment",
    "manoeuvre": "maneuver", "plough": "plow", "kerb": "curb", "pyjamas": "pajamas",
    "artefact": "artifact", "artefacts": "artifacts", "cosy": "cozy", "jewellery": "jewelry",
    "speciality": "specialty",
}


def _table() -> dict[str, str]:
    table = dict(_WORDS)
    for root in _OUR:
        stem = root[:-3]  # "col"
        for ending in ("", "s", "ed", "ing", "ful", "less", "able", "ite", "ites", "er", "ers", "hood", "hoods"):
            table[stem + "our" + ending] = stem + "or" + ending
    for root in _RE:
        stem = root[:-2]  # "cent"
        for british, us in (("re", "er"), ("res", "ers"), ("red", "ered"), ("ring", "ering")):
            table[stem + british] = stem + us
    for root in _ISE + _YSE:
        stem = root[:-2]  # "organi" / "analy"
        for ending in ("e", "es", "ed", "ing", "er", "ers", "ation", "ations"):
            table[stem + "s" + ending] = stem + "z" + ending
    return table


BRITISH_TO_AMERICAN = _table()
_BRITISH_FORMS: dict[str, set[str]] = {}
for _british, _us in BRITISH_TO_AMERICAN.items():
    _BRITISH_FORMS.setdefault(_us, set()).add(_british)


def american(word: str) -> str:
    """`word` (lower case) in American spelling, or unchanged."""
    return BRITISH_TO_AMERICAN.get(word, word)


def spellings(word: str) -> set[str]:
    """Every listed spelling of `word` (lower case), itself included: "licence" -> {"licence", "license"}."""
    us = american(word)
    return {word, us} | _BRITISH_FORMS.get(us, set())
