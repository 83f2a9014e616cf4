"""Hub checkpoints go through the same code path as the shipped model.

Hub weights are unreachable here, so a tiny Stable Diffusion pipeline is built from
config with random weights (UNet, VAE, CLIP text model, a byte-level CLIP tokenizer),
saved to a folder and loaded by path like any checkpoint.
"""
from __future__ import annotations

import time

import numpy as np
import pytest
import torch

from core.diffusion.generate import ImageRequest, generate
from core.diffusion.pipeline import load_pipeline
from core.models.hub import ModelUnavailable


def _tiny_clip_tokenizer():
    """A byte-level CLIP tokenizer with no merges (every character is a token)."""
    from tokenizers import pre_tokenizers
    from transformers import CLIPTokenizer

    chars = sorted(pre_tokenizers.ByteLevel.alphabet())
    vocab = {t: i for i, t in enumerate(["<|startoftext|>", "<|endoftext|>"] + chars + [c + "</w>" for c in chars])}
    return CLIPTokenizer(vocab=vocab, merges=[], model_max_length=77), len(vocab)


def _tiny_sd(folder):
    from diffusers import AutoencoderKL, DDIMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel

    torch.manual_seed(0)
    tokenizer, vocab_size = _tiny_clip_tokenizer()
    unet = UNet2DConditionModel(block_out_channels=(16, 32), layers_per_block=1, sample_size=16, in_channels=4,
                                out_channels=4, down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32,
                                norm_num_groups=8, attention_head_dim=8)
    vae = AutoencoderKL(block_out_channels=(16, 32), in_channels=3, out_channels=3, latent_channels=4,
                        down_block_types=("DownEncoderBlock2D",) * 2, up_block_types=("UpDecoderBlock2D",) * 2,
                        norm_num_groups=8)
    text = CLIPTextModel(CLIPTextConfig(vocab_size=vocab_size, hidden_size=32, intermediate_size=37, num_hidden_layers=2,
                                        num_attention_heads=4, max_position_embeddings=77,
                                        bos_token_id=0, eos_token_id=1, pad_token_id=1))
    sched = DDIMScheduler(beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", clip_sample=False,
                          set_alpha_to_one=False)
    pipe = StableDiffusionPipeline(vae=vae, text_encoder=text, tokenizer=tokenizer, unet=unet, scheduler=sched,
                                   safety_checker=None, feature_extractor=None, requires_safety_checker=False)
    pipe.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_sd(tmp_path_factory):
    return _tiny_sd(tmp_path_factory.mktemp("hub") / "tiny-sd")


@pytest.fixture(scope="module")
def tiny_turbo(tmp_path_factory):
    return _tiny_sd(tmp_path_factory.mktemp("hub2") / "tiny-sd-turbo")


def test_local_sd_folder_loads_with_sd_defaults_and_is_deterministic(tiny_sd):
    loaded = load_pipeline(str(tiny_sd))
    assert type(loaded.pipe).__name__ == "StableDiffusionPipeline"
    assert loaded.family.family == "sd" and loaded.family.negative_prompt
    assert (loaded.family.width, loaded.dtype) == (32, torch.float32)  # 16 latents x VAE factor 2, CPU float32
    req = ImageRequest(prompt="a red circle", negative_prompt="blurry", seed=5, steps=2, guidance=7.5, model=str(tiny_sd))
    seen = []
    a = generate(req, on_step=seen.append)
    b = generate(req)
    assert a.images[0].size == (32, 32)
    assert np.array_equal(np.asarray(a.images[0]), np.asarray(b.images[0]))
    assert [s.step for s in seen] == [0, 1] and seen[0].x_t.shape == (1, 32, 32, 3)  # VAE-decoded previews
    assert a.records[0]["family"] == "sd" and a.records[0]["scheduler_class"] == "DDIMScheduler"


@pytest.mark.parametrize("scheduler, cls", [("ddim", "DDIMScheduler"), ("euler", "EulerDiscreteScheduler"),
                                            ("dpm++", "DPMSolverMultistepScheduler")])
def test_each_scheduler_runs_on_a_hub_pipeline(tiny_sd, scheduler, cls):
    result = generate(ImageRequest(prompt="a blue square", seed=1, steps=3, scheduler=scheduler, model=str(tiny_sd)))
    assert result.records[0]["scheduler_class"] == cls
    assert np.isfinite(np.asarray(result.images[0], dtype=np.float32)).all()
    # the shared pipeline keeps its own scheduler afterwards
    assert type(load_pipeline(str(tiny_sd)).pipe.scheduler).__name__ == "DDIMScheduler"


def test_turbo_family_defaults_and_negative_prompt_refused(tiny_turbo):
    loaded = load_pipeline(str(tiny_turbo))
    fam = loaded.family
    assert (fam.family, fam.steps, fam.guidance, fam.max_steps, fam.negative_prompt) == ("turbo", 1, 0.0, 4, False)
    result = generate(ImageRequest(prompt="a cat", seed=0, model=str(tiny_turbo)))
    assert result.records[0]["params"]["steps"] == 1 and result.records[0]["params"]["guidance"] == 0.0
    with pytest.raises(ValueError, match="negative_prompt is not used.*guidance"):
        generate(ImageRequest(prompt="a cat", negative_prompt="dog", model=str(tiny_turbo)))
    with pytest.raises(ValueError, match="steps=8 is out of range.*1 to 4"):
        generate(ImageRequest(prompt="a cat", steps=8, model=str(tiny_turbo)))


def test_missing_hub_model_offline_fails_fast_naming_the_setting(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    t0 = time.perf_counter()
    with pytest.raises(ModelUnavailable, match="GENAI_IMAGE_MODEL"):
        load_pipeline("stabilityai/sd-turbo-not-cached-here")
    assert time.perf_counter() - t0 < 10
