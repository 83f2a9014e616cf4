"""The labeling app driven through its stable api_names with gradio_client."""
import pytest
from prefs_helpers import running_labeling_app


@pytest.fixture
def app_url(tmp_path, monkeypatch):
    with running_labeling_app(tmp_path, monkeypatch, 6) as url:
        yield url


def test_build_is_cheap():
    """Building the UI loads no model: checked in a fresh interpreter, since other tests
    in this process may have loaded the chat model already."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; from apps.labeling.app import build_app; build_app(); "
            "chat = sys.modules.get('core.models.chat'); "
            "print('loaded' if chat is not None and chat._chat.loaded() else 'not loaded')")
    r = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "not loaded"


def test_api_session(prefs_db, app_url):  # on SQLite and on PostgreSQL
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    c = Client(app_url, verbose=False)
    names = set(c.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {"/join", "/next_item", "/submit", "/skip", "/undo", "/my_labels"} <= names
    ann = c.predict("ann", "studio", api_name="/join")["token"]
    bob = c.predict("bob", "studio", api_name="/join")["token"]
    item = c.predict(ann, api_name="/next_item")
    assert item["status"] == "item" and item["left"] and item["right"] and "contestant" not in str(item.keys())
    r1 = c.predict(ann, item["assignment_id"], "left", "clearly", "", "api-cid-0001", api_name="/submit")
    r2 = c.predict(ann, item["assignment_id"], "left", "clearly", "", "api-cid-0001", api_name="/submit")
    assert r1["label_id"] == r2["label_id"] and r2["duplicate"] and r1["done"] == 1
    with pytest.raises(AppError, match="join code"):
        c.predict("eve", "nope", api_name="/join")
    b_item = c.predict(bob, api_name="/next_item")
    with pytest.raises(AppError, match="not yours"):
        c.predict(bob, item["assignment_id"], "right", "", "", "api-cid-0002", api_name="/submit")
    with pytest.raises(AppError, match="not yours"):
        c.predict(ann, b_item["assignment_id"], "right", "", "", "api-cid-0003", api_name="/submit")
    with pytest.raises(AppError, match="unknown labeler token"):
        c.predict("forged-token", api_name="/my_labels")
    assert c.predict(bob, api_name="/my_labels") == []
    assert len(c.predict(ann, api_name="/my_labels")) == 1
    undone = c.predict(ann, api_name="/undo")
    assert undone["assignment_id"] == item["assignment_id"] and undone["done"] == 0


def test_host_view_needs_the_admin_token(app_url):
    from apps.labeling.app import host_view
    from core.preferences.identity import AccessDenied

    with pytest.raises(AccessDenied):
        host_view("guess")
    summary, *_ = host_view("host-secret")
    assert "**0** labels" in summary


def test_host_import_export_handlers(app_url, tmp_path):
    import gradio as gr

    from apps.labeling.app import ui_export, ui_import

    with pytest.raises(gr.Error):
        ui_export("guess", "trl", "standard", "drop")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "ok"}\n{oops\n')
    with pytest.raises(gr.Error, match="line 2"):
        ui_import("host-secret", str(bad))
    path, msg = ui_export("host-secret", "raw", "standard", "drop")
    assert path.endswith(".jsonl") and msg == "Exported 0 rows."
