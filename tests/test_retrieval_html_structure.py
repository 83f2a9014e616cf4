"""A visitor's saved web page keeps its headings and lists (#13 round 26).

Seen as a visitor: a library's membership page alone in a collection. Its <h2> headings were read as
three-word sentences, so "How do I become a member?" was answered with the heading "Becoming a member",
and the opening times list ran together as plain lines, so "Are you open on Sunday?" was answered with
the Monday to Friday line. html_to_text now writes headings and list items as Markdown does. Real
loader, Chroma, BM25, MiniLM and chain over a page written for this test."""
from __future__ import annotations

from core.retrieval import html_text
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

POOL = """<!doctype html><html><head><title>Riverside Pool</title></head><body>
<header><a href="/">Home</a> | <a href="/prices">Prices</a></header>
<h1>Riverside Pool</h1>
<h2>Joining the swim club</h2>
<p>Hand a signed form and a recent photo to the front desk; the club meets on Tuesday evenings.</p>
<h2>Opening times</h2>
<ul><li>Monday to Friday: 6am to 9pm</li><li>Saturday: 8am to 6pm</li><li>Sunday: closed for cleaning</li></ul>
<h2>Lanes</h2>
<p>Two lanes are kept for lane swimming at all times. The diving board is open on weekends only.</p>
</body></html>"""


def test_headings_and_list_items_are_written_as_markdown():
    text = html_text.html_to_text(POOL)
    assert text.startswith("# Riverside Pool\n\nHome | Prices\n\n# Riverside Pool\n\n## Joining the swim club\n\n")
    assert "- Saturday: 8am to 6pm\n\n- Sunday: closed for cleaning" in text
    assert html_text.html_to_text("<ol><li>one</li><li><p>two</p></li></ol>") == "1. one\n\n2. two"


def _ask_pool(tmp_path, name: str, plain: bool = False) -> RagChain:
    # the loader reads files in a worker process, out of a monkeypatch's reach: the page as the old
    # html_to_text read it is given as the text file it amounts to
    page = tmp_path / ("pool.txt" if plain else "pool.html")
    page.write_text(html_text.html_to_text(POOL) if plain else POOL, encoding="utf-8")
    assert open_collection(name).ingest([page]).ok
    return RagChain(name, answer_mode="extractive")


def test_a_heading_is_not_an_answer_and_a_list_item_answers_its_own_question(tmp_path, monkeypatch):
    chain = _ask_pool(tmp_path, "pool")
    join = chain.ask("How do I join the swim club?")
    assert join.answer.startswith("Hand a signed form and a recent photo"), join.answer
    assert "Joining the swim club" not in join.answer
    assert "Sunday: closed for cleaning" in chain.ask("Is the pool open on Sunday?").answer
    monkeypatch.setattr(html_text, "MARKDOWN_STRUCTURE", False)  # what the rule fixes
    before = _ask_pool(tmp_path, "pool-plain", plain=True)
    assert before.ask("How do I join the swim club?").answer.startswith("Joining the swim club")
    assert "Sunday" not in before.ask("Is the pool open on Sunday?").answer


def test_a_page_with_a_huge_numbered_list_is_read_in_linear_time():
    import time

    page = "<ol>" + "".join(f"<li>step {i}</li>" for i in range(1, 40_001)) + "</ol>"
    t = time.perf_counter()
    text = html_text.html_to_text(page)
    assert text.endswith("40000. step 40000") and time.perf_counter() - t < 30  # counting siblings per item is quadratic
    # items that read the same are each an item (only a heading repeating the title is read once)
    assert html_text.html_to_text("<ul><li>yes</li><li>yes</li></ul>") == "- yes\n\n- yes"
