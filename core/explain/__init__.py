"""Look inside real transformers: tokens, attention, next-token odds, logit lens,
positional encodings, embeddings and a bias probe. One concept per module; the
Streamlit explorer (apps/explorer) and `python -m core attention` are thin layers on top.
"""
