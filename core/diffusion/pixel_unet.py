"""A small output stage at pixel resolution for the space-to-depth UNet (issue #19).

The shipped UNet runs at 16x16 on a pixel_unshuffle'd image: each of the four pixels of a
2x2 block is its own output channel with its own weights, so its errors differ per pixel
phase and flat backgrounds come out with a regular 2-pixel grid. This head undoes the
layout (pixel_shuffle to 32x32), runs a few 3x3 convolutions whose weights are shared by
every pixel, adds the result to the UNet's output and reshuffles back, so the diffusion
maths (and every scheduler) stays in the UNet's 16x16x12 space.

It also sees the noisy input x_t (as pixels): what the output should look like depends
on the noise level, and x_t carries it. The last convolution starts at zero, so a new head
is the identity and fine-tuning starts from the model it is added to.

    head = PixelHead(patch_size=2, channels=32)
    out = head(unet(x_t, t, ...).sample, x_t)     # same shape as the UNet's output
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from diffusers.configuration_utils import ConfigMixin, register_to_config
from diffusers.models.modeling_utils import ModelMixin
from torch import nn


class PixelHead(ModelMixin, ConfigMixin):
    @register_to_config
    def __init__(self, patch_size: int = 2, channels: int = 32, layers: int = 2, image_channels: int = 3):
        super().__init__()
        if patch_size < 1 or channels < 1 or layers < 0:
            raise ValueError(f"PixelHead: patch_size {patch_size}, channels {channels}, layers {layers} must be positive")
        self.conv_in = nn.Conv2d(2 * image_channels, channels, 3, padding=1)
        self.mid = nn.ModuleList(nn.Conv2d(channels, channels, 3, padding=1) for _ in range(layers))
        self.conv_out = nn.Conv2d(channels, image_channels, 3, padding=1)
        nn.init.zeros_(self.conv_out.weight)  # identity at the start: fine-tuning begins at the old model
        nn.init.zeros_(self.conv_out.bias)

    def forward(self, output: torch.Tensor, model_input: torch.Tensor) -> torch.Tensor:
        """UNet output and its input, both (B, C*p*p, h, w) -> corrected output, same shape."""
        p = self.config.patch_size
        out_px = F.pixel_shuffle(output, p)
        h = F.silu(self.conv_in(torch.cat([out_px, F.pixel_shuffle(model_input, p)], dim=1)))
        for conv in self.mid:
            h = h + F.silu(conv(h))
        return F.pixel_unshuffle(out_px + self.conv_out(h), p)
