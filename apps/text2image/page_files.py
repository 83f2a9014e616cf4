"""How a gallery PNG from the data folder reaches a visitor's page.

Local mode registers the images folder as static (`gr.set_static_paths`): served by path, no copy.
Hosted mode must not: a static folder serves every visitor's images to whoever has a path. Gradio
then copies a returned file into its cache, but only from the working directory or the temp dir
(InvalidPathError for a data folder such as /var/tmp/studio or /srv/studio). So hosted mode copies
the PNG into Gradio's cache itself, the way Gradio caches files: a folder named by a keyed hash of
the content (Gradio's secret hash seed), which only the visitor the image was returned to learns.
Gradio takes a file already in its cache as is and deletes it with the app's `delete_cache`. The
bytes are the saved PNG's, so a download still carries its parameters.
"""
from __future__ import annotations

from pathlib import Path

from gradio.processing_utils import save_file_to_cache
from gradio.utils import get_upload_folder


def for_page(path: Path | str, hosted: bool) -> str:
    """A path Gradio serves for `path`: itself in local mode, a cached copy in hosted mode."""
    if not hosted:
        return str(path)
    return save_file_to_cache(path, cache_dir=get_upload_folder())
