"""A background for a prompt that names none, chosen so that no shape is hidden (#19 round 41).

    fill_background("a green triangle in the centre")   # "a green triangle in the centre on a white background"
    fill_background("a white square")                   # "a white square on a black background"
    fill_background("a red circle on a blue background")  # unchanged

The shipped model was trained with a background named in most captions. Left to itself on a prompt that names none,
it picks one at random, sometimes in an object's own colour, which hides that object ("a green triangle in the
centre" gave a faint triangle on green). The pipeline (config `background_fill`) draws such a prompt on the palette
colour farthest from every object's colour instead, and the app says so. A Hub model reads its own prompt: only the
shipped kind of pipeline has the setting.
"""
from __future__ import annotations

import re

from core.diffusion.dataset import COLOURS, SHAPES
from core.diffusion.vocabulary import colours_of_shapes

_COLOUR = "|".join(COLOURS)
_SHAPE = re.compile(rf"\b(?:{'|'.join(SHAPES)})s?\b", re.IGNORECASE)
_NAMES_BACKGROUND = re.compile(r"\b(?:background|backdrop)\b", re.IGNORECASE)


def background_for(object_colours: list[str]) -> str:
    """The palette colour whose nearest object colour is farthest away (palette order breaks ties)."""
    def nearest(name: str) -> float:
        return min(sum((a - b) ** 2 for a, b in zip(COLOURS[name], COLOURS[c])) for c in object_colours)
    return max(COLOURS, key=nearest)


def added_background(prompt: str) -> str | None:
    """The background colour the fill would add to `prompt`, or None when it adds none. A colour word that belongs
    to no shape names the background too ("at the top left of a blue image", "red square, blue")."""
    if _NAMES_BACKGROUND.search(prompt) or not _SHAPE.search(prompt):
        return None
    colours = colours_of_shapes(prompt)
    every_colour = re.findall(rf"\b(?:{_COLOUR})\b", prompt, re.IGNORECASE)
    return background_for(colours) if colours and len(colours) == len(every_colour) else None


def fill_background(prompt: str) -> str:
    """`prompt` with " on a(n) C background" added when it names shapes and colours but no background."""
    colour = added_background(prompt)
    if colour is None:
        return prompt
    article = "an" if colour[0] in "aeiou" else "a"
    return f"{prompt.rstrip().rstrip('.!,;')} on {article} {colour} background"
