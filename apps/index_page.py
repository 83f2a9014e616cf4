"""The suite's index page: one card per app with its state, model and link."""
from __future__ import annotations

import html
import json

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GenAI Studio</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>
 body {{ font-family: system-ui, sans-serif; margin: 0; background: #f5f6fa; color: #1d2433; }}
 header {{ background: #1d2433; color: white; padding: 28px 40px; }}
 header h1 {{ margin: 0 0 6px; font-size: 30px; }}
 header p {{ margin: 0; opacity: .8; }}
 main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 20px; padding: 32px 40px; }}
 .card {{ background: white; border-radius: 10px; padding: 22px; box-shadow: 0 1px 4px rgba(0,0,0,.08); display: flex; flex-direction: column; }}
 .card h2 {{ margin: 0 0 8px; font-size: 20px; }}
 .card p {{ margin: 0 0 12px; line-height: 1.45; }}
 .meta {{ font-size: 13px; color: #5b6475; }}
 .state {{ display: inline-block; border-radius: 99px; padding: 2px 10px; font-size: 13px; font-weight: 600; }}
 .up {{ background: #d9f7e3; color: #136c34; }} .starting {{ background: #fff3cd; color: #7a5b00; }}
 .failed, .stopped {{ background: #fde2e1; color: #9b1c1c; }} .restarting {{ background: #ffe4cc; color: #8a3b00; }}
 a.open {{ margin-top: auto; align-self: flex-start; background: #3451d1; color: white; padding: 8px 16px; border-radius: 6px; text-decoration: none; }}
 a.open[aria-disabled=true] {{ background: #aab3c5; pointer-events: none; }}
 footer {{ padding: 0 40px 30px; font-size: 13px; color: #5b6475; }}
</style></head>
<body>
<header><h1>GenAI Studio</h1><p>See, use and shape large language models and generative AI.</p></header>
<main id="apps">{cards}</main>
<footer>Models: {models}</footer>
<script>
const apps = {apps_json};
function link(port) {{ return location.protocol + "//" + location.hostname + ":" + port + "/"; }}
async function refresh() {{
  try {{
    const states = await (await fetch("status.json", {{cache: "no-store"}})).json();
    for (const a of apps) {{
      const s = states[a.name] || "failed";
      const badge = document.getElementById("state-" + a.name);
      badge.textContent = s; badge.className = "state " + s;
      const open = document.getElementById("open-" + a.name);
      open.href = link(a.port); open.setAttribute("aria-disabled", s !== "up");
    }}
  }} catch (e) {{}}
}}
refresh(); setInterval(refresh, 2000);
</script></body></html>"""

CARD = """<section class="card" data-app="{name}"><h2>{title}</h2><p>{description}</p>
<p class="meta">{framework} · {models}</p>
<p><span id="state-{name}" class="state {state}">{state}</span></p>
<a class="open" id="open-{name}" href="#" aria-disabled="true">Open {title}</a></section>"""

EMPTY = '<section class="card"><h2>No apps yet</h2><p>No app files were found under apps/.</p></section>'


def render(apps: list[dict], models: list[dict]) -> str:
    """apps: [{name, title, description, framework, models, port, state}]."""
    cards = "\n".join(CARD.format(**{k: html.escape(str(v)) for k, v in a.items()}) for a in apps)
    model_text = "; ".join(
        f"{m['role']}: {m['name']} ({m['source']}{', offline' if m['offline'] else ''})" for m in models)
    apps_json = json.dumps([{"name": a["name"], "port": a["port"]} for a in apps])
    return PAGE.format(cards=cards or EMPTY, models=html.escape(model_text), apps_json=apps_json)
