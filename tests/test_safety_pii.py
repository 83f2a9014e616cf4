"""PII and secrets: validated detection, redaction tokens, and numbers that must survive."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.safety.pii import PIIScanner, entropy_bits, find, iban_ok, luhn_ok, ssn_ok

EVAL = Path(__file__).parent / "data" / "safety_eval.jsonl"


def redact(text: str) -> str:
    return PIIScanner().scan(text).redacted


def test_luhn_on_published_test_numbers():
    assert luhn_ok("4111111111111111") and luhn_ok("378282246310005") and luhn_ok("6011111111111117")
    assert not luhn_ok("4111111111111112") and not luhn_ok("1234567812345678")


def test_iban_mod97_and_country_length():
    assert iban_ok("DE89 3704 0044 0532 0130 00") and iban_ok("GB82WEST12345698765432")
    assert not iban_ok("DE89 3704 0044 0532 0130 01")  # one digit off
    assert not iban_ok("DE89 3704 0044 0532 0130")  # German IBANs have 22 characters
    assert not iban_ok("XX89370400440532013000")  # no such country


def test_ssn_rules():
    assert ssn_ok("078-05-1120")
    for bad in ("000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000"):
        assert not ssn_ok(bad), bad


@pytest.mark.parametrize("text,token,raw", [
    ("write to jane.roe+x@mail.example.org today", "[EMAIL]", "jane.roe+x@mail.example.org"),
    ("ring +44 20 7946 0958 now", "[PHONE]", "+44 20 7946 0958"),
    ("US: (212) 555-0147.", "[PHONE]", "(212) 555-0147"),
    ("Japan +81 3-1234-5678", "[PHONE]", "+81 3-1234-5678"),
    ("card 5555 5555 5555 4444 ok", "[CARD]", "5555 5555 5555 4444"),
    ("IBAN CH93 0076 2011 6238 5295 7 please", "[IBAN]", "CH93 0076 2011 6238 5295 7"),
    ("ssn 078-05-1120", "[SSN]", "078-05-1120"),
    ("call me at 4155550132 tonight", "[PHONE]", "4155550132"),
    ("host 8.8.4.4 is up", "[IP]", "8.8.4.4"),
    ("v6 2001:db8:0:0:1:0:0:1 is up", "[IP]", "2001:db8:0:0:1:0:0:1"),
    ("mapped ::ffff:192.0.2.128 here", "[IP]", "::ffff:192.0.2.128"),
    ("key AKIAJ5EXAMPLEKEY1234 in the log", "[SECRET]", "AKIAJ5EXAMPLEKEY1234"),
    ("gho_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 leaked", "[SECRET]", "gho_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"),
    ("export OPENAI_API_KEY=sk-Zx81Lm02Qp93Rt74Vw65Ya56Bc47", "[SECRET]", "sk-Zx81Lm02Qp93Rt74Vw65Ya56Bc47"),
    ("password: Tr0ub4dor&3xyz", "[SECRET]", "Tr0ub4dor&3xyz"),
])
def test_each_kind_is_redacted_and_the_rest_kept(text, token, raw):
    out = redact(text)
    assert raw not in out and token in out
    # everything around the entity is untouched
    before, after = text.split(raw)
    assert out.startswith(before) and out.endswith(after)


@pytest.mark.parametrize("text", [
    "Python 3.12.1 and numpy 2.4.6 are installed",
    "firmware version 10.2.0.1 is the latest",
    "Your order number 555-123-4567 has shipped",  # phone-shaped, but an order number
    "order #4111111111111111 is delayed",  # Luhn-valid digits but no separators; still a card?
    "invoice 2024-0001-7788, total 1,234.50 EUR",
    "see RFC 2616 section 14.9.3",
    "at 12:30:45 the build 1.0.0-beta.2 failed",
    "x = 1234567890 * 3",
    "the customer id is 4155550132, call support",
    "DE00 1234 5678 9012 3456 78 is not a valid IBAN",
    "use std::chrono::seconds here",
    "import sklearn as sk; sk-learn is the old name",
    "git sha 3f786850e387550fdab836ed7e6dc881de23001b",
])
def test_benign_numbers_are_not_redacted(text):
    if "4111111111111111" in text:
        # a 16-digit Luhn-valid Visa number IS a card even after "order #": cards win
        assert "[CARD]" in redact(text)
        return
    assert redact(text) == text


def test_card_needs_a_real_prefix_and_luhn():
    assert redact("1234 5678 9012 3452") == "1234 5678 9012 3452"  # Luhn-valid, no issuer starts with 1
    assert redact("4111 1111 1111 1112") == "4111 1111 1111 1112"  # Visa prefix, Luhn fails


def test_secret_needs_entropy():
    assert entropy_bits("aaaaaaaa") == 0
    assert redact("sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaa") == "sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaa"


def test_overlapping_spans_keep_the_longest():
    ents = find("pay 4111-1111-1111-1111 now")
    assert [e.kind for e in ents] == ["CARD"]


def test_reasons_count_kinds_without_values():
    res = PIIScanner().scan("a@b.co and c@d.co, call +1 415 555 0100")
    assert res.counts == {"EMAIL": 2, "PHONE": 1}
    assert "a@b.co" not in " ".join(res.reasons)


def test_eval_set_pii_recall_and_no_benign_redaction():
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    missed, touched = [], []
    for r in rows:
        out = redact(r["text"])
        for raw in r.get("pii", []):
            if raw in out:
                missed.append(raw)
        if r["kind"] == "pii" and r["label"] == "allow" and out != r["text"]:
            touched.append(out)
    total = sum(len(r.get("pii", [])) for r in rows)
    assert total >= 50
    assert len(missed) / total <= 0.05, missed
    assert touched == []


@pytest.mark.parametrize("text", ["", "\x00\x01\xff" * 1000, "😀" * 5000, "日本語のテキスト 电话 +86 10 1234 5678",
                                  "0" * 20000, "1." * 10000, ":" * 20000, "a@" * 10000])
def test_bad_input_does_not_crash(text):
    res = PIIScanner().scan(text)
    assert isinstance(res.redacted, str)
