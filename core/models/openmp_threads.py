"""Keep torch's parallel work off the main thread when a worker thread does the decoding.

Measured on the 2-core machine (torch 2.13.0 CPU, GNU OpenMP; benchmarks/openmp_main_thread.py, recorded in
benchmarks/results/issue15_engine_thread.md): a FastLlama decode step takes 12 ms at two threads in
whichever thread runs it, as long as the process's main thread has never run a parallel region;
once it has (loading and quantizing the model does), the same step in any other thread takes 30 ms,
while the main thread itself stays at 12 ms. The generation engine decodes in its own thread, so a
model loaded on the main thread (`python -m core chat`, the benchmarks) decoded 2.5x slower.
OMP_WAIT_POLICY, GOMP_SPINCOUNT and OMP_PROC_BIND did not change it.
"""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

T = TypeVar("T")


def run_off_main_thread(fn: Callable[[], T]) -> T:
    """`fn()`, run in a short-lived thread when called from the main thread (its result or its exception)."""
    if threading.current_thread() is not threading.main_thread():
        return fn()
    result: dict = {}

    def target() -> None:
        try:
            result["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
            result["error"] = e

    worker = threading.Thread(target=target, name="model-load")
    worker.start()
    worker.join()
    if "error" in result:
        raise result["error"]
    return result["value"]
