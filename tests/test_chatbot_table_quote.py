"""A quoted table is shown as a table (#13 round 26).

Seen as a visitor: a hostel guide's price table, asked "How much is a bed in the 8-bed dorm?", was quoted
as one line, "| Room | Per night | Includes | |---|---|---| | 8-bed dorm | £24 | ...". Real chain (Chroma,
BM25, MiniLM) over a guide written for this test; the chat's HTML is what the app shows."""
from __future__ import annotations

from apps.chatbot import sources_html
from core.retrieval.chain import RagChain
from core.retrieval.collection import open_collection

GUIDE = """# Harbour Hostel

## Prices

| Room | Per night | Includes |
|---|---|---|
| 6-bed dorm | £21 | linen, locker |
| Twin room | £58 | linen, towels |

Dorms are for guests aged 16 and over.
"""


def _shown(tmp_path) -> str:
    guide = tmp_path / "guide.md"
    guide.write_text(GUIDE, encoding="utf-8")
    assert open_collection("hostel").ingest([guide]).ok
    a = RagChain("hostel", answer_mode="extractive").ask("How much is a bed in the 6-bed dorm?").to_dict()
    assert not a["abstained"] and "£21" in a["answer"], a["answer"]
    return sources_html.answer_html(a["answer"], a["sentences"], a["citations"], a["abstained"], a["grounded_share"])


def test_a_quoted_markdown_table_is_shown_as_a_table(tmp_path, monkeypatch):
    shown = _shown(tmp_path)
    assert "<th>Room</th><th>Per night</th><th>Includes</th>" in shown
    assert "<tr><td>6-bed dorm</td><td>£21</td><td>linen, locker</td></tr>" in shown and "|---|" not in shown
    monkeypatch.setattr(sources_html, "SHOW_TABLES", False)  # what the rule fixes
    assert "| Room | Per night | Includes | |---|---|---|" in _shown(tmp_path)


def test_table_cells_are_escaped_and_other_text_is_not_a_table():
    shown = sources_html.table_html("| a | <script>alert(1)</script> |\n| b | c |")
    assert "&lt;script&gt;" in shown and "<script>" not in shown and "<th>" not in shown
    assert sources_html.table_html("Prices are | in the table.\nSee below.") == ""
    assert sources_html.table_html("| one row only |") == ""


def test_a_quoted_list_item_is_shown_without_its_bullet():
    item = {"text": "- Sunday: closed [1]", "supported": True, "citations": [1],
            "span": {"n": 1, "text": "- Sunday: closed"}}
    shown = sources_html.answer_html(item["text"], [item], [{"n": 1, "source": "hours.md", "page": 1,
                                                             "text": "- Sunday: closed"}], False, 1.0)
    assert ">Sunday: closed</span>" in shown and ">- Sunday" not in shown
