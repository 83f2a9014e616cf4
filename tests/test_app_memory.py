"""Memory stays flat: a visitor's requests do not pile up in the app (#15).

The real apps, launched and driven through gradio_client like the room's visitors. Gradio keeps
a copy of the page per session; before apps/gradio_sessions.py every streamed request added
three (text-to-image) or four (chatbot) components and their last values to it: the growth
seen in the 30-minute room soak. Here the session's copy must stay the size of the page over
several requests, and the components alive in the process must not grow with them.
"""
from __future__ import annotations

import gc

import gradio as gr
from gradio_client import Client
from net_helpers import free_port
from retrieval_helpers import ingest_handbook

REQUESTS = 4


def _launch(build_app, launch_options=None):
    demo = build_app().queue()
    _, url, _ = demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=free_port(), quiet=True,
                            **(launch_options() if launch_options else {}))
    return demo, Client(url, verbose=False, download_files=False)


def _session(demo, client) -> tuple[int, int]:
    """(components, component configs) in this visitor's copy of the page."""
    state = demo.state_holder.session_data[client.session_hash]
    return len(state.blocks_config.blocks), len(state.config_values)


def _live_components() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, gr.components.Component))


def _assert_flat(demo, client, request) -> None:
    request(0)
    first, live = _session(demo, client), _live_components()
    for i in range(1, REQUESTS):
        request(i)
    assert _session(demo, client) == first, "the session's copy of the page grew with each request"
    assert first[0] <= len(demo.blocks)
    assert _live_components() - live < REQUESTS - 1  # not one (or more) left behind per request


def test_text_to_image_session_stays_the_size_of_the_page(data_dir):
    from apps.text2image.app import build_app

    demo, client = _launch(build_app)
    try:  # 7 steps: three streamed previews (the gallery, timeline and seed skipped), then the image
        _assert_flat(demo, client, lambda i: client.predict(
            "a red circle on a blue background", "", str(i), 7, 4.0, "default", 1, "32", api_name="/generate"))
    finally:
        demo.close()


def test_chatbot_session_stays_the_size_of_the_page(data_dir, tmp_path):
    ingest_handbook(tmp_path, "# Handbook\nThe office closes at six on Fridays. Badges are blue.\n", name="sample")
    from apps.chatbot.app import build_app, launch_options

    demo, client = _launch(build_app, launch_options)
    try:
        questions = ["When does the office close on Fridays?", "What colour are badges?"]
        _assert_flat(demo, client, lambda i: client.predict(
            questions[i % 2], [], "sample", "hybrid", 4, "zero_shot", [], "extractive", api_name="/ask"))
    finally:
        demo.close()



def test_the_launcher_starts_apps_with_two_malloc_arenas(monkeypatch):
    """glibc's per-thread heaps fragmented under Gradio's threads (+52 MB over 175 images against +11 MB
    with two; benchmarks/results/memory_issue15.md); a value the user set is kept."""
    from apps.registry import APPS

    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert all(spec.env("127.0.0.1", 7000)["MALLOC_ARENA_MAX"] == "2" for spec in APPS.specs())
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert APPS.get("text2image").env("127.0.0.1", 7000)["MALLOC_ARENA_MAX"] == "4"
