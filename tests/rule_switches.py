"""Rule switches of the safety rounds (module-level booleans such as far_languages.FAR_LANGUAGES) set for one call
and restored after it, so that each round's tests can show a rule's effect by switching it off."""
from __future__ import annotations


def with_switch(module, name: str, value: bool, fn):
    """fn() with module.<name> = value, restored afterwards (also when fn raises)."""
    was = getattr(module, name)
    setattr(module, name, value)
    try:
        return fn()
    finally:
        setattr(module, name, was)


def only_switch(modules: dict, names: tuple[str, ...], name: str, fn):
    """fn() with every switch in `names` off except `name` (on); name "" turns all of them off. `modules` maps a
    switch's name to the module that holds it."""
    def nest(rest):
        if not rest:
            return fn()
        return with_switch(modules[rest[0]], rest[0], rest[0] == name, lambda: nest(rest[1:]))
    return nest(list(names))
