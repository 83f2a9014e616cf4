"""Hosted mode's rules: when it applies, the host token, rate limits, private collection names."""
from __future__ import annotations

import stat

import pytest

from core.config import load_settings
from core.hosting.host_token import host_token, is_host
from core.hosting.mode import is_hosted, is_loopback
from core.hosting.rate_limit import RateLimited, RateLimiter
from core.retrieval import private_collections as pc


def settings(tmp_path, **env):
    return load_settings({"GENAI_DATA_DIR": str(tmp_path), **env})


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                       ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                       ("example.org", False), ("[::1]", True)])
def test_loopback(host, loop):
    assert is_loopback(host) is loop


def test_hosted_when_configured_or_bound_beyond_loopback(tmp_path):
    assert not is_hosted(settings(tmp_path))
    assert is_hosted(settings(tmp_path, GENAI_HOSTED="true"))
    assert is_hosted(settings(tmp_path), bind_host="0.0.0.0")
    assert is_hosted(settings(tmp_path, GENAI_HOST="0.0.0.0"))


def test_rate_limiter_sliding_window():
    now = [0.0]
    limiter = RateLimiter("ask", 2, 60, "GENAI_RATE_ASK_PER_MIN", clock=lambda: now[0])
    limiter.check("a")
    limiter.check("a")
    limiter.check("b")  # another visitor has their own budget
    with pytest.raises(RateLimited, match="GENAI_RATE_ASK_PER_MIN"):
        limiter.check("a")
    now[0] = 61
    limiter.check("a")
    assert RateLimiter("x", 0, 60).full("a") is False  # 0 = unlimited


def test_rate_limiter_forgets_least_recent_visitors():
    limiter = RateLimiter("ask", 1, 60, max_keys=2)
    for k in "abc":
        limiter.check(k)
    limiter.check("a")  # "a" was forgotten when "c" arrived
    with pytest.raises(RateLimited):
        limiter.check("c")


def test_generated_host_token_is_private_and_stable(tmp_path):
    s = settings(tmp_path)
    token = host_token(s)
    assert len(token) >= 20 and host_token(s) == token
    assert stat.S_IMODE((tmp_path / "host-token").stat().st_mode) == 0o600
    assert host_token(settings(tmp_path, GENAI_HOST_TOKEN="mine")) == "mine"
    assert host_token(settings(tmp_path, GENAI_PREFS_ADMIN_TOKEN="older")) == "older"


def test_older_admin_token_file_keeps_working(tmp_path):
    (tmp_path / "preferences").mkdir()
    (tmp_path / "preferences" / "admin-token").write_text("kept-from-before\n")
    assert host_token(settings(tmp_path)) == "kept-from-before"


def test_wrong_guesses_are_limited_and_block_even_a_right_one(tmp_path):
    s = settings(tmp_path, GENAI_HOST_TOKEN="right-token", GENAI_RATE_TOKEN_FAILURES_PER_MIN="3")
    assert is_host("right-token", "10.0.0.1", s)
    for _ in range(3):
        assert not is_host("guess", "10.0.0.1", s)
    with pytest.raises(RateLimited):
        is_host("guess", "10.0.0.1", s)
    with pytest.raises(RateLimited):  # guessing right after too many wrong guesses still fails
        is_host("right-token", "10.0.0.1", s)
    assert is_host("right-token", "10.0.0.2", s)  # other clients are unaffected
    assert not is_host("", "10.0.0.3", s)


def test_private_names_resolve_per_visitor():
    alice, bob = "a" * 64, "b" * 64
    shared = ["sample"]
    mine = pc.resolve("notes", alice, shared)
    assert mine.private and mine.shown == "notes" and mine.name != "notes"
    assert pc.resolve(mine.name, alice, shared) == mine  # the dropdown sends the stored name back
    with pytest.raises(ValueError):
        pc.resolve(mine.name, bob, shared)  # knowing the stored name is not enough
    assert pc.resolve("sample", bob, shared) == pc.Resolved("sample", "sample", False)
    assert pc.resolve("sample", bob, []).private  # no shared 'sample': the name is theirs
    assert pc.visible([mine.name, "sample", pc.private_name(bob, "x")], alice) == ([mine.name], ["sample"])


def test_a_bad_collection_name_is_refused_naming_what_the_visitor_typed_briefly():
    """Not the stored form ('v<key>-...', which means nothing to them), and not a 2 MB echo of a hostile name."""
    with pytest.raises(ValueError) as bad:
        pc.resolve("notes-", "a" * 64, ["sample"])
    assert "'notes-'" in str(bad.value) and "aaaa" not in str(bad.value)
    with pytest.raises(ValueError) as huge:
        pc.resolve("A" * 2_000_000 + "!", "a" * 64, [])
    assert len(str(huge.value)) < 300


def test_idle_private_collections(tmp_path):
    used = pc.LastUsed(tmp_path / "last-used.json")
    a, b = pc.private_name("a" * 64, "one"), pc.private_name("b" * 64, "two")
    used.touch(a, now=1000)
    assert used.idle([a, b, "sample"], ttl_s=100, now=1050) == []
    assert used.idle([a, b, "sample"], ttl_s=100, now=1101) == [a]  # b counts from its first sighting
    used.forget(a)
    assert used.idle([b], ttl_s=100, now=1300) == [b]


def test_hosted_chatbot_starts_with_the_shared_sample_filled_once(data_dir, tmp_path):
    from apps.chatbot.access import ensure_shared_sample
    from core.retrieval.collection import open_collection

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.md").write_text("# One\nThe lighthouse keeper feeds the gulls at dawn.\n")
    assert ensure_shared_sample(corpus) >= 1
    assert ensure_shared_sample(corpus) == 0  # already there: a restart adds nothing
    assert list(open_collection("sample").documents()) == ["one.md"]
