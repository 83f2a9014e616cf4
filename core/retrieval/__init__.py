"""Retrieval-augmented generation over the user's documents.

    loaders.py     file -> text pages (PDF, DOCX, Markdown, HTML, text), with clear errors
    splitting.py   pages -> chunks (LangChain recursive splitter), ids from the content hash
    store.py       Chroma (embedded or server) with our own embedding function
    bm25.py        persisted, incremental BM25 index
    collection.py  a workspace: ingest, re-ingest, delete, list documents
    hybrid.py      vector / BM25 / reciprocal-rank-fusion search
    prompts.py     zero-shot / few-shot / chain-of-thought prompts with fenced context
    citations.py   [n] markers -> chunks
    loops.py       spot an answer stuck repeating a sentence (the chain stops it)
    chain.py       the LangChain RAG chain: condense, retrieve, guard, stream, cite
"""
