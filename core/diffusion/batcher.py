"""Concurrent text-to-image requests for one pipeline share its UNet calls.

    batcher = batcher_for(loaded)                 # one per loaded pipeline, per process
    images, nsfw, info = batcher.submit(job).result()

A worker thread per pipeline takes the oldest waiting request and every later one that can
share its pipeline call (same steps, scheduler, guidance and size; prompts, negative
prompts and seeds may differ), up to `max_images` images, and runs them as ONE call: the
UNet sees all their images in each denoising step. Requests that arrive while a call runs
wait for the next one; a request arriving at an idle pipeline waits `window_s` for company.
The oldest request always goes into the next call, so an incompatible one is never starved.

Each request keeps what is its own:
- its images: noise comes from one generator per image, so an image depends on its own seed
  only (batched equals alone within 1 uint8 level, from float rounding in batched kernels;
  tests/test_t2i_batcher.py);
- its step previews: the step callback's batched arrays are sliced per request;
- its cancel: a cancelled request is answered at once and its images are dropped while the
  others finish; when every request of a call is gone the call stops;
- its errors: an exception from its own step callback fails it alone; a pipeline error in a
  shared call reruns each request alone so that it lands only on the request that causes it.

`max_images=1` is the old path: one request per pipeline call, one after another.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Callable

import torch

from core.caches import register_cache

log = logging.getLogger(__name__)

IDLE_EXIT_S = 60.0  # an idle worker thread ends (a reset cache or a test's batcher leaves none behind)


class Cancelled(RuntimeError):
    pass


class _EveryRequestGone(Exception):
    """Raised inside the step callback to stop a call nobody waits for any more."""


@dataclass
class Job:
    """One validated request: `req` is a resolved ImageRequest, `prompt` the text the model sees."""
    req: object
    prompt: str
    seeds: list[int]
    report: Callable | None = None          # report(StepInfo) after each step; may raise Cancelled
    cancel: threading.Event | None = None
    future: Future = field(default_factory=Future)
    arrived: float = field(default_factory=time.monotonic)

    @property
    def images(self) -> int:
        return len(self.seeds)

    @property
    def key(self) -> tuple:
        """What must be equal for two requests to share one pipeline call."""
        r = self.req
        return (r.steps, r.scheduler, float(r.guidance), r.width, r.height)

    def gone(self) -> bool:
        return self.future.done() or (self.cancel is not None and self.cancel.is_set())

    def fail(self, error: BaseException) -> None:
        if not self.future.done():
            self.future.set_exception(error)


@dataclass
class CallInfo:
    seconds: float
    scheduler_class: str
    scheduler_config: dict
    call_images: int          # images in the shared pipeline call
    call_requests: int


class Batcher:
    def __init__(self, loaded, max_images: int = 8, window_s: float = 0.02):
        if max_images < 1:
            raise ValueError("max_images must be at least 1")
        self.loaded, self.max_images, self.window_s = loaded, max_images, window_s
        self._queue: deque[Job] = deque()
        self._cond = threading.Condition()
        self._worker: threading.Thread | None = None
        self.calls: list[int] = []    # images per pipeline call, newest last (bounded; for benchmarks)

    def submit(self, job: Job) -> Future:
        with self._cond:
            self._queue.append(job)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._loop, name=f"t2i-batcher {self.loaded.name}", daemon=True)
                self._worker.start()
            self._cond.notify()
        return job.future

    def _loop(self) -> None:
        while True:
            jobs = self._take()
            if jobs is None:
                return
            try:
                self._run(jobs)
            except BaseException as e:  # never leave a caller waiting forever
                log.exception("text-to-image batch failed")
                for job in jobs:
                    job.fail(e)

    def _take(self) -> list[Job] | None:
        """The oldest live request plus the later compatible ones that fit, in arrival order."""
        with self._cond:
            while True:
                while self._queue and self._queue[0].gone():
                    self._queue.popleft().fail(Cancelled("generation cancelled"))
                if not self._queue:
                    if not self._cond.wait(IDLE_EXIT_S) and not self._queue:
                        self._worker = None  # idle: the next submit starts a new worker
                        return None
                    continue
                wait = self._queue[0].arrived + self.window_s - time.monotonic()
                if wait > 0 and self.max_images > 1 and self._queued_images() < self.max_images:
                    self._cond.wait(wait)   # an idle pipeline waits briefly for company
                    continue
                break
            head = self._queue.popleft()
            jobs, total = [head], head.images
            for job in list(self._queue):
                if job.gone() or self._key(job) != self._key(head) or total + job.images > self.max_images:
                    continue
                self._queue.remove(job)
                jobs.append(job)
                total += job.images
            return jobs

    def _key(self, job: Job) -> tuple:
        # SDXL encodes "no negative prompt" as zeros but "" as text: those two cannot share a call.
        zeros = getattr(getattr(self.loaded.pipe, "config", None), "force_zeros_for_empty_prompt", False)
        return job.key + ((bool((job.req.negative_prompt or "").strip()),) if zeros else ())

    def _queued_images(self) -> int:
        return sum(j.images for j in self._queue)

    def _run(self, jobs: list[Job]) -> None:
        try:
            outcome = self._call(jobs)
        except _EveryRequestGone:
            for job in jobs:
                job.fail(Cancelled("generation cancelled"))
            return
        except Exception as e:
            if len(jobs) == 1:
                jobs[0].fail(e)
                return
            log.warning("a shared call of %d requests failed (%s); running each alone", len(jobs), e)
            for job in jobs:
                if not job.gone():
                    self._run([job])
            return
        images, nsfw, info = outcome
        start = 0
        for job in jobs:
            end = start + job.images
            if not job.future.done():  # a cancelled request's images are dropped here
                if job.cancel is not None and job.cancel.is_set():
                    job.fail(Cancelled("generation cancelled"))
                else:
                    job.future.set_result((images[start:end], nsfw[start:end] if nsfw else None, info))
            start = end

    def _call(self, jobs: list[Job]):
        """One pipeline call for every image of `jobs` (they share `key`)."""
        from core.diffusion.generate import StepInfo

        loaded, req = self.loaded, jobs[0].req
        prompts = [job.prompt for job in jobs for _ in job.seeds]
        negatives = [job.req.negative_prompt or "" for job in jobs for _ in job.seeds]
        slices, start = [], 0
        for job in jobs:
            slices.append((job, start, start + job.images))
            start += job.images

        def on_step(i: int, t: int, x_t, x0) -> None:
            for job, a, b in slices:
                if job.gone():
                    continue
                if job.report is not None:
                    try:
                        job.report(StepInfo(i, req.steps, t, None if x_t is None else x_t[a:b],
                                            None if x0 is None else x0[a:b]))
                    except Exception as e:  # its own callback's failure (or cancel) is its own
                        job.fail(e if not isinstance(e, Cancelled) else Cancelled("generation cancelled"))
                if job.cancel is not None and job.cancel.is_set():
                    job.fail(Cancelled("generation cancelled"))  # answered now; its images are dropped
            if all(job.gone() for job in jobs):
                raise _EveryRequestGone()

        with loaded.lock:  # the pipeline object (its scheduler) is shared by every session
            base_scheduler = loaded.pipe.scheduler
            if req.scheduler != "default":
                loaded.set_scheduler(req.scheduler)
            try:
                generators = [torch.Generator("cpu").manual_seed(s) for job in jobs for s in job.seeds]
                t0 = time.perf_counter()
                images, nsfw = _pipeline_call(loaded, req, prompts, negatives, generators, on_step)
                seconds = time.perf_counter() - t0
                scheduler_class = type(loaded.pipe.scheduler).__name__
                scheduler_config = {k: v for k, v in dict(loaded.pipe.scheduler.config).items() if not k.startswith("_")}
            finally:
                loaded.pipe.scheduler = base_scheduler
        self.calls = (self.calls + [len(prompts)])[-1000:]
        log.info("generated %d image(s) for %d request(s) with %s in %.2f s", len(prompts), len(jobs), loaded.name, seconds)
        return images, nsfw, CallInfo(seconds, scheduler_class, scheduler_config, len(prompts), len(jobs))


def _pipeline_call(loaded, req, prompts: list[str], negatives: list[str], generators, on_step):
    """The pipeline called once with one prompt, negative prompt and generator per image."""
    pipe = loaded.pipe
    if loaded.is_tiny:
        out = pipe(prompts, negative_prompt=negatives, num_inference_steps=req.steps, guidance_scale=req.guidance,
                   num_images_per_prompt=1, generator=generators, step_callback=on_step)
        return out.images, None

    def cb_hub(p, i, t, kwargs):
        latents = kwargs.get("latents")
        on_step(i, int(t), _decode_preview(p, latents) if latents is not None else None, None)
        return {}

    kwargs = dict(prompt=prompts, num_inference_steps=req.steps, guidance_scale=req.guidance,
                  num_images_per_prompt=1, generator=generators, width=req.width, height=req.height,
                  callback_on_step_end=cb_hub, callback_on_step_end_tensor_inputs=["latents"])
    if loaded.family.negative_prompt and any(n.strip() for n in negatives):
        kwargs["negative_prompt"] = negatives   # "" is the same unconditional text as no negative prompt
    out = pipe(**kwargs)
    return out.images, getattr(out, "nsfw_content_detected", None)


@torch.no_grad()
def _decode_preview(pipe, latents: torch.Tensor):
    """Latents -> small uint8 previews with the pipeline's own VAE."""
    vae = getattr(pipe, "vae", None)
    if vae is None:
        return None
    scale = getattr(vae.config, "scaling_factor", 1.0) or 1.0
    img = vae.decode(latents.to(vae.dtype) / scale).sample
    img = ((img.float().clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
    return img.permute(0, 2, 3, 1).cpu().numpy()


_batchers: dict[int, tuple[object, Batcher]] = {}
_batchers_lock = threading.Lock()
register_cache("text-to-image batchers", _batchers.clear)


def batcher_for(loaded, max_images: int | None = None, window_ms: float | None = None) -> Batcher:
    """The process's batcher for `loaded` (settings: GENAI_IMAGE_BATCH_IMAGES, GENAI_IMAGE_BATCH_WINDOW_MS)."""
    from core.config import get_settings

    s = get_settings().image
    with _batchers_lock:
        entry = _batchers.get(id(loaded))
        if entry is None or entry[0] is not loaded:
            batcher = Batcher(loaded, max_images or s.batch_images, (s.batch_window_ms if window_ms is None else window_ms) / 1000)
            _batchers[id(loaded)] = entry = (loaded, batcher)
        return entry[1]
