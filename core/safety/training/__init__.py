"""Training data (made from templates) and training scripts for the safety classifiers.

    python -m core.safety.training.train            # writes core/safety/curated/*_classifier.npz

Template data is built by a different procedure than the held-out sets in tests/data
(hand-written prompts and documents): see docs/safety.md, "How the figures were made".
"""
