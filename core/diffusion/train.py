"""Train the shipped text-to-image model: a small UNet2DConditionModel over pixels.

Recipe (each item fixes a failure of the first trial, see docs/text2image.md):
- v-prediction on a cosine schedule rescaled to zero terminal SNR, so the model learns to
  produce the image mean (background colour) from pure noise, and samplers start at
  "trailing" timesteps; optional offset noise (off by default: redundant with zero SNR).
- space-to-depth: the 32x32x3 image is rearranged into 16x16x12 (pixel_unshuffle, an
  orthogonal reshuffle, so the diffusion maths is unchanged) and the UNet runs at 16x16,
  ~4x less compute per step than at 32x32 on 2 CPU cores. Its cost: each of the four pixels
  of a 2x2 block is its own output channel with its own weights, so the model's errors
  differ per pixel phase and a flat background comes out with a fixed per-block offset, a
  regular 2-pixel grid (phase means up to 20 levels apart, measured on the pre-#19 model).
  `grid_weight` > 0 adds a loss on exactly that: per image and colour channel, the spread of
  the mean x0 error over the four phases (issue #19).
- two objects (issue #19): `init_from` continues from a trained pipeline (the one-object
  model) on a mixture of one- and two-object scenes (core/diffusion/pair_dataset.py) with
  captions that sometimes leave out the size, position or background.
- pixel head (issue #19): `pixel_head` > 0 adds a small output stage at pixel resolution
  (core/diffusion/pixel_unet.py, weights shared by every pixel, so no per-phase channel),
  zero-initialised: with `init_from` the fine-tune starts exactly at the model it continues.
- shape weight (issue #19, round 5): `shape_weight` W > 0 weights the per-pixel loss by
  1 + W on the shapes' pixels (every pixel that differs from the scene's background colour)
  and, with `shape_edges`, by another W on a band one pixel either side of each shape's
  outline, where a square's corners and a circle's arcs differ; weights are rescaled to
  mean 1 per image, so an error spread evenly over the image costs what it did before and
  only the balance between background and shape moves (the one-object shape class and
  both-shapes scores were the targets #19 still missed). Round 6: that rescaling puts the
  background at 0.6-0.8x, and fine-tunes with it drew "a purple triangle" (no background
  asked) as a plain purple image in 8 of 10 seeds (no-weight control 3, shipped model 2);
  `shape_keep_background` skips the rescaling, so background pixels keep weight 1 and only
  the shapes (and outlines) weigh more.
- captions without a background (issue #19, round 7): `omit_background` is the share of
  training captions (one and two objects) that name no background (0.2, as every model so far).
- shape twins (issue #19, round 25): `shape_twins` adds to each batch, for every two-object
  scene with two different shapes, its twin with the shapes exchanged between the two colours
  (caption likewise; skipped when the twin is a held-out pair), trained on the same noise,
  timestep and caption dropout. The pair differs only in which colour carries which shape: in
  the shipped model's two-object shape errors the wrong object had the other one's shape 57 of
  63 times (tuning draws). The batch's own draws are unchanged (the twins are extra items).
  `shape_copy_twins` (round 37) adds a second twin per such scene, the smaller object drawn in the
  other's shape (`pair_dataset.shape_copied`): round 25's twins left "both objects in one shape"
  (31 of 82 failed images) untouched, since an exchange never contrasts two shapes with one.
- blend with the start (issue #19, round 38): `blend_with_start` alpha < 1 saves the final EMA weights moved back
  toward the `init_from` model's, start + alpha x (tuned - start) (core/diffusion/weight_blend.py); checkpoints
  along the way are saved unblended.
- classifier-free guidance: the caption is replaced by "" with probability cond_dropout.
- EMA weights are what ships; balanced sampling over every training scene.
- caption encodings are cached: the caption vocabulary is finite, MiniLM runs once per caption.

`python -m core train-diffusion` runs this from a seed with a tqdm progress bar.
"""
from __future__ import annotations

import copy
import json
import logging
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
from diffusers import DDIMScheduler, DDPMScheduler, UNet2DConditionModel

from core.diffusion import dataset
from core.diffusion.pair_dataset import MixedSampler
from core.diffusion.pixel_unet import PixelHead
from core.diffusion.text import encode, load_bundled_encoder, pad_states
from core.diffusion.weight_blend import blend_module

log = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    seed: int = 0
    steps: int = 5000
    batch_size: int = 32
    lr: float = 8e-4
    warmup_steps: int = 100
    min_lr_ratio: float = 0.1     # cosine decay to lr * this
    weight_decay: float = 0.01
    ema_decay: float = 0.999
    cond_dropout: float = 0.1     # probability of training on the empty caption (CFG)
    offset_noise: float = 0.0     # per-channel noise offset; zero-terminal SNR makes it unnecessary
    image_size: int = 32
    patch_size: int = 2           # space-to-depth factor: the UNet sees (3*p*p, size/p, size/p)
    block_out_channels: tuple = (32, 64, 128)  # 4.6M params, 18 MB float32
    attention_levels: tuple = (1, 2)   # which UNet levels cross-attend to the caption
    two_object_fraction: float = 0.0   # share of two-object scenes in each batch (0 = one object only)
    grid_weight: float = 0.0      # weight of the phase-offset (2-pixel grid) loss; see the module docstring
    init_from: str = ""           # a pipeline folder whose UNet training continues from ("" = from scratch)
    pixel_head: int = 0           # channels of the pixel-resolution output stage (0 = none; issue #19: 32)
    shape_weight: float = 0.0     # extra loss weight on shape pixels (0 = plain MSE); see the module docstring
    shape_edges: bool = False     # also weight a band around each shape's outline by shape_weight
    shape_keep_background: bool = False  # with shape_weight: no rescaling to mean 1, background pixels keep weight 1
    omit_background: float = 0.2  # two_object_fraction > 0: share of captions that name no background (#19 round 7)
    shape_twins: bool = False     # two_object_fraction > 0: add shape-swapped twins on the same noise (#19 round 25)
    shape_copy_twins: bool = False  # with shape_twins: also a twin with one object in the other's shape (#19 round 37)
    blend_with_start: float = 1.0  # with init_from: the saved weights are start + this x (tuned - start) (#19 round 38)
    layers_per_block: int = 1
    max_jitter: float = 1.0       # pixels of random shape shift, for robustness
    checkpoint_every: int = 250
    stop_after: int = 0           # >0: stop (and save) after this many steps of the `steps`-long schedule
    text_hidden_layer: int = -2   # MiniLM layer the UNet cross-attends to (see core/diffusion/text.py)
    threads: int = 1              # torch threads: 1 is fastest on a shared 2-core box and keeps runs bitwise reproducible


def build_unet(cfg: TrainConfig) -> UNet2DConditionModel:
    n = len(cfg.block_out_channels)
    down = tuple("CrossAttnDownBlock2D" if i in cfg.attention_levels else "DownBlock2D" for i in range(n))
    up = tuple("CrossAttnUpBlock2D" if (n - 1 - i) in cfg.attention_levels else "UpBlock2D" for i in range(n))
    ch = 3 * cfg.patch_size ** 2
    return UNet2DConditionModel(
        sample_size=cfg.image_size // cfg.patch_size, in_channels=ch, out_channels=ch,
        block_out_channels=tuple(cfg.block_out_channels), down_block_types=down, up_block_types=up,
        layers_per_block=cfg.layers_per_block, cross_attention_dim=384, attention_head_dim=32,
        norm_num_groups=16)


def architecture_of(folder: str | Path) -> dict:
    """The TrainConfig fields that fix a saved pipeline's shape (to continue training it)."""
    folder = Path(folder)
    index = json.loads((folder / "model_index.json").read_text())
    unet = json.loads((folder / "unet" / "config.json").read_text())
    attn = tuple(i for i, kind in enumerate(unet["down_block_types"]) if kind.startswith("CrossAttn"))
    return {"patch_size": index["patch_size"], "text_hidden_layer": index["text_hidden_layer"],
            "block_out_channels": tuple(unet["block_out_channels"]), "attention_levels": attn,
            "layers_per_block": unet["layers_per_block"]}


def _initial_unet(cfg: TrainConfig) -> UNet2DConditionModel:
    if not cfg.init_from:
        return build_unet(cfg)
    folder = Path(cfg.init_from)
    index = json.loads((folder / "model_index.json").read_text())
    if (index.get("patch_size"), index.get("text_hidden_layer")) != (cfg.patch_size, cfg.text_hidden_layer):
        raise ValueError(f"init_from {folder}: patch_size/text_hidden_layer {index.get('patch_size')}/"
                         f"{index.get('text_hidden_layer')} differ from the config's {cfg.patch_size}/{cfg.text_hidden_layer}")
    unet = UNet2DConditionModel.from_pretrained(folder / "unet")
    if tuple(unet.config.block_out_channels) != tuple(cfg.block_out_channels):
        raise ValueError(f"init_from {folder}: block_out_channels {unet.config.block_out_channels} "
                         f"differ from the config's {cfg.block_out_channels}")
    return unet.train()


def _initial_head(cfg: TrainConfig) -> PixelHead | None:
    """The pixel head: the one in `init_from` when it has one, else a new (identity) one."""
    folder = Path(cfg.init_from) if cfg.init_from else None
    if folder is not None and (folder / "pixel_head").is_dir():
        head = PixelHead.from_pretrained(folder / "pixel_head")
        if cfg.pixel_head and head.config.channels != cfg.pixel_head:
            raise ValueError(f"init_from {folder}: pixel head of {head.config.channels} channels, "
                             f"the config asks for {cfg.pixel_head}")
        return head.train()
    if not cfg.pixel_head:
        return None
    return PixelHead(patch_size=cfg.patch_size, channels=cfg.pixel_head)


class Denoiser(torch.nn.Module):
    """UNet + optional pixel head as one module, for one optimizer, one EMA, one clip."""

    def __init__(self, unet: UNet2DConditionModel, head: PixelHead | None):
        super().__init__()
        self.unet, self.head = unet, head

    def forward(self, x, t, states, mask):
        out = self.unet(x, t, encoder_hidden_states=states, encoder_attention_mask=mask).sample
        return self.head(out, x) if self.head is not None else out


def phase_offset_loss(pred, target, xt, t, sched, patch_size: int) -> torch.Tensor:
    """Spread over the p*p pixel phases of the image-mean x0 error, per image and colour.

    pred/target are v (velocity) in the space-to-depth layout, channel = colour * p*p + phase;
    x0 = a * x_t - s * v, so the x0 error is -s * (pred - target).
    """
    if patch_size < 2:
        return pred.new_zeros(())
    ac = sched.alphas_cumprod.to(pred.device)[t].view(-1, 1, 1, 1)
    err = -(1 - ac).sqrt() * (pred - target)
    b, ch, h, w = err.shape
    per_phase = err.view(b, ch // patch_size ** 2, patch_size ** 2, h * w).mean(-1)  # (B, 3, p*p)
    return (per_phase - per_phase.mean(-1, keepdim=True)).pow(2).mean() * patch_size ** 2


def shape_weights(pixels: torch.Tensor, backgrounds: torch.Tensor, weight: float, edges: bool,
                  patch_size: int, keep_background: bool = False) -> torch.Tensor:
    """Per-pixel loss weights in the UNet's space-to-depth layout, mean 1 per image
    (with `keep_background`: not rescaled, so background pixels weigh 1 and the mean is above 1).

    pixels: (B, 3, H, W) clean images in [-1, 1]; backgrounds: (B, 3) their background
    colours in the same scale. A pixel is shape when any channel differs from the
    background by more than 0.1 (13 levels of 255, so anti-aliased edge pixels count);
    it gets 1 + weight, and with `edges` pixels within one pixel of the outline (a 3x3
    dilation minus a 3x3 erosion of the shape mask) get another `weight`.
    """
    diff = (pixels - backgrounds[:, :, None, None]).abs().amax(1, keepdim=True)
    fg = (diff > 0.1).to(pixels.dtype)
    w = 1 + weight * fg
    if edges:
        grown = F.max_pool2d(fg, 3, 1, 1)
        shrunk = -F.max_pool2d(-fg, 3, 1, 1)
        w = w + weight * (grown - shrunk)
    if not keep_background:
        w = w / w.mean((1, 2, 3), keepdim=True)
    return F.pixel_unshuffle(w.expand(-1, pixels.shape[1], -1, -1).contiguous(), patch_size)


def background_colours(scenes) -> torch.Tensor:
    """(B, 3) background colours of `scenes` (one- or two-object) in the [-1, 1] pixel scale."""
    rgb = torch.tensor([dataset.COLOURS[s.background] for s in scenes], dtype=torch.float32)
    return rgb / 127.5 - 1.0


def batch_randomness(gen: torch.Generator, cfg: TrainConfig, item_shape, twin_of: list[int],
                     num_timesteps: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Caption dropout, noise and timestep for a batch of cfg.batch_size drawn scenes followed by
    len(twin_of) twins: drawn from `gen` for the drawn scenes only, in the order every model so far
    drew them (so a run without twins is unchanged); twin k gets scene twin_of[k]'s draws."""
    n = cfg.batch_size
    src = torch.tensor(list(range(n)) + list(twin_of), dtype=torch.long)
    drop = torch.rand(n, generator=gen) < cfg.cond_dropout
    noise = torch.randn((n, *item_shape), generator=gen)
    if cfg.offset_noise:
        noise = noise + cfg.offset_noise * torch.randn(n, item_shape[0], 1, 1, generator=gen)
    t = torch.randint(0, num_timesteps, (n,), generator=gen)
    return drop[src], noise[src], t[src]


def build_train_scheduler(num_train_timesteps: int = 1000) -> DDPMScheduler:
    return DDPMScheduler(
        num_train_timesteps=num_train_timesteps, beta_schedule="squaredcos_cap_v2",
        prediction_type="v_prediction", rescale_betas_zero_snr=True,
        timestep_spacing="trailing", clip_sample=False)


def inference_scheduler(train_sched: DDPMScheduler) -> DDIMScheduler:
    """The scheduler saved with the pipeline; other samplers are built from its config."""
    return DDIMScheduler.from_config(train_sched.config, timestep_spacing="trailing",
                                     rescale_betas_zero_snr=True, clip_sample=False, set_alpha_to_one=False)


class CaptionCache:
    """MiniLM token states per caption, computed once (fp16 to keep memory small)."""

    def __init__(self, hidden_layer: int = -1):
        self.hidden_layer = hidden_layer
        self.tokenizer, self.model = load_bundled_encoder()
        self.states: dict[str, torch.Tensor] = {}

    def get(self, captions: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        missing = sorted({c for c in captions if c not in self.states})
        if missing:
            h, mask = encode(self.tokenizer, self.model, missing, hidden_layer=self.hidden_layer)
            for c, s, m in zip(missing, h, mask):
                self.states[c] = s[: int(m.sum())].to(torch.float16)
        states, mask = pad_states([self.states[c] for c in captions])
        return states.float(), mask


def _lr_at(cfg: TrainConfig, step: int) -> float:
    if step < cfg.warmup_steps:
        return cfg.lr * (step + 1) / cfg.warmup_steps
    progress = (step - cfg.warmup_steps) / max(1, cfg.steps - cfg.warmup_steps)
    return cfg.lr * (cfg.min_lr_ratio + (1 - cfg.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * progress)))


@torch.no_grad()
def _ema_update(ema: torch.nn.Module, model: torch.nn.Module, step: int, decay: float) -> None:
    d = min(decay, (1 + step) / (10 + step))  # warm-up: early EMA tracks the model closely
    for pe, pm in zip(ema.parameters(), model.parameters()):
        pe.lerp_(pm, 1 - d)


def save_pipeline(unet: UNet2DConditionModel, scheduler, cfg: TrainConfig, out_dir: Path, extra: dict | None = None,
                  pixel_head: PixelHead | None = None) -> Path:
    """Write a diffusers pipeline folder (model_index.json + unet/ + scheduler/ [+ pixel_head/]).
    Space-to-depth models sample with flat_phases on (see core/diffusion/tiny_pipeline.py). The folder gets the
    shipped model's inference settings, so a model trained with `python -m core train-diffusion` samples as the
    shipped one does: the flat cleanup (#19 round 29; radius 3 since round 42) and the background fill (round 41)."""
    from core.diffusion.tiny_pipeline import TinyText2ImagePipeline

    pipe = TinyText2ImagePipeline(unet=unet, scheduler=scheduler, pixel_head=pixel_head, patch_size=cfg.patch_size,
                                   text_hidden_layer=cfg.text_hidden_layer, flat_phases=cfg.patch_size > 1,
                                   flat_cleanup=3, background_fill=True)
    out_dir = Path(out_dir)
    pipe.save_pretrained(out_dir, safe_serialization=True)
    info = {"train_config": asdict(cfg), **(extra or {})}
    (out_dir / "training.json").write_text(json.dumps(info, indent=2, default=str))
    return out_dir


def train(cfg: TrainConfig, out_dir: Path, progress=None) -> Path:
    """Train from `cfg.seed` and save the EMA pipeline to `out_dir`. `progress` is a tqdm-like
    factory (called with total=steps) or None."""
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    if cfg.two_object_fraction > 0:
        sampler = MixedSampler(cfg.seed, cfg.two_object_fraction, image_size=cfg.image_size, max_jitter=cfg.max_jitter,
                               omit_background=cfg.omit_background)
    else:  # the one-object recipe of the models before #19
        sampler = dataset.BalancedSampler(cfg.seed, image_size=cfg.image_size, max_jitter=cfg.max_jitter)
    gen = torch.Generator().manual_seed(cfg.seed)
    captions = CaptionCache(cfg.text_hidden_layer)
    model = Denoiser(_initial_unet(cfg), _initial_head(cfg)).train()
    start_state = {k: v.detach().clone() for k, v in model.state_dict().items()} if cfg.blend_with_start < 1 else None
    ema = copy.deepcopy(model).requires_grad_(False)
    sched = build_train_scheduler()
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    n_params = sum(p.numel() for p in model.parameters())
    log.info("UNet %.2fM parameters, %d steps of batch %d", n_params / 1e6, cfg.steps, cfg.batch_size)
    bar = progress(total=cfg.steps) if progress else None
    t0, cpu0, losses = time.time(), time.process_time(), []
    last = min(cfg.steps, cfg.stop_after) if cfg.stop_after else cfg.steps
    for step in range(last):
        if cfg.shape_twins:
            scenes, caps, pixels, twin_of = sampler.batch_with_twins(cfg.batch_size, cfg.shape_copy_twins)
        else:
            (scenes, caps, pixels), twin_of = sampler.batch(cfg.batch_size), []
        x0 = F.pixel_unshuffle(torch.from_numpy(pixels), cfg.patch_size)
        drop, noise, t = batch_randomness(gen, cfg, x0.shape[1:], twin_of, sched.config.num_train_timesteps)
        caps = ["" if d else c for c, d in zip(caps, drop.tolist())]
        states, mask = captions.get(caps)
        xt = sched.add_noise(x0, noise, t)
        target = sched.get_velocity(x0, noise, t)
        for g in opt.param_groups:
            g["lr"] = _lr_at(cfg, step)
        pred = model(xt, t, states, mask)
        if cfg.shape_weight:
            w = shape_weights(torch.from_numpy(pixels), background_colours(scenes), cfg.shape_weight,
                              cfg.shape_edges, cfg.patch_size, cfg.shape_keep_background)
            loss = (w * (pred - target) ** 2).mean()
        else:
            loss = F.mse_loss(pred, target)
        if cfg.grid_weight:
            loss = loss + cfg.grid_weight * phase_offset_loss(pred, target, xt, t, sched, cfg.patch_size)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        _ema_update(ema, model, step, cfg.ema_decay)
        losses.append(loss.item())
        if bar:
            bar.update(1)
            bar.set_postfix(loss=f"{sum(losses[-50:]) / len(losses[-50:]):.4f}", lr=f"{_lr_at(cfg, step):.1e}")
        if (step + 1) % 50 == 0:
            log.info("step %d loss %.4f (%.1f s)", step + 1, sum(losses[-50:]) / 50, time.time() - t0)
        if cfg.checkpoint_every and (step + 1) % cfg.checkpoint_every == 0 and step + 1 < last:
            save_pipeline(ema.unet, inference_scheduler(sched), cfg, Path(out_dir),
                          {"steps_done": step + 1, "seconds": round(time.time() - t0, 1),
                           "cpu_seconds": round(time.process_time() - cpu0, 1), "params": n_params}, ema.head)
    if bar:
        bar.close()
    # cpu_seconds: the process's own CPU time, the one-core cost whatever else shares the machine.
    extra = {"steps_done": last, "seconds": round(time.time() - t0, 1),
             "cpu_seconds": round(time.process_time() - cpu0, 1), "params": n_params,
             "final_loss_50": sum(losses[-50:]) / max(1, len(losses[-50:])), "torch": torch.__version__}
    if start_state is not None:
        blend_module(start_state, ema, cfg.blend_with_start)
    return save_pipeline(ema.unet, inference_scheduler(sched), cfg, Path(out_dir), extra, ema.head)
