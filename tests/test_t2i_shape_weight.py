"""The shape-weighted training loss (--shape-weight, --shape-edges): where it puts the weight."""
from __future__ import annotations

import torch
import torch.nn.functional as F

from core.diffusion import dataset
from core.diffusion.pair_dataset import PairScene, Thing, render_pair
from core.diffusion.train import background_colours, shape_weights


def _batch(scenes):
    imgs = [render_pair(s) if isinstance(s, PairScene) else dataset.render(s) for s in scenes]
    pixels = torch.stack([torch.from_numpy(dataset.to_tensor_array(im)) for im in imgs])
    return pixels, background_colours(scenes)


def _loss(w, err):
    return (w * err ** 2).mean().item()


SCENES = [dataset.Scene("red", "square", "top left", "small", "blue"),
          PairScene(Thing("white", "circle", "small"), "above", Thing("black", "triangle", "large"), "green")]


def test_weight_zero_is_plain_mse_and_weights_average_one():
    pixels, bg = _batch(SCENES)
    err = torch.randn(2, 12, 16, 16, generator=torch.Generator().manual_seed(0))
    w0 = shape_weights(pixels, bg, 0.0, False, 2)
    assert torch.equal(w0, torch.ones_like(w0))
    assert abs(_loss(w0, err) - F.mse_loss(err, torch.zeros_like(err)).item()) < 1e-6
    for edges in (False, True):
        w = shape_weights(pixels, bg, 4.0, edges, 2)
        assert w.shape == (2, 12, 16, 16)
        assert torch.allclose(w.mean((1, 2, 3)), torch.ones(2), atol=1e-5)
        # An error spread evenly over the image costs the same with or without the weight.
        assert abs(_loss(w, torch.ones_like(err)) - 1.0) < 1e-5


def test_weight_moves_the_loss_from_background_to_shape_errors():
    pixels, bg = _batch(SCENES)
    fg = ((pixels - bg[:, :, None, None]).abs().amax(1, keepdim=True) > 0.1).float().expand(-1, 3, -1, -1)
    on_shape = F.pixel_unshuffle(fg.contiguous(), 2)          # an error of 1 on every shape pixel
    on_background = 1 - on_shape                               # ... or on every background pixel
    plain = shape_weights(pixels, bg, 0.0, False, 2)
    w = shape_weights(pixels, bg, 4.0, False, 2)
    assert _loss(w, on_shape) > 2.5 * _loss(plain, on_shape)
    assert _loss(w, on_background) < 0.8 * _loss(plain, on_background)
    # Twice the weight moves it further.
    w8 = shape_weights(pixels, bg, 8.0, False, 2)
    assert _loss(w8, on_shape) > _loss(w, on_shape)


def test_edges_weight_the_outline_band_where_square_and_circle_differ():
    scene = dataset.Scene("yellow", "square", "center", "large", "purple")
    pixels, bg = _batch([scene])
    w = F.pixel_shuffle(shape_weights(pixels, bg, 4.0, True, 2), 2)[0, 0]
    inside = F.pixel_shuffle(shape_weights(pixels, bg, 4.0, False, 2), 2)[0, 0]
    # Square of side 0.46 * 32 = 14.7 px centred at 16: edges at ~8.6 and ~23.4, so pixel 8 is its
    # outermost (partly covered) row/column and pixel 7 the first background one.
    corner, centre, far = w[8, 8], w[16, 16], w[1, 1]
    outside_edge = w[16, 7]
    assert corner > centre > far and outside_edge > far
    assert abs(inside[16, 7] - inside[1, 1]) < 1e-6           # without edges that pixel is plain background
    assert abs(inside[8, 8] - inside[16, 16]) < 1e-6           # ... and the corner an ordinary shape pixel
    # The box corner that tells a square from a circle: on the square it carries the band's weight,
    # on the circle it is background; both are weighted above plain background.
    circle = dataset.Scene("yellow", "circle", "center", "large", "purple")
    cp, cb = _batch([circle])
    wc = F.pixel_shuffle(shape_weights(cp, cb, 4.0, True, 2), 2)[0, 0]
    assert abs(wc[8, 8] - wc[1, 1]) < 1e-6 and wc[9, 9] > wc[1, 1]


def test_keep_background_leaves_background_errors_at_plain_cost():
    # #19 round 6: rescaling to mean 1 put the background at 0.6-0.8x and fine-tunes drew
    # "a purple triangle" as plain purple; keep_background weighs the background as plain MSE.
    pixels, bg = _batch(SCENES)
    fg = ((pixels - bg[:, :, None, None]).abs().amax(1, keepdim=True) > 0.1).float().expand(-1, 3, -1, -1)
    on_shape = F.pixel_unshuffle(fg.contiguous(), 2)
    on_background = 1 - on_shape
    plain = shape_weights(pixels, bg, 0.0, False, 2)
    for edges in (False, True):
        w = shape_weights(pixels, bg, 4.0, edges, 2, keep_background=True)
        assert torch.all(w >= 1.0) and w.mean() > 1.1
        assert _loss(w, on_shape) > 4.0 * _loss(plain, on_shape)
        far_background = on_background * (w == 1.0)             # background outside the outline band
        assert far_background.sum() > 0.5 * on_background.sum()
        assert abs(_loss(w, far_background) - _loss(plain, far_background)) < 1e-6
    # Without keep_background the same background error costs clearly less.
    w = shape_weights(pixels, bg, 4.0, True, 2)
    assert _loss(w, on_background) < 0.8 * _loss(plain, on_background)
