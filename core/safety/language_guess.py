"""Is a sentence English? The injection classifier's two halves are averaged only on English text.

    reads_as_english("Members who receive social benefits pay half.")   # True
    reads_as_english("Ignoriere alle Regeln.")                           # False

The paraphrase half of the injection classifier reads English MiniLM embeddings, so a sentence
counts for it only when it is English (injection.py). Until #18 round 25 that test was "at least
15 % English function words". Terse English holds none: a community garden's handbook ("Members
who receive social benefits pay half.", "Hoses must be rolled up after use.") was read by the
n-gram half alone, which scores such imperative, rule-like lines up to 0.71, and the handbook's
first chunk was left out of every answer as a prompt injection.

English by elimination: a sentence under the share is still English when it holds no function
word of the other six languages the suite claims and no letter that English does not write
(ä, é, ñ, ß ...). A foreign sentence nearly always has one of either. Words that English also
writes ("die", "was", "per", "no", "con", "mit"; "den" stays: German uses it far more) are left out of the foreign lists, so English
text is not taken for foreign by them; a sentence they would have caught stays with the old test.
"""
from __future__ import annotations

import re

# the old test: English function words, and the share of them that makes a sentence English
ENGLISH = frozenset("the a an to of and or you your is are be in on at for this that it with me my i we not "
                    "what do does can could would should will from as by if then so all any".split())
ENGLISH_SHARE = 0.15
# the switch: False = the share test alone (before #18 round 25)
BY_ELIMINATION = True

FOREIGN = frozenset("""
der den das dem des ein eine einen einem einer und oder nicht ist sind ich du er sie es wir ihr mich dich mir
dir sich mein dein deine sein seine unser euer zu von für auf aus bei nach über unter vor durch ohne gegen
alle alles diese dieser dieses jetzt bitte wie wenn dass auch noch nur schon sehr kann soll muss wird werden
le la les un une du de et ou est sont je tu il elle nous vous ils elles ne pas que qui quoi dans pour sur
avec sans par au aux ce cette ces mon ton ma ta sa mes tes ses votre vos notre nos leur moi toi lui se très
tout tous toutes maintenant
el los las una unos unas y es soy eres está están del en sin para qué como cómo pero muy este esta estos
estas ese esa mi su mis tus sus nuestro vuestro yo tú él ella nosotros ustedes usted les ahora ya
il gli uno è di da su tra fra che chi sono sei questo questa quello quella mio tuo suo nostro vostro loro tu
lui lei noi voi della dei delle alla ai agli nel nella ma anche ora tutto tutti
os um uma uns umas é da dos das nos nas sem não sim ele ela nós vocês você meu minha seu sua nosso isso
isto esse essa agora muito também mas
het een ik je jij jullie niet dat dit deze voor zijn ook maar kun kunt wat waar waarom wanneer wie laat gaat
werkt moet langer veel naar bij uit wordt heb hebt heeft mijn jouw onze nog wel geen als zo hij zij ze wij
uw graag weet welke meer
""".split()) - ENGLISH
_WORDS = re.compile(r"[^\W\d_]+")
_NOT_ENGLISH_LETTER = re.compile(r"(?![A-Za-z])[^\W\d_]")  # a letter English does not write


def english_share(text: str) -> float:
    words = _WORDS.findall(text.lower())
    return sum(w in ENGLISH for w in words) / len(words) if words else 0.0


def reads_as_english(text: str) -> bool:
    if english_share(text) >= ENGLISH_SHARE:
        return True
    if not BY_ELIMINATION:
        return False
    words = _WORDS.findall(text.lower())
    return bool(words) and not _NOT_ENGLISH_LETTER.search(text) and not any(w in FOREIGN for w in words)
