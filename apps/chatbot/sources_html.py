"""HTML for an answer whose sentences a visitor can check.

Everything that comes from a document or the model is escaped (html.escape) before it is
wrapped in our own tags, so a passage or an answer can never inject markup.

  * answer_html: the answer as the chat shows it: each sentence followed by its [n] markers;
    hovering a sentence shows its source and supporting span (title attribute); unsupported
    sentences get a dotted underline and a "✗ unsupported" mark; an answer the abstention was
    unsure of gets a "low confidence" line;
  * sentences_html: one row per sentence, supported or not, each a <details> that opens on click
    to show the chunk with the supporting span highlighted (<mark>);
  * passage_html: a chunk in context (its neighbours dimmed), the span highlighted.
"""
from __future__ import annotations

import html
import re

SUPPORTED_STYLE = "border-bottom:1px solid #16a34a33"
UNSUPPORTED_STYLE = "text-decoration:underline dotted #d97706;text-decoration-thickness:2px"
LOW_CONFIDENCE_STYLE = "color:#b45309;font-weight:600"
SHOW_TABLES = True  # (#13 round 26) a quoted table is shown as a table (table_html)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _tooltip(sg: dict, citations: dict[int, dict]) -> str:
    if not sg["supported"]:
        return f"Not supported by the passages: {sg.get('reason') or 'no passage says this'}"
    span = sg.get("span") or {}
    c = citations.get(span.get("n"), {})
    warning = f" ⚠ {c['warning']}" if c.get("warning") else ""
    return (f"[{span.get('n')}] {c.get('source', '?')}, page {c.get('page', '?')}: "
            f"“{_flat(_without_rules(span.get('text', '')))[:300]}”{warning}")


def _warning(sg: dict, citations: dict[int, dict]) -> str:
    """The passage's warning (possible prompt injection) for a sentence quoted from it, or ''."""
    return citations.get((sg.get("span") or {}).get("n"), {}).get("warning", "") if sg["supported"] else ""


def left_out_note(flagged: list[dict]) -> str:
    """Lines saying what the safety scan kept out (the trace's "flagged" entries): retrieved passages left out
    whole, and paragraphs cut out of passages that were used, so an answer or an abstention does not look like all
    the documents had to say."""
    from core.retrieval.chain import left_out, trimmed_out

    left, trimmed = left_out(flagged), trimmed_out(flagged)
    note = ""
    if left:
        injection = all(r.startswith("injection") for f in left for r in f.get("reasons") or ["?"])
        note += _scan_note(len(left), "retrieved passage", "left out", left, injection)
    if trimmed:
        note += _scan_note(sum(len(f["trimmed"]) for f in trimmed), "paragraph", "left out of the passages used",
                           trimmed, True)
    return note


def _scan_note(n: int, noun: str, what: str, entries: list[dict], injection: bool) -> str:
    many = n != 1
    why = (f"{'they read' if many else 'it reads'} like instructions to an AI model (possible prompt injection)"
           if injection else f"the safety scan flagged {'them' if many else 'it'}")
    sources = sorted({str(f.get("source")) for f in entries})
    return (f"<br><small class='left-out'>{n} {noun}{'s' * many} {what}: {why}; the trace lists "
            f"{'them' if many else 'it'} (source{'s' * (len(sources) > 1)} {_e(', '.join(sources))}).</small>")


def answer_html(text: str, sentences: list[dict], citations: list[dict], abstained: bool,
                grounded_share: float | None, withheld: int = 0, quoted_instead: bool = False,
                flagged: list[dict] | None = None, low_confidence: float | None = None) -> str:
    """withheld: the model's sentences grounded mode left out as unsupported; quoted_instead: none
    of them was supported, so the answer is quotes from the passages; flagged: the trace's passages the
    safety scan flagged; low_confidence: the estimate that the documents answer the question, given only
    when it is under abstention.LOW_CONFIDENCE (answered, but the quotes may not answer)."""
    by_n = {c["n"]: c for c in citations}
    if abstained or not sentences:
        return _e(text) + left_out_note(flagged)
    parts = []
    for sg in sentences:
        body = _e(_BULLET.sub("", _strip(sg["text"])))  # a quoted list item reads as a sentence, not "- Sunday: closed"
        if sg["supported"] and (table := table_html((sg.get("span") or {}).get("text", ""))):
            body = table  # a quoted Markdown table, shown as the table it is
        tip = _e(_tooltip(sg, by_n))
        if sg["supported"]:
            marks = "".join(f"<sup>[{n}]</sup>" for n in sg["citations"][:3])
            if warning := _warning(sg, by_n):
                marks += f"<sup class='injection-warning' title='{_e(warning)}'>⚠ quoted, not followed</sup>"
            tag = "div" if body.startswith("<table") else "span"  # a table is a block
            parts.append(f"<{tag} class='sent ok' title='{tip}' style='{SUPPORTED_STYLE}'>{body}</{tag}>{marks}")
        else:
            parts.append(f"<span class='sent unsupported' title='{tip}' style='{UNSUPPORTED_STYLE}'>"
                         f"{body}</span><sup title='{tip}'>✗ unsupported</sup>")
    share = "" if grounded_share is None else (
        f"<br><small>{grounded_share:.0%} of sentences supported by the passages · hover a sentence for "
        f"its source, open “Sources per sentence” to see the passage</small>")
    if low_confidence is not None:
        share = (f"<br><small class='low-confidence' style='{LOW_CONFIDENCE_STYLE}'>⚠ Low confidence: an estimated "
                 f"{low_confidence:.0%} chance that the documents answer this question. The quotes are real, but "
                 "they may not answer it: check the passage.</small>") + share
    if quoted_instead:
        share += (f"<br><small class='withheld'>The model's answer ({withheld} sentence{'s' * (withheld != 1)}) "
                  "was not supported by the passages, so these are quotes from them instead; the trace has "
                  "what it said.</small>")
    elif withheld:
        share += (f"<br><small class='withheld'>{withheld} more sentence{'s' * (withheld != 1)} of the model's "
                  "answer left out: not supported by the passages (see the trace).</small>")
    return " ".join(parts) + share + left_out_note(flagged)


_BULLET = re.compile(r"^[-*\u2022]\s+")
_RULE_ROW = re.compile(r"^\|?[\s:|-]*-[\s:|-]*$")


def _without_rules(text: str) -> str:
    """A Markdown table's rule rows ("|---|---|") left out: a tooltip reads the rows."""
    return "\n".join(line for line in text.splitlines() if not _RULE_ROW.match(line.strip()))


def table_html(raw: str) -> str:
    """A quote that is a Markdown table ("| a | b |" rows, one a line) as an HTML table, its cells
    escaped; '' for anything else. Flattened to one line, a table read as "| Room | Per night | |---|---|
    | 8-bed dorm | £24 |", which no visitor can read."""
    lines = [line.strip() for line in raw.strip().splitlines()]
    if not SHOW_TABLES or len(lines) < 2 or not all(line.startswith("|") for line in lines):
        return ""
    rows, header = [], 0
    for line in lines:
        if _RULE_ROW.match(line):
            header = len(rows)  # the rows above a rule are the header
            continue
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    out = []
    for i, cells in enumerate(rows):
        tag = "th" if i < header else "td"
        out.append("<tr>" + "".join(f"<{tag}>{_e(cell)}</{tag}>" for cell in cells) + "</tr>")
    return "<table class='quoted-table'>" + "".join(out) + "</table>"


def _strip(text: str) -> str:
    from core.retrieval.grounding import strip_markers

    return strip_markers(text)


def highlighted(text: str, start: int | None, end: int | None) -> str:
    """The chunk text escaped, with text[start:end] in <mark> (offsets into the raw text)."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return _e(text)
    return _e(text[:start]) + "<mark>" + _e(text[start:end]) + "</mark>" + _e(text[end:])


def sentences_html(sentences: list[dict], citations: list[dict], abstained: bool, reason: str) -> str:
    by_n = {c["n"]: c for c in citations}
    if abstained:
        rows = [f"<p><b>No answer:</b> {_e(reason)}</p>"]
        if citations:  # none when nothing was retrieved (a question about the collection itself)
            rows.append("<p>Closest passages:</p><ol>")
            for c in citations[:3]:
                rows.append(f"<li><code>{_e(c['source'])}</code>, page {c['page']}: "
                            f"<span style='white-space:pre-wrap'>{_e(_flat(c['text'])[:400])}…</span></li>")
            rows.append("</ol>")
        return "".join(rows)
    if not sentences:
        return ""
    supported = sum(s["supported"] for s in sentences)
    rows = [f"<p><b>{supported} of {len(sentences)} sentences supported</b> "
            f"({supported / len(sentences):.0%}). Click a sentence to see its passage.</p>"]
    for i, sg in enumerate(sentences, start=1):
        span = sg.get("span") or {}
        c = by_n.get(span.get("n"), {})
        mark = "✓" if sg["supported"] else "✗"
        where = (f"[{', '.join(str(n) for n in sg['citations'])}] <code>{_e(c.get('source', '?'))}</code>, "
                 f"page {c.get('page', '?')}") if sg["supported"] else \
            f"unsupported: {_e(sg.get('reason') or '')}" + (
                f" (closest: [{span.get('n')}] <code>{_e(c.get('source', '?'))}</code>)" if span else "")
        if warning := _warning(sg, by_n):
            where += f" <span class='injection-warning'>⚠ {_e(warning)}</span>"
        body = highlighted(c.get("text", ""), span.get("start"), span.get("end")) if c else ""
        rows.append(
            f"<details class='sentence-source' data-sentence='{i}'><summary>{mark} <b>S{i}</b> "
            f"{_e(_strip(sg['text']))} — <small>{where}</small></summary>"
            f"<div style='white-space:pre-wrap;font-size:.9em;border-left:3px solid #999;padding-left:.6em'>"
            f"{body}</div></details>")
    return "".join(rows)


def passage_html(rows: list[dict], chunk_id: str, start: int | None = None, end: int | None = None) -> str:
    """The chunk `chunk_id` among its neighbours, escaped; its span (or all of it) highlighted."""
    if not rows:
        return "<p><i>That passage is no longer in the collection.</i></p>"
    target = next((r for r in rows if r["id"] == chunk_id), rows[0])
    out = [f"<p><code>{_e(target['source'])}</code>, page {target['page']}</p>"]
    for r in rows:
        if r["id"] == chunk_id:
            body = highlighted(r["text"], start, end) if start is not None else f"<mark>{_e(r['text'])}</mark>"
            out.append(f"<div class='passage current' style='white-space:pre-wrap'>{body}</div>")
        else:
            out.append(f"<div class='passage' style='white-space:pre-wrap;opacity:.6'>{_e(r['text'])}</div>")
    return "<hr>".join(out)
