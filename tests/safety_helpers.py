"""Shared by the safety test files of issue #18's rounds: the image verdict as a boolean and the
injection score that counts as a flag."""
from __future__ import annotations

from core.safety.image_request import scan_image_request

FLAG = 0.5


def blocked(prompt, policy, negative=""):
    return not scan_image_request(prompt, negative, policy).allowed
