"""Text-to-image: type a prompt, watch it denoise, compare guidance, keep a gallery.

Layout and wiring only; generation, safety, metadata and the gallery live in core.diffusion.
"""
from __future__ import annotations

import os
import queue
import threading

import gradio as gr

from apps import gradio_sessions
from apps.hosting import Room, new_visitor_id
from apps.text2image.page_files import for_page
from apps.text2image.previews import batch_preview, guidance_note
from apps.text2image.prompt_help import build_panel, check_markdown
from core.config import get_settings
from core.diffusion import gallery
from core.diffusion.generate import ImageRequest, PromptBlocked, generate, parse_seed, random_seed, timeline_strip
from core.diffusion.metadata import NoMetadata, read_record
from core.diffusion.pipeline import SCHEDULERS, describe, folder_config
from core.models.hub import ModelUnavailable

PREVIEW_EVERY = 3  # live preview every N denoising steps
SCHEDULER_LABELS = [("model default", "default")] + [(label, key) for key, label in SCHEDULERS.items()]


def _owner(visitor_id, request) -> str | None:
    """Whose gallery: the visitor's in hosted mode (apps/hosting.py); everyone's in local mode."""
    room = Room.for_app()
    return room.visitor(visitor_id, request) if room.hosted else None


def _shown(path) -> str:
    """The path to hand Gradio for a gallery PNG (apps/text2image/page_files.py)."""
    return for_page(path, Room.for_app().hosted)


def _gallery_items(visitor_id=None, request: gr.Request = None) -> list[tuple[str, str]]:
    owner = _owner(visitor_id, request)
    chosen = gallery.entries(60) if owner is None else gallery.entries(60, owner=owner)
    return [(_shown(e.display_path), e.prompt[:80]) for e in chosen]


def on_gallery_all(host_token, request: gr.Request = None) -> list[tuple[str, str]]:
    """The host's view: every visitor's images (hosted mode needs the host token)."""
    Room.for_app().require_host(host_token, request, "Seeing every visitor's images",
                                "see your own images in the Gallery below")
    return [(_shown(e.display_path), e.prompt[:80]) for e in gallery.entries(200)]


def _request(prompt, negative, seed, steps, guidance, scheduler, batch, size) -> ImageRequest:
    try:
        seed_value = parse_seed(seed)
    except ValueError as e:
        raise gr.Error(str(e)) from None
    size = int(size) if size else None
    return ImageRequest(prompt=prompt or "", negative_prompt=negative or "", seed=seed_value,
                        steps=int(steps), guidance=float(guidance), scheduler=scheduler or "default",
                        batch_size=int(batch), width=size, height=size)


def _run_streaming(req: ImageRequest):
    """Run generate() in a worker thread; yield ("step", StepInfo) then ("done", result)."""
    events: queue.Queue = queue.Queue()
    cancel = threading.Event()

    def work():
        try:
            result = generate(req, on_step=lambda info: events.put(("step", info)), keep_timeline=True, cancel=cancel)
            events.put(("done", result))
        except Exception as e:  # handed to the UI thread, which raises gr.Error
            events.put(("error", e))

    threading.Thread(target=work, daemon=True).start()
    try:
        while True:
            kind, payload = events.get()
            if kind == "error":
                raise payload
            yield kind, payload
            if kind == "done":
                return
    finally:
        cancel.set()  # the browser went away: stop denoising


def _user_error(e: Exception) -> gr.Error:
    if isinstance(e, PromptBlocked):
        return gr.Error(f"Blocked by the image safety policy: {'; '.join(e.verdict.reasons) or 'flagged'}")
    return gr.Error(str(e))


def on_generate(prompt, negative, seed, steps, guidance, scheduler, batch, size, visitor_id=None,
                request: gr.Request = None, progress=gr.Progress()):
    owner = _owner(visitor_id, request)
    Room.for_app().limit("generate", owner or "")
    req = _request(prompt, negative, seed, steps, guidance, scheduler, batch, size)
    try:
        for kind, payload in _run_streaming(req):
            if kind == "step":
                info = payload
                progress((info.step + 1, info.total), desc=f"denoising step {info.step + 1}/{info.total}")
                if info.step % PREVIEW_EVERY == 0 or info.step + 1 == info.total:
                    shown = info.x0 if info.x0 is not None else info.x_t
                    if shown is not None:
                        yield (batch_preview(shown), gr.skip(), gr.skip(), gr.skip(),
                               f"step {info.step + 1}/{info.total}", gr.skip(), gr.skip())
                continue
            result = payload
    except (ValueError, ModelUnavailable, RuntimeError) as e:
        raise _user_error(e) from None
    # What the page shows is the saved PNG (metadata inside), so every download restores.
    saved = [gallery.add(image, record, owner=owner) for image, record in zip(result.images, result.records)]
    first = result.records[0]
    status = (f"**seed {result.seeds[0]}**{' (+1 per image)' if len(result.seeds) > 1 else ''} · "
              f"{first['params']['steps']} steps · {first['scheduler_class']} · guidance {first['params']['guidance']} · "
              f"{result.seconds:.2f} s · {first['model']} on {first['environment']['device']} "
              f"{first['environment']['dtype']}")
    batch_items = [(_shown(e.display_path), f"seed {e.record['params']['seed']}") for e in saved] if len(saved) > 1 else []
    yield (_shown(saved[0].display_path), timeline_strip(result.timeline), _gallery_items(visitor_id, request),
           result.seeds[0], status, str(result.seeds[0]), gr.update(value=batch_items, visible=len(saved) > 1))


def on_compare(prompt, negative, seed, steps, guidance, scheduler, size, visitor_id=None, request: gr.Request = None):
    """The same seed with guidance on (the chosen scale) and off (scale 1: conditional model only)."""
    owner = _owner(visitor_id, request)
    Room.for_app().limit("generate", owner or "")
    seed_value = parse_seed(seed) if str(seed or "").strip() else random_seed()
    saved, images = [], []
    try:
        for g in (float(guidance), 1.0):
            req = _request(prompt, negative, seed_value, steps, g, scheduler, 1, size)
            result = generate(req)
            images.append(result.images[0])
            saved.append(gallery.add(result.images[0], result.records[0], owner=owner))  # PNGs with metadata
    except (ValueError, ModelUnavailable, RuntimeError) as e:
        raise _user_error(e) from None
    note = guidance_note(images[0], images[1], float(guidance), describe()[1].family == "tiny")
    # The main image shows the guided one too, so it never keeps an unrelated earlier image.
    return (_shown(saved[0].display_path), _shown(saved[1].display_path), f"seed {seed_value}: {note}",
            _gallery_items(visitor_id, request), _shown(saved[0].display_path))


def on_restore(file):
    """A dropped PNG -> its generation parameters back in the controls."""
    if file is None:
        return (gr.skip(),) * 7 + ("",)
    path = file if isinstance(file, str) else getattr(file, "name", file)
    try:
        record = read_record(path)
    except (NoMetadata, OSError, ValueError) as e:
        raise gr.Error(f"Cannot restore parameters: {e}") from None
    p = record["params"]
    return (p.get("prompt", ""), p.get("negative_prompt", ""), str(p.get("seed", "")), p.get("steps"),
            p.get("guidance"), p.get("scheduler", "default"), 1,
            f"Restored the parameters of an image made with {record.get('model', '?')} "
            f"({record.get('scheduler_class', '?')}, seed {p.get('seed')}).")


def build_app() -> gr.Blocks:
    gradio_sessions.install()  # a session's copy of the page stays its size (#15)
    name, fam = describe()
    folder = gallery.root()
    folder.mkdir(parents=True, exist_ok=True)
    room = Room.for_app()
    if not room.hosted:  # the gallery's PNGs (with metadata) are served as files; hosted mode serves
        gr.set_static_paths([str(folder)])  # only copies of the images returned to that visitor (page_files.py)
    max_batch = get_settings().image.max_batch
    with gr.Blocks(title="Text to image", delete_cache=(3600, 3600)) as demo:
        visitor = room.browser_state()
        gr.Markdown(f"# Text to image\nModel **{name}** ({fam.family}: {fam.notes or 'diffusers checkpoint'}). "
                    "Same parameters + seed on the same device give the same image; every PNG carries its "
                    "parameters; drop one below to restore them.")
        last_seed = gr.State(None)
        with gr.Row():
            with gr.Column(scale=2):
                prompt = gr.Textbox(label="Prompt", lines=2, elem_id="prompt",
                                    placeholder="a large red circle in the center on a blue background")
                check = build_panel(prompt, fam.family == "tiny", name)
                negative = gr.Textbox(label="Negative prompt", interactive=fam.negative_prompt,
                                      info=fam.negative_reason or "what the image should steer away from",
                                      elem_id="negative")
                with gr.Row():
                    seed = gr.Textbox(label="Seed (empty = random)", value="", elem_id="seed", scale=3)
                    randomise = gr.Button("Randomise seed", scale=1, size="sm")
                    reuse = gr.Button("♻ Reuse last", scale=1, size="sm")
                steps = gr.Slider(fam.min_steps, fam.max_steps, value=fam.steps, step=1, label="Steps")
                guidance = gr.Slider(0.0, 15.0, value=fam.guidance, step=0.5, label="Guidance scale",
                                     info="0 or 1 = no classifier-free guidance")
                scheduler = gr.Dropdown(SCHEDULER_LABELS, value="default", label="Scheduler")
                batch = gr.Slider(1, max_batch, value=1, step=1, label="Batch size")
                size = gr.Dropdown([str(x) for x in fam.sizes] or [str(fam.width)], value=str(fam.width),
                                   label="Size", interactive=bool(fam.sizes),
                                   info=None if fam.sizes else f"this model makes {fam.width}x{fam.height} images")
                with gr.Row():
                    go = gr.Button("Generate", variant="primary", elem_id="generate")
                    compare = gr.Button("Guidance on vs off")
                drop = gr.File(label="Drop a PNG to restore its parameters", file_types=[".png"], type="filepath",
                               elem_id="restore-drop")
            with gr.Column(scale=3):
                status = gr.Markdown("", elem_id="status")
                image = gr.Image(label="Image (live preview)", type="pil", height=320, elem_id="image",
                                 interactive=False, format="png")
                batch_shown = gr.Gallery(label="This batch (each PNG carries its parameters)", columns=4, height=200,
                                         visible=False, elem_id="batch", object_fit="contain")
                strip = gr.Image(label="Denoising timeline: x_t (top) and predicted x0 (bottom) per step",
                                 type="pil", interactive=False)
                with gr.Row():
                    on_img = gr.Image(label="guidance on", type="pil", interactive=False, format="png")
                    off_img = gr.Image(label="guidance off", type="pil", interactive=False, format="png")
        shown_gallery = gr.Gallery(label="Gallery (saved in the data folder)", columns=8, height=260, preview=False, fit_columns=False,
                                   elem_id="gallery", object_fit="contain")

        with gr.Accordion("Host", open=False, visible=room.hosted):
            gr.Markdown("Hosted for a room: each visitor sees their own images. The host sees everyone's.")
            host_token = gr.Textbox(label="Host token", type="password", elem_id="host-token")
            show_all = gr.Button("Show everyone's images")
        show_all.click(on_gallery_all, [host_token], shown_gallery, api_name="gallery_all")

        inputs = [prompt, negative, seed, steps, guidance, scheduler, batch, size, visitor]
        # Several visitors generate at once: their requests share the model's denoising steps
        # (core.diffusion.batcher); beyond the limit they wait in the queue, shown their position.
        generating = {"concurrency_limit": get_settings().image.batch_images, "concurrency_id": "generate"}
        go.click(on_generate, inputs, [image, strip, shown_gallery, last_seed, status, seed, batch_shown],
                 api_name="generate", **generating)
        compare.click(on_compare, [prompt, negative, seed, steps, guidance, scheduler, size, visitor],
                      [on_img, off_img, status, shown_gallery, image], api_name="compare", **generating)
        fills = fam.family == "tiny" and bool(folder_config().get("background_fill", False))
        prompt.change(lambda p: check_markdown(p, fam.family == "tiny", fills), prompt, check, api_name="check_prompt",
                      show_progress="hidden")
        randomise.click(lambda: str(random_seed()), None, seed, api_name="randomise_seed")
        reuse.click(lambda s: "" if s is None else str(s), last_seed, seed, api_name="reuse_seed")
        drop.upload(on_restore, drop, [prompt, negative, seed, steps, guidance, scheduler, batch, status],
                    api_name="restore")
        demo.load(new_visitor_id, [visitor], [visitor], api_name=False).then(
            _gallery_items, [visitor], shown_gallery, api_name=False)
        gallery_btn = gr.Button(visible=False)
        gallery_btn.click(_gallery_items, [visitor], shown_gallery, api_name="gallery")
    return demo


def launch_options() -> dict:
    return {"max_file_size": Room.for_app().max_file_size()}


# `python apps/text2image/app.py` starts the app alone; `gradio apps/text2image/app.py` reloads it
# on edits (gradio takes the module-level `demo` and re-runs this file, not as __main__, on each edit).
demo = build_app() if __name__ == "__main__" or os.environ.get("GRADIO_WATCH_DIRS") else None

if __name__ == "__main__":
    from apps.text2image.warm_up import parts
    from core.warm_up import start_warm_up

    start_warm_up(parts())  # the page serves at once; the first image need not load anything
    if Room.for_app().hosted:
        from core.hosting.periodic import run_every

        ttl_s = get_settings().apps.private_ttl_hours * 3600
        run_every(600, lambda: gallery.remove_owned_older_than(ttl_s), "old visitor images")
    demo.queue().launch(**launch_options())
