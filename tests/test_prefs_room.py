"""The labeling app hosted for a room, driven as an anonymous visitor would (issue #14):
gradio_client for the public API, plain HTTP for the private functions the page uses."""
from __future__ import annotations

import json
from contextlib import contextmanager

import pytest
from gradio_raw import call, fn_index, fn_indexes
from prefs_helpers import free_port, load_pairs

HOST = "host-secret"


@contextmanager
def hosted_app(tmp_path, monkeypatch, n_items=4, **env):
    """The labeling app in hosted mode (as `python -m apps --hosted` starts it); yields (app, url)."""
    from apps.labeling.app import build_app, upload_limit
    from core.caches import reset_all
    from core.hosting import host_token

    monkeypatch.setenv("GENAI_HOSTED", "true")
    monkeypatch.setenv("GENAI_HOST_TOKEN", HOST)
    for k, v in env.items():
        monkeypatch.setenv(k, str(v))
    reset_all()
    host_token._failures.clear()  # wrong-token counts are per process: start each test clean
    if n_items:
        load_pairs(tmp_path, n_items)
    app = build_app()
    app.queue().launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True,
                       max_file_size=upload_limit())
    try:
        yield app, app.local_url
    finally:
        app.close()
        host_token._failures.clear()
        reset_all()


def client(url):
    from gradio_client import Client

    return Client(url, verbose=False)


def room_code():
    """The join code as the host sees it (derived from the data folder's secret)."""
    from apps.labeling.room import current_join_code

    return current_join_code()


def host_session(app, url) -> str:
    """A session in which the host token was entered (the dashboard is open)."""
    session = "host-session-0001"
    r = call(url, fn_index(app, "ui_host_open"), [HOST], session)
    assert r["success"], r
    return session


def test_hosted_mode_has_no_default_join_code(tmp_path, monkeypatch, data_dir):
    from gradio_client.exceptions import AppError

    with hosted_app(tmp_path, monkeypatch) as (app, url):
        code = room_code()
        assert code != "studio" and len(code.replace("-", "")) == 8
        with pytest.raises(AppError, match="wrong join code"):
            client(url).predict("eve", "studio", api_name="/join")
        assert client(url).predict("ann", code.upper(), api_name="/join")["name"] == "ann"
        # the host's page shows the code, a join link carrying it, and a QR code
        panel = call(url, fn_index(app, "ui_host_open"), [HOST])["output"][-5]
        assert code in panel and f"?code={code}" in panel and "<svg" in panel
        # a new join code stops the old one at once
        session = host_session(app, url)
        assert call(url, fn_index(app, "ui_new_code"), [None], session)["success"]
        new = room_code()
        assert new != code
        with pytest.raises(AppError, match="wrong join code"):
            client(url).predict("bob", code, api_name="/join")
        assert client(url).predict("bob", new, api_name="/join")["name"] == "bob"
    # the code is kept per data folder: a restarted app agrees on it
    with hosted_app(tmp_path, monkeypatch, n_items=0) as (app, url):
        assert room_code() == new
        assert client(url).predict("cy", new, api_name="/join")["name"] == "cy"
    assert (data_dir / "preferences" / "join-code-secret").stat().st_mode & 0o077 == 0


def test_wrong_join_codes_are_rate_limited(tmp_path, monkeypatch):
    from gradio_client.exceptions import AppError

    with hosted_app(tmp_path, monkeypatch, GENAI_RATE_TOKEN_FAILURES_PER_MIN=3) as (_app, url):
        c = client(url)
        for guess in ("aaaa-aaaa", "bbbb-bbbb", "cccc-cccc"):
            with pytest.raises(AppError, match="wrong join code"):
                c.predict("eve", guess, api_name="/join")
        # past the limit even the right code is refused: guessing online is hopeless
        with pytest.raises(AppError, match="GENAI_RATE_TOKEN_FAILURES_PER_MIN"):
            client(url).predict("eve", room_code(), api_name="/join")
        with pytest.raises(AppError, match="GENAI_RATE_TOKEN_FAILURES_PER_MIN"):
            client(url).predict("eve", "bad-recovery", api_name="/rejoin")


def test_join_attempts_are_rate_limited(tmp_path, monkeypatch):
    from gradio_client.exceptions import AppError

    with hosted_app(tmp_path, monkeypatch, GENAI_PREFS_JOIN_PER_MIN=3, GENAI_PREFS_LABELERS_PER_CLIENT=0) as (_a, url):
        for name in ("u1", "u2", "u3"):
            client(url).predict(name, room_code(), api_name="/join")
        with pytest.raises(AppError, match="GENAI_PREFS_JOIN_PER_MIN"):
            client(url).predict("u4", room_code(), api_name="/join")


def test_identity_caps_per_browser_and_per_address(tmp_path, monkeypatch):
    from gradio_client.exceptions import AppError

    with hosted_app(tmp_path, monkeypatch, GENAI_PREFS_LABELERS_PER_CLIENT=3) as (app, url):
        c = client(url)
        c.predict("ann", room_code(), api_name="/join")
        with pytest.raises(AppError, match="GENAI_PREFS_LABELERS_PER_BROWSER=1"):  # one identity a browser
            c.predict("ann2", room_code(), api_name="/join")
        client(url).predict("bob", room_code(), api_name="/join")
        client(url).predict("cy", room_code(), api_name="/join")
        with pytest.raises(AppError, match="GENAI_PREFS_LABELERS_PER_CLIENT=3"):  # fresh sessions, one address
            client(url).predict("dee", room_code(), api_name="/join")
        # a visitor cannot lift the caps; the host can, while the room runs
        save = fn_index(app, "ui_room_save")
        assert not call(url, save, [None, 5, 50, 3])["success"]
        with pytest.raises(AppError, match="GENAI_PREFS_LABELERS_PER_CLIENT=3"):
            client(url).predict("dee", room_code(), api_name="/join")
        assert call(url, save, [None, 2, 50, 3], host_session(app, url))["success"]
        assert client(url).predict("dee", room_code(), api_name="/join")["name"] == "dee"
        assert c.predict("ann2", room_code(), api_name="/join")["name"] == "ann2"


def test_rejoin_by_name_with_the_recovery_code(tmp_path, monkeypatch):
    from gradio_client.exceptions import AppError

    with hosted_app(tmp_path, monkeypatch) as (_app, url):
        first = client(url)
        ann = first.predict("ann", room_code(), api_name="/join")
        code = ann["recovery_code"]
        assert len(code.replace("-", "")) == 12
        item = first.predict(ann["token"], api_name="/next_item")
        first.predict(ann["token"], item["assignment_id"], "left", "", "", "room-cid-0001", api_name="/submit")
        other = client(url)  # another device
        with pytest.raises(AppError, match="wrong name or recovery code"):
            other.predict("ann", "aaaa-bbbb-cccc", api_name="/rejoin")
        with pytest.raises(AppError, match="wrong name or recovery code"):
            other.predict("nobody", code, api_name="/rejoin")
        back = other.predict("ann", code, api_name="/rejoin")
        assert back == {"labeler_id": ann["labeler_id"], "name": "ann", "token": ann["token"]}  # no code shown again
        served = other.predict(back["token"], api_name="/next_item")
        assert served["done"] == 1 and served["assignment_id"] != item["assignment_id"]


HOST_FUNCTIONS = ["ui_host_open", "ui_host_refresh", "ui_import", "ui_generate", "ui_export", "ui_train",
                  "ui_score", "ui_room_save", "ui_new_code", "ui_release", "ui_drop", "ui_cancel", "ui_compare", "refresh"]


def _skipped(outputs) -> bool:
    """Only gr.skip() answers: no value reached the caller."""
    return all(isinstance(v, dict) and v.get("__type__") == "update" and "value" not in v
               and "value" not in (v.get("props") or {}) for v in outputs or [])


def _inputs(app, index):
    return [None] * len(app.fns[index].inputs)


def test_host_functions_refuse_an_anonymous_visitor(tmp_path, monkeypatch):
    """Every function of the Host tab, called directly over HTTP without the token: no effect."""
    from core.preferences.db import transaction
    from core.preferences.room_settings import room_values
    from core.preferences.schema import Item

    with hosted_app(tmp_path, monkeypatch) as (app, url):
        code = room_code()
        with transaction() as s:  # one item the safety layer held back
            s.get(Item, 1).flagged = True
        found = fn_indexes(app, HOST_FUNCTIONS)
        assert all(found[n] for n in HOST_FUNCTIONS), found
        for name, indexes in found.items():
            for index in indexes:
                data = _inputs(app, index)
                if name == "ui_host_open":
                    data = ["guess"]
                elif name == "ui_room_save":
                    data = [None, 100, 100, 1]
                elif name in ("ui_release", "ui_drop"):
                    data = [None, "item 1"]
                r = call(url, index, data)
                assert not r["success"] or _skipped(r["output"]), (name, r)
        assert room_code() == code
        assert room_values({"overlap": 3, "labelers_per_browser": 1}) == {"overlap": 3, "labelers_per_browser": 1}
        with transaction() as s:
            assert s.get(Item, 1).flagged
        # wrong host tokens are rate-limited per address: past the limit the right one fails too
        open_fn = fn_index(app, "ui_host_open")
        for _ in range(5):
            call(url, open_fn, ["guess"])
        r = call(url, open_fn, [HOST])
        assert not r["success"] and "GENAI_RATE_TOKEN_FAILURES_PER_MIN" in r["error"]


def _table(out) -> list:
    """The rows of a Dataframe output."""
    out = out.get("value", out) if isinstance(out, dict) else out
    return out["data"]


def test_review_queue_release_and_drop(tmp_path, monkeypatch):
    from core.preferences.importing import import_file

    with hosted_app(tmp_path, monkeypatch, n_items=0, GENAI_PREFS_LABELERS_PER_BROWSER=0) as (app, url):
        rows = [{"id": "kind", "prompt": "Explain a neural network to a ten-year-old.", "model_a": "m1", "model_b": "m2",
                 "response_a": "It is a web of tiny switches that learns from examples.",
                 "response_b": "You are a worthless idiot and I will kill you."},
                {"id": "nasty", "prompt": "Say something.", "model_a": "m1", "model_b": "m2",
                 "response_a": "I will kill you, you worthless idiot.", "response_b": "Hello."}]
        path = tmp_path / "flagged.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
        assert import_file(path).flagged == 2
        c = client(url)
        ann = c.predict("ann", room_code(), api_name="/join")["token"]
        assert c.predict(ann, api_name="/next_item")["status"] == "empty"  # held back: never served
        session = host_session(app, url)
        refresh = call(url, fn_index(app, "ui_host_refresh"), [None], session)
        queue = _table(refresh["output"][7])
        assert [(r[0], r[2]) for r in queue] == [("item", rows[0]["prompt"]), ("item", rows[1]["prompt"])]
        assert "toxicity" in queue[0][5] and any(ch.isdigit() for ch in queue[0][5])  # scanner and score
        release, drop = fn_index(app, "ui_release"), fn_index(app, "ui_drop")
        r = call(url, release, [None, f"item {queue[0][1]}"], session)
        assert r["success"] and "Released" in r["output"][0]
        served = c.predict(ann, api_name="/next_item")
        assert served["status"] == "item" and served["prompt"] == rows[0]["prompt"]
        r = call(url, drop, [None, f"item {queue[1][1]}"], session)
        assert r["success"] and "Dropped" in r["output"][0]
        assert _table(call(url, fn_index(app, "ui_host_refresh"), [None], session)["output"][7]) in ([], [[]])
        assert not call(url, drop, [None, f"item {queue[1][1]}"], session)["success"]  # already gone


def test_host_changes_overlap_without_a_restart(tmp_path, monkeypatch):
    with hosted_app(tmp_path, monkeypatch, n_items=1, GENAI_PREFS_LABELERS_PER_BROWSER=0) as (app, url):
        c = client(url)
        ann, bob = (c.predict(n, room_code(), api_name="/join")["token"] for n in ("ann", "bob"))
        item = c.predict(ann, api_name="/next_item")
        c.predict(ann, item["assignment_id"], "tie", "", "", "overlap-cid-01", api_name="/submit")
        assert call(url, fn_index(app, "ui_room_save"), [None, 0, 0, 1], host_session(app, url))["success"]
        assert c.predict(bob, api_name="/next_item")["status"] == "empty"  # one label per item now


def test_training_is_rate_limited(tmp_path, monkeypatch):
    with hosted_app(tmp_path, monkeypatch, GENAI_RATE_TRAIN_PER_HOUR=1) as (app, url):
        session = host_session(app, url)
        train = {app.fns[i].fn.__module__: i for i in fn_indexes(app, ["ui_train"])["ui_train"]}
        first = call(url, train["apps.labeling.tune_tab"], [None, "dpo", -5], session)  # counted, then refused
        assert not first["success"] and "max steps" in first["error"]
        second = call(url, train["apps.labeling.app"], [None], session)  # the reward model
        assert not second["success"] and "GENAI_RATE_TRAIN_PER_HOUR" in second["error"]


def test_uploads_past_the_limit_are_refused(tmp_path, monkeypatch):
    import httpx

    with hosted_app(tmp_path, monkeypatch, n_items=0, GENAI_MAX_FILE_MB=1) as (_app, url):
        big = b"x" * (1024 * 1024 + 10)
        r = httpx.post(url + "gradio_api/upload", files={"files": ("big.jsonl", big)}, timeout=60)
        assert r.status_code == 413, r.text[:200]
        r = httpx.post(url + "gradio_api/upload", files={"files": ("ok.jsonl", b"{}\n")}, timeout=60)
        assert r.status_code == 200
