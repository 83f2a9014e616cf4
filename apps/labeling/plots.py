"""Plotly figures for the host dashboard (built from stats.collect() output)."""
from __future__ import annotations

import plotly.graph_objects as go


def _layout(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(title=title, height=320, margin=dict(l=10, r=10, t=40, b=10), template="plotly_white")
    return fig


def ratings_plot(ratings: list[dict]) -> go.Figure:
    rs = sorted(ratings, key=lambda r: r["rating"])
    fig = go.Figure(go.Scatter(
        x=[r["rating"] for r in rs], y=[r["contestant"] for r in rs], mode="markers",
        marker=dict(size=11),
        error_x=dict(type="data", symmetric=False, array=[r["high"] - r["rating"] for r in rs],
                     arrayminus=[r["rating"] - r["low"] for r in rs]),
        hovertext=[f"n={r['comparisons']}, wins={r['wins']:g}" for r in rs]))
    fig.add_vline(x=1000, line_dash="dot", line_color="gray")
    return _layout(fig, "Elo-scale rating, 95 % CI")


def labeler_plot(per_labeler: dict[str, int]) -> go.Figure:
    fig = go.Figure(go.Bar(x=list(per_labeler), y=list(per_labeler.values())))
    return _layout(fig, "Labels per labeler")


def coverage_plot(coverage: dict[str, int]) -> go.Figure:
    fig = go.Figure(go.Bar(x=[f"{k} labels" for k in coverage], y=list(coverage.values())))
    return _layout(fig, "Items by number of labels")
