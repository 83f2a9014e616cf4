"""The suite's single-page apps; `python -m apps` starts them all behind an index page."""
