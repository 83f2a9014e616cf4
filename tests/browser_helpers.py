"""Waiting on Gradio pages in Playwright tests."""
from __future__ import annotations


def wait_for_uploaded(page, name: str, within: str = "#upload", timeout: float = 120_000) -> None:
    """Wait until the file box `within` lists the file `name` (its upload finished; slow under load).

    Not `get_by_text(name)`: Gradio's file list sometimes renders a name as two elements, the stem
    and the extension (seen under load: "doc12.md" as "doc12" + ".md"), and the text locator then
    never matches although the page shows the file. So the box's text is compared without spaces."""
    page.wait_for_function(
        "([sel, name]) => { const box = document.querySelector(sel);"
        " return box !== null && box.innerText.replace(/\\s/g, '').includes(name.replace(/\\s/g, '')); }",
        arg=[within, name], timeout=timeout)
