"""PII and secrets: find them, validate them, replace them with tokens like [EMAIL].

Every candidate is validated before it is redacted, so that ordinary numbers survive:
cards must pass Luhn and start like a real card, IBANs must pass ISO 13616 mod-97 with
their country's length, SSNs must be in issuable ranges, IPs must parse, and a phone
number needs a phone shape (a leading +, a trunk 0, or US-style groups). Numbers after
"order", "invoice", "version", ... are left alone.

Scanning is linear in the text (no backtracking-heavy patterns), so 1 MB is fine.
"""
from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass

from core.safety.verdict import ScanScore

# Context words that make a number an identifier of something other than a person.
_NOT_PERSONAL = re.compile(
    r"\b(?:order|invoice|inv|ticket|tracking|reference|ref|case|claim|customer|"
    r"id|version|release|build|firmware|v|ver|isbn|sku|item|part|serial|model|chapter|section|"
    r"page|room|extension|ext)(?:\s+(?:number|no\.?|nr|#|id))?\W{0,3}$", re.I)
_PHONE_CONTEXT = re.compile(r"(?:phone|tel|telephone|mobile|cell|call|ring|whatsapp|fax|contact|reach)\b", re.I)


@dataclass
class Entity:
    kind: str  # EMAIL, PHONE, CARD, IBAN, SSN, IP, SECRET
    start: int
    end: int


# --- validators ------------------------------------------------------------------

def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card_prefix_ok(digits: str) -> bool:
    # Visa, Mastercard (51-55, 2221-2720), Amex, Discover, JCB, Diners, UnionPay, Maestro
    n = len(digits)
    if digits[0] == "4":
        return n in (13, 16, 19)
    p2, p4 = int(digits[:2]), int(digits[:4])
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:
        return n == 16
    if p2 in (34, 37):
        return n == 15
    if digits.startswith("6011") or digits.startswith("65") or 644 <= int(digits[:3]) <= 649:
        return n in (16, 19)
    if 3528 <= p4 <= 3589 or p2 in (36, 38) or 300 <= int(digits[:3]) <= 305:
        return 14 <= n <= 19
    if p2 == 62 or digits[:2] in ("50", "56", "57", "58", "63", "67"):
        return 16 <= n <= 19
    return False


_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20,
    "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18,
    "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "JO": 30,
    "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24,
    "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28,
    "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24,
    "SM": 27, "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}


def iban_ok(iban: str) -> bool:
    iban = iban.replace(" ", "").upper()
    if _IBAN_LENGTHS.get(iban[:2]) != len(iban):
        return False
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    area, group, serial = ssn[:3], ssn[4:6], ssn[7:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def entropy_bits(s: str) -> float:
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


# --- patterns ----------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}\b")
_CARD = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b")
_SSN = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?![\w:.])")
# +CC then groups, or a trunk 0 then groups, or US (NPA) NXX-XXXX shapes
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,5}(?:[ .-]?\d{1,5}){1,5}"
    r"|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}"
    r"|\d{3}[.-]\d{3}[.-]\d{4}"
    r"|0\d{1,4}(?:[ ]\d{2,8}){1,4}"
    r")(?![\w-])")
_BARE_DIGITS = re.compile(r"(?<![\w+.-])\d{10,13}(?![\w.-])")
_SECRETS = [
    re.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b"),  # AWS access key id
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b"),  # GitHub tokens
    re.compile(r"\bgithub_pat_[A-Za-z0-9_]{22,255}\b"),
    re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,200}\b"),  # Slack
    re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),  # Google API key
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),  # JWT
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]{0,8000}?-----END [A-Z ]*PRIVATE KEY-----"),
]
# sk-... keys (OpenAI, Anthropic, Stripe style): need length and randomness, not "sk-learn"
_SK_KEY = re.compile(r"\b(?:sk|rk|pk)[-_](?:[A-Za-z0-9]+[-_]){0,3}[A-Za-z0-9_-]{20,200}")
# aws_secret_access_key = <40 chars>, password: hunter2 ... (value after a secret-ish name)
_ASSIGNED = re.compile(
    r"(?i)\b(?:aws_secret_access_key|secret[_-]?key|api[_-]?key|access[_-]?token|auth[_-]?token|"
    r"password|passwd|client[_-]?secret)\b[\"']?\s*[:=]\s*[\"']?([^\s\"',;]{8,200})")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _before(text: str, start: int, n: int = 24) -> str:
    return text[max(0, start - n):start]


def find(text: str) -> list[Entity]:
    """Validated PII/secret spans, non-overlapping, left to right."""
    found: list[Entity] = []
    for m in _EMAIL.finditer(text):
        found.append(Entity("EMAIL", m.start(), m.end()))
    for rx in _SECRETS:
        found += [Entity("SECRET", m.start(), m.end()) for m in rx.finditer(text)]
    for m in _SK_KEY.finditer(text):
        tail = m.group(0)[3:]
        if sum(c.isdigit() for c in tail) >= 3 and entropy_bits(tail) >= 3.5:
            found.append(Entity("SECRET", m.start(), m.end()))
    for m in _ASSIGNED.finditer(text):
        value = m.group(1)
        if entropy_bits(value) >= 2.5 and not value.startswith("["):
            found.append(Entity("SECRET", m.start(1), m.end(1)))
    for m in _IBAN.finditer(text):
        if iban_ok(m.group(0)):
            found.append(Entity("IBAN", m.start(), m.end()))
    for m in _CARD.finditer(text):
        d = _digits(m.group(0))
        if 13 <= len(d) <= 19 and _card_prefix_ok(d) and luhn_ok(d):
            found.append(Entity("CARD", m.start(), m.end()))
    for m in _SSN.finditer(text):
        if ssn_ok(m.group(0)) and not _NOT_PERSONAL.search(_before(text, m.start())):
            found.append(Entity("SSN", m.start(), m.end()))
    for m in _IPV4.finditer(text):
        parts = m.group(0).split(".")
        if all(int(p) <= 255 and (p == "0" or not p.startswith("0")) for p in parts) \
                and not _NOT_PERSONAL.search(_before(text, m.start())):
            found.append(Entity("IP", m.start(), m.end()))
    for m in _IPV6.finditer(text):
        cand = m.group(0)
        if (sum(1 for g in cand.split(":") if g) >= 3 or "." in cand) and any(c.isdigit() for c in cand):
            try:
                ipaddress.IPv6Address(cand)
            except ValueError:
                continue
            found.append(Entity("IP", m.start(), m.end()))
    for m in _BARE_DIGITS.finditer(text):  # "call me at 4155550132": only with a phone word before
        if _PHONE_CONTEXT.search(_before(text, m.start(), 30)) and not _NOT_PERSONAL.search(_before(text, m.start())):
            found.append(Entity("PHONE", m.start(), m.end()))
    for m in _PHONE.finditer(text):
        d = _digits(m.group(0))
        if not 7 <= len(d) <= 15 or _NOT_PERSONAL.search(_before(text, m.start())):
            continue
        # a bare trunk-0 number ("0 12 2023") needs phone context or >= 9 digits
        if m.group(0).startswith("0") and len(d) < 9 and not _PHONE_CONTEXT.search(_before(text, m.start(), 40)):
            continue
        found.append(Entity("PHONE", m.start(), m.end()))
    return _resolve(found)


def _resolve(found: list[Entity]) -> list[Entity]:
    """Keep the longest of overlapping spans (a card beats the phone inside it)."""
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[Entity] = []
    for e in found:
        if out and e.start < out[-1].end:
            if e.end - e.start > out[-1].end - out[-1].start:
                out[-1] = e
            continue
        out.append(e)
    return out


def redact(text: str, entities: list[Entity]) -> str:
    parts, pos = [], 0
    for e in entities:
        parts += [text[pos:e.start], f"[{e.kind}]"]
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


class PIIScanner:
    name = "pii"

    def scan(self, text: str) -> ScanScore:
        entities = find(text)
        counts: dict[str, int] = {}
        for e in entities:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        reasons = ["personal data or secrets found: " + ", ".join(
            f"{n} {k}" for k, n in sorted(counts.items()))] if counts else []
        return ScanScore(score=1.0 if entities else 0.0, reasons=reasons, redacted=redact(text, entities),
                         counts=counts)
