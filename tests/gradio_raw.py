"""Call any Gradio function over plain HTTP, private ones included: what an attacker can do.

    fn = fn_index(app, "ui_review")                # by the Python function's name
    out = call(url, fn, [None, "item 3"], session)  # {"success": bool, "output": ..., "error": str}
Calls with the same session share that session's gr.State (as one browser tab does).
"""
from __future__ import annotations

import json
import secrets

import httpx


def fn_index(app, name: str) -> int:
    found = [i for i, f in app.fns.items() if f.name == name]
    assert len(found) == 1, f"{name}: {len(found)} functions of that name"
    return found[0]


def fn_indexes(app, names) -> dict[str, list[int]]:
    return {n: [i for i, f in app.fns.items() if f.name == n] for n in names}


def call(url: str, index: int, data: list, session: str | None = None, timeout: float = 60) -> dict:
    session = session or secrets.token_hex(8)
    base = url.rstrip("/") + "/gradio_api"
    with httpx.Client(timeout=timeout) as c:
        r = c.post(f"{base}/queue/join", json={"data": data, "event_data": None, "fn_index": index,
                                               "trigger_id": None, "session_hash": session})
        if r.status_code != 200:
            return {"success": False, "error": f"HTTP {r.status_code}: {r.text[:300]}"}
        with c.stream("GET", f"{base}/queue/data", params={"session_hash": session}) as s:
            for line in s.iter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                if msg.get("msg") == "process_completed":
                    out = msg.get("output") or {}
                    return {"success": bool(msg.get("success")), "output": out.get("data"),
                            "error": str(out.get("error") or "")}
    return {"success": False, "error": "no reply"}
