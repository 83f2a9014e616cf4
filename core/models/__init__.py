"""Model loading and inference: chat LLM, encoder/embeddings (and diffusion, in its own file).

Everything here loads lazily, once per process, behind a thread-safe factory.
"""
