"""The chat model loads off the main thread (core/models/openmp_threads.py): a parallel region run on the
main thread slowed every decode step of the generation engine's thread 2.5x (30 vs 12 ms at two threads),
so `python -m core chat` and the benchmarks, which build the model on the main thread, decoded at 31
tok/s instead of 73 (benchmarks/results/issue15_engine_thread.md)."""
from __future__ import annotations

import threading

import pytest

from core.models import chat as chat_module
from core.models.openmp_threads import run_off_main_thread


def test_tests_run_on_the_main_thread():
    """The other tests here mean something only if pytest (and each xdist worker) runs them on the main thread."""
    assert threading.current_thread() is threading.main_thread()


def test_work_from_the_main_thread_runs_on_another_and_returns_or_raises_there():
    assert run_off_main_thread(lambda: threading.current_thread()) is not threading.main_thread()
    assert run_off_main_thread(lambda: 42) == 42
    with pytest.raises(ValueError, match="bad model"):
        run_off_main_thread(lambda: (_ for _ in ()).throw(ValueError("bad model")))


def test_from_another_thread_it_runs_in_place():
    seen = {}

    def caller():
        seen["same"] = run_off_main_thread(lambda: threading.current_thread()) is threading.current_thread()

    worker = threading.Thread(target=caller)
    worker.start()
    worker.join()
    assert seen["same"]


def test_the_bundled_chat_model_is_loaded_and_quantized_off_the_main_thread(monkeypatch):
    threads = []
    real_load = chat_module.load_causal_lm

    def load(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_load(*args, **kwargs)

    monkeypatch.setattr(chat_module, "load_causal_lm", load)
    model = chat_module.LocalChatModel()
    assert threads and threads[0] is not threading.main_thread()
    assert model.fast is not None and model.fast.quantized  # the whole load, quantizing included, ran there
    assert model.generate([{"role": "user", "content": "Say hello"}]).text  # and the model answers
