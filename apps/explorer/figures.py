"""Plotly figures for the explorer: readable on a projector, exportable for slides.

Token axes use numeric positions with token tick labels, because a categorical axis
would merge repeated tokens ("the" twice). `Style(presentation=True)` enlarges every font.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from core.explain.attention import pool

LINES_MAX_TOKENS = 64  # the token-to-token line view past this is a hairball; heatmap instead
THUMB = 24  # model-view thumbnails pool long inputs to at most THUMB x THUMB cells
SCALE = "Blues"
MASKED = "#c8c8c8"  # masked (not allowed) cells show the plot background


@dataclass(frozen=True)
class Style:
    presentation: bool = False

    @property
    def font(self) -> int:
        return 22 if self.presentation else 14

    @property
    def tick(self) -> int:
        return 18 if self.presentation else 12

    @property
    def zoom(self) -> float:
        return 1.35 if self.presentation else 1.0

    def apply(self, fig: go.Figure, title: str, height: int | None = None) -> go.Figure:
        fig.update_layout(
            title={"text": title, "font": {"size": self.font + 4}},
            font={"size": self.font, "family": "Inter, Helvetica, Arial, sans-serif"},
            template="plotly_white", margin={"l": 10, "r": 10, "t": 60 + 10 * self.presentation, "b": 10},
            hoverlabel={"font_size": self.font})
        fig.update_xaxes(tickfont={"size": self.tick}, automargin=True)
        fig.update_yaxes(tickfont={"size": self.tick}, automargin=True)
        if height:
            fig.update_layout(height=int(height * self.zoom))
        return fig


def plain(text: str) -> str:
    """User text for a plotly label: no <...> tags interpreted."""
    return text.replace("<", "‹").replace(">", "›")


def export_config(fmt: str, filename: str, presentation: bool) -> dict:
    """Plotly modebar config: the camera button downloads PNG or SVG (vector, for slides)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"export format must be png or svg, got {fmt!r}")
    return {"displaylogo": False, "toImageButtonOptions": {
        "format": fmt, "filename": filename, "scale": 3 if presentation else 2}}


def _ticks(labels: list[str], max_ticks: int = 64) -> dict:
    step = max(1, int(np.ceil(len(labels) / max_ticks)))
    idx = list(range(0, len(labels), step))
    return {"tickmode": "array", "tickvals": idx, "ticktext": [labels[i] for i in idx]}


def head_heatmap(att: np.ndarray, q_labels: list[str], k_labels: list[str], mask: np.ndarray | None,
                 title: str, style: Style) -> go.Figure:
    """One head: rows are queries (the token looking), columns keys (the token looked at)."""
    z = att.astype(np.float32)  # a copy; float32 is what the model computed, and half the bytes
    if mask is not None:
        z[~mask] = np.nan  # masked cells draw as the grey background: causal = upper triangle
    q = len(q_labels)
    hover = np.array([[f"{q_labels[i]} → {k_labels[j]}" for j in range(len(k_labels))] for i in range(q)]) \
        if q * len(k_labels) <= 40_000 else None
    fig = go.Figure(go.Heatmap(
        z=z, colorscale=SCALE, zmin=0, zmax=float(np.nanmax(z)) if np.isfinite(z).any() else 1,
        customdata=hover, colorbar={"title": "weight"},
        hovertemplate=("%{customdata}<br>weight %{z:.4f}<extra></extra>" if hover is not None
                       else "query %{y} → key %{x}<br>weight %{z:.4f}<extra></extra>")))
    fig.update_xaxes(title="key (attended to)", tickangle=-60, **_ticks(k_labels))
    fig.update_yaxes(title="query (attending)", autorange="reversed", **_ticks(q_labels))
    fig.update_layout(plot_bgcolor=MASKED if mask is not None and not mask.all() else "white")
    side = max(360, min(900, 60 + 18 * q))
    return style.apply(fig, title, height=side + 120)


def alignment_heatmap(matrix: np.ndarray, out_labels: list[str], in_labels: list[str], title: str,
                      style: Style, highlight_row: int | None = None, show_values: bool = True) -> go.Figure:
    """Cross-attention as an alignment: one row per output token, one column per input token.

    `highlight_row` outlines the row of the output token being produced (step-by-step view)
    and greys the rows not decoded yet.
    """
    z = matrix.astype(np.float32)
    if highlight_row is not None:
        z = z.copy()
        z[highlight_row + 1:] = np.nan  # not produced yet: nothing to show
    small = z.size <= 900 and show_values
    fig = go.Figure(go.Heatmap(
        z=z, colorscale=SCALE, zmin=0, zmax=1, colorbar={"title": "weight"},
        text=[[f"{v:.2f}"[1:] if np.isfinite(v) and v >= 0.1 else "" for v in row] for row in z] if small else None,
        texttemplate="%{text}" if small else None, textfont={"size": max(9, style.tick - 3)},
        customdata=[[f"{o} ← {i}" for i in in_labels] for o in out_labels],
        hovertemplate="output %{customdata}<br>weight %{z:.3f}<extra></extra>"))
    fig.update_xaxes(title="input token (encoder)", **_ticks(in_labels), tickangle=0 if len(in_labels) <= 40 else -60)
    fig.update_yaxes(title="output token (decoder)", autorange="reversed", **_ticks(out_labels))
    fig.update_layout(plot_bgcolor="#eeeeee")
    if highlight_row is not None:
        fig.add_shape(type="rect", x0=-0.5, x1=len(in_labels) - 0.5, y0=highlight_row - 0.5, y1=highlight_row + 0.5,
                      line={"color": "#d62728", "width": 3})
    cell = 26 if style.presentation else 22
    return style.apply(fig, title, height=max(300, 150 + cell * len(out_labels)))


def alignment_grid(cross: np.ndarray, out_labels: list[str], in_labels: list[str], style: Style) -> go.Figure:
    """Every (layer, head) cross-attention alignment at once: rows = decoder layers, columns = heads."""
    from plotly.subplots import make_subplots

    L, H = cross.shape[:2]
    if L * H > 64:
        raise ValueError(f"{L} layers x {H} heads is too many panels; pick a layer and head in the Alignment view")
    fig = make_subplots(rows=L, cols=H, subplot_titles=[f"layer {layer} · head {head}" for layer in range(L)
                                                        for head in range(H)],
                        horizontal_spacing=0.02, vertical_spacing=0.12 / max(1, L - 1) if L > 1 else 0.1)
    hover = [[f"{o} ← {i}" for i in in_labels] for o in out_labels]
    for layer in range(L):
        for head in range(H):
            fig.add_trace(go.Heatmap(z=cross[layer, head].astype(np.float32), colorscale=SCALE, zmin=0, zmax=1,
                                     showscale=(layer == 0 and head == H - 1), customdata=hover,
                                     hovertemplate=f"layer {layer} · head {head}<br>%{{customdata}}"
                                                   "<br>weight %{z:.3f}<extra></extra>"),
                          row=layer + 1, col=head + 1)
    fig.update_yaxes(autorange="reversed", **_ticks(out_labels))
    fig.update_xaxes(**_ticks(in_labels, 24), tickangle=0, tickfont={"size": max(8, style.tick - 3)})
    fig.update_yaxes(showticklabels=False)
    fig.update_yaxes(showticklabels=True, col=1)
    style.apply(fig, "Cross-attention of every head (rows: output tokens, columns: input tokens)")
    fig.update_annotations(font_size=style.tick)
    fig.update_layout(height=int((120 + 14 * len(out_labels)) * L * style.zoom + 120))
    return fig


def head_lines(att: np.ndarray, labels: list[str], k_labels: list[str], title: str, style: Style,
               threshold: float = 0.02) -> go.Figure:
    """BertViz-style lines from each query (left) to the keys it attends to (right)."""
    q, k = att.shape
    if max(q, k) > LINES_MAX_TOKENS:
        raise ValueError(f"the line view draws at most {LINES_MAX_TOKENS} tokens; use the heatmap for {max(q, k)}")
    fig = go.Figure()
    bins = np.linspace(threshold, 1.0, 9)
    for lo, hi in zip(bins[:-1], bins[1:]):  # one trace per opacity band keeps the figure small
        xs, ys = [], []
        for i, j in zip(*np.nonzero((att >= lo) & (att < hi if hi < 1 else att <= hi))):
            xs += [0, 1, None]
            ys += [i, j, None]
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                                     line={"color": "#1f4e9c", "width": 1 + 5 * hi},
                                     opacity=float(0.15 + 0.85 * hi)))
    fig.add_trace(go.Scatter(x=[0] * q, y=list(range(q)), mode="text", text=labels, textposition="middle left",
                             textfont={"size": style.font}, hovertemplate="query %{text}<extra></extra>",
                             showlegend=False))
    fig.add_trace(go.Scatter(x=[1] * k, y=list(range(k)), mode="text", text=k_labels, textposition="middle right",
                             textfont={"size": style.font}, showlegend=False,
                             customdata=[[float(att[:, j].max())] for j in range(k)],
                             hovertemplate="key %{text}<br>max weight %{customdata[0]:.3f}<extra></extra>"))
    fig.update_xaxes(visible=False, range=[-0.6, 1.6])
    fig.update_yaxes(visible=False, autorange="reversed")
    return style.apply(fig, title, height=max(360, 60 + 26 * max(q, k)))


def model_view(att: np.ndarray, layers: list[int], heads: list[int], style: Style) -> go.Figure:
    """Every chosen (layer, head) as a thumbnail; click one to open it.

    The longer of the two lists runs across (SmolLM2: 30 layers across, 9 heads down;
    MiniLM: 12 heads across, 6 layers down) so the grid fits a wide slide.
    """
    layers_across = len(layers) >= len(heads)
    across, down = (layers, heads) if layers_across else (heads, layers)
    s = min(THUMB, att.shape[-1])
    cell = s + 1  # one empty row/column between thumbnails
    grid = np.full((len(down) * cell, len(across) * cell), np.nan)  # sent as float32: half the bytes of float64
    cx, cy, data = [], [], []
    for c, a in enumerate(across):
        for r, d in enumerate(down):
            layer, head = (a, d) if layers_across else (d, a)
            thumb = pool(att[layer, head], s)
            top = thumb.max()
            grid[r * cell:r * cell + thumb.shape[0], c * cell:c * cell + thumb.shape[1]] = thumb / top if top > 0 else thumb
            cx.append(c + s / cell / 2)
            cy.append(r + s / cell / 2)
            data.append([layer, head])
    fig = go.Figure(go.Heatmap(z=grid.astype(np.float32), x=np.arange(grid.shape[1]) / cell,
                               y=np.arange(grid.shape[0]) / cell, colorscale=SCALE, zmin=0, zmax=1,
                               showscale=False, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=cx, y=cy, mode="markers", customdata=data, showlegend=False,
                             marker={"size": 28, "opacity": 0.01, "color": "black", "symbol": "square"},
                             hovertemplate="layer %{customdata[0]} · head %{customdata[1]}<br>click to open<extra></extra>"))
    fig.update_xaxes(tickmode="array", tickvals=[c + 0.48 for c in range(len(across))], ticktext=[str(x) for x in across],
                     title="layer" if layers_across else "head", showgrid=False, zeroline=False)
    fig.update_yaxes(tickmode="array", tickvals=[r + 0.48 for r in range(len(down))], ticktext=[str(x) for x in down],
                     title="head" if layers_across else "layer", autorange="reversed", showgrid=False, zeroline=False)
    fig.update_layout(clickmode="event+select", dragmode=False)
    style.apply(fig, "Model view: layers × heads (each thumbnail scaled to its own maximum)")
    cell_px = max(28, min(1000 / len(across), 64))  # about square on a wide page
    fig.update_layout(height=int(len(down) * cell_px + 130 + 40 * style.presentation))
    return fig


def mask_figure(mask: np.ndarray, labels: list[str], causal: bool, style: Style,
                k_labels: list[str] | None = None, title: str | None = None, height: int = 460,
                max_ticks: int = 32) -> go.Figure:
    """Allowed (blue) and masked (grey) query -> key pairs; `k_labels` when keys differ from queries (cross)."""
    kind = "causal (decoder): a token sees only itself and earlier tokens" if causal else \
        "bidirectional (encoder): every token sees every token"
    fig = go.Figure(go.Heatmap(z=mask.astype(np.uint8), colorscale=[[0, MASKED], [1, "#1f4e9c"]], zmin=0, zmax=1,
                               showscale=False, hovertemplate="query %{y} → key %{x}: %{z}<extra>1 = allowed</extra>"))
    # Column labels at the bottom: on top they collide with the title.
    fig.update_xaxes(side="bottom", tickangle=-60, title="key (attended to)", **_ticks(k_labels or labels, max_ticks))
    fig.update_yaxes(autorange="reversed", scaleanchor="x", title="query (attending)", **_ticks(labels, max_ticks))
    return style.apply(fig, title or f"Attention mask: {kind}", height=height)


SUMMARY_METRICS = {"entropy_bits": "entropy (bits)", "to_previous": "on previous token",
                   "to_first": "on first token", "to_self": "on itself"}


def summary_heatmap(rows: list[dict], metric: str, title: str, style: Style) -> go.Figure:
    L = max(r["layer"] for r in rows) + 1
    H = max(r["head"] for r in rows) + 1
    z = np.full((H, L), np.nan)
    for r in rows:
        z[r["head"], r["layer"]] = r[metric]
    fig = go.Figure(go.Heatmap(z=z, colorscale="Viridis", colorbar={"title": SUMMARY_METRICS.get(metric, metric)},
                               hovertemplate="layer %{x} · head %{y}<br>%{z:.3f}<extra></extra>"))
    fig.update_xaxes(title="layer", dtick=1 if L <= 32 else None)
    fig.update_yaxes(title="head", autorange="reversed", dtick=1)
    return style.apply(fig, title, height=120 + 34 * H)


def next_token_bars(dist, style: Style) -> go.Figure:
    """Grey: the model's probability; red: the same bar for a token the filters removed;
    blue: what sampling draws from. The two model traces share one slot per token."""
    c = dist.candidates
    x = list(range(len(c)))
    labels = [x.label or "∅" for x in c]
    removed = [not (t.kept_top_k and t.kept_top_p) for t in c]
    fig = go.Figure()
    for name, color, keep in (("model (T=1), kept", "#bbbbbb", False),
                              ("model (T=1), removed by the sampling settings", "#d62728", True)):
        ys = [t.p_model if r == keep else None for t, r in zip(c, removed)]
        if any(y is not None for y in ys):
            fig.add_trace(go.Bar(x=x, y=ys, name=name, marker_color=color, offsetgroup="model",
                                 customdata=labels, hovertemplate="%{customdata}<br>%{y:.4f}<extra>" + name + "</extra>"))
    fig.add_trace(go.Bar(x=x, y=[t.p_final for t in c], name="after filters (sampled from)", marker_color="#1f77b4",
                         offsetgroup="final", customdata=labels,
                         hovertemplate="%{customdata}<br>%{y:.4f}<extra>sampled from</extra>"))
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.3})
    fig.update_xaxes(tickangle=-45, title=None, tickmode="array", tickvals=x, ticktext=[plain(t) for t in labels])
    fig.update_yaxes(title="probability", rangemode="tozero")
    n = sum(removed)
    note = (f"red = {n} of these removed by the settings (greedy keeps only the top token)" if n and dist.params.greedy
            else f"red = {n} of these removed by the settings" if n else "no shown token is removed by the settings")
    return style.apply(fig, f"Next-token distribution ({note})", height=500)


def lens_heatmap(lens, style: Style) -> go.Figure:
    text = lens.top_labels  # already display labels (no raw angle brackets)
    fig = go.Figure(go.Heatmap(
        z=lens.top_probs, text=text, texttemplate="%{text}", textfont={"size": max(9, style.tick - 2)},
        colorscale="YlGnBu", zmin=0, zmax=1, colorbar={"title": "p(top)"},
        customdata=lens.final_probs,
        hovertemplate="layer %{y} · position %{x}<br>top: %{text} (p=%{z:.3f})"
                      "<br>p(final prediction)=%{customdata:.3f}<extra></extra>"))
    fig.update_xaxes(title="input token (the prediction is for the token after it)",
                     tickangle=-60, **_ticks(lens.labels))
    fig.update_yaxes(title="layer", tickmode="array", tickvals=list(range(len(lens.layer_names))),
                     ticktext=lens.layer_names)
    return style.apply(fig, "Logit lens: top next-token guess after each layer", height=100 + 24 * len(lens.layer_names))


def matrix_heatmap(z: np.ndarray, title: str, x_title: str, y_title: str, style: Style,
                   scale: str = "RdBu", zmid: float | None = 0, labels: list[str] | None = None,
                   height: int = 460) -> go.Figure:
    fig = go.Figure(go.Heatmap(z=z, colorscale=scale, zmid=zmid,
                               text=[[f"{v:.2f}" for v in row] for row in z] if labels is not None else None,
                               texttemplate="%{text}" if labels is not None and len(labels) <= 12 else None,
                               textfont={"size": style.tick},
                               hovertemplate="%{y} · %{x}: %{z:.3f}<extra></extra>"))
    fig.update_xaxes(title=x_title)
    fig.update_yaxes(title=y_title, autorange="reversed")
    if labels is not None:
        fig.update_xaxes(**_ticks(labels), tickangle=-30)
        fig.update_yaxes(**_ticks(labels))
    return style.apply(fig, title, height=height)


def line_plot(x, ys: dict, title: str, x_title: str, y_title: str, style: Style, log_y: bool = False) -> go.Figure:
    fig = go.Figure([go.Scatter(x=x, y=y, mode="lines", name=name, line={"width": 3}) for name, y in ys.items()])
    fig.update_xaxes(title=x_title)
    fig.update_yaxes(title=y_title, type="log" if log_y else "linear")
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return style.apply(fig, title, height=420)


LABEL_POSITIONS = ("top center", "bottom center", "middle right", "middle left",
                   "top right", "top left", "bottom right", "bottom left")


def label_positions(points: np.ndarray, labels: list[str], width_px: float = 560, height_px: float = 400,
                    char_px: float = 8, line_px: float = 16, marker_px: float = 10) -> list[str]:
    """A plotly textposition per point, chosen greedily so label boxes do not overlap each other
    or other markers (estimated in pixels on a plot of about width_px x height_px)."""
    n = len(labels)
    if n == 0:
        return []
    span = np.ptp(points, axis=0)
    span[span == 0] = 1
    px = (points - points.min(0)) / span * [width_px, height_px]
    px[:, 1] = height_px - px[:, 1]  # screen y grows downwards

    def box(i, pos):
        w, h = char_px * max(1, len(labels[i])), line_px
        x, y = px[i]
        vert, horiz = pos.split()
        cx = x - w / 2 if horiz == "center" else (x + marker_px / 2 if horiz == "right" else x - marker_px / 2 - w)
        cy = y - marker_px / 2 - h if vert == "top" else (y + marker_px / 2 if vert == "bottom" else y - h / 2)
        return cx, cy, cx + w, cy + h

    def overlap(a, b):
        return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))

    markers = [(x - marker_px / 2, y - marker_px / 2, x + marker_px / 2, y + marker_px / 2) for x, y in px]
    placed, chosen = [], []
    for i in range(n):
        def cost(pos):
            b = box(i, pos)
            return sum(overlap(b, p) for p in placed) + sum(overlap(b, m) for j, m in enumerate(markers) if j != i)
        best = min(LABEL_POSITIONS, key=cost)
        chosen.append(best)
        placed.append(box(i, best))
    return chosen


def scatter_2d(points: np.ndarray, labels: list[str], groups: list[str], title: str, style: Style) -> go.Figure:
    fig = go.Figure()
    labels = [plain(x) for x in labels]
    positions = label_positions(points, labels, char_px=8 * style.zoom, line_px=16 * style.zoom)
    for g in dict.fromkeys(groups):
        idx = [i for i, x in enumerate(groups) if x == g]
        g = plain(g)
        fig.add_trace(go.Scatter(x=points[idx, 0], y=points[idx, 1], mode="markers+text", name=g[:48],
                                 text=[labels[i] for i in idx], textposition=[positions[i] for i in idx],
                                 marker={"size": 12 if style.presentation else 9},
                                 hovertemplate="%{text}<extra>" + g[:48].replace("%", "%%") + "</extra>"))
    fig.update_xaxes(title="PC 1")
    fig.update_yaxes(title="PC 2")
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return style.apply(fig, title, height=520)


def bias_bars(results, style: Style) -> go.Figure:
    fig = go.Figure()
    n = max(len(r.options) for r in results)
    for k in range(n):
        fig.add_trace(go.Bar(
            y=[plain(r.prefix) for r in results], x=[r.shares[k] if k < len(r.options) else 0 for r in results],
            orientation="h", name=f"continuation {k + 1}",
            text=[plain(r.options[k]) if k < len(r.options) else "" for r in results], textposition="inside",
            hovertemplate="%{y}<br>%{text}: share %{x:.3f}<extra></extra>"))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15})
    fig.update_xaxes(title="share of probability among the listed continuations", range=[0, 1])
    fig.update_yaxes(autorange="reversed")
    fig.add_vline(x=0.5, line_dash="dash", line_color="#444")
    return style.apply(fig, "Bias probe: which continuation does the model prefer?", height=140 + 44 * len(results))
