"""Writes the tuning labelled set for the per-sentence grounding check (#13 round 13): every sentence
the bundled model wrote in grounded-mode runs on the tuning QA sets (sample corpus, long documents,
dev prose, dev readme), with the passages it was checked against, labelled by hand.

    python benchmarks/rag.py --grounded --systems grounded --llm-questions 20 \\
        --qa-sets "sample corpus" "long documents" "dev prose" "dev readme" --dump-answers tune.json
    python scripts/make_grounding_tuning.py tune.json assets/grounding_tuning_labels.json

The labels (assets/grounding_tuning_labels.json: sentence text -> true/false) were written by reading
each sentence beside its passages: supported = a reader of the passages would agree the sentence
says what they say, as a complete statement (a correct paraphrase or quote); not supported = wrong,
not in the passages, garbled, spliced, cut off, or a frame that states no fact. The output,
assets/grounding_tuning.json, has the format benchmarks/grounding_sentences.py reads.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    dump, labels_path = Path(sys.argv[1]), Path(sys.argv[2])
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "assets" / "grounding_tuning.json"
    labels = json.loads(labels_path.read_text()) if labels_path.exists() else {}
    contexts, items, unlabelled = [], [], {}
    for a in json.loads(dump.read_text()):
        sentences = [s for s in a.get("model_sentences") or [] if s["text"].strip()]
        if not sentences:
            continue
        cid = len(contexts)
        contexts.append({"set": a["set"], "question": a["question"], "passages": a["passages"]})
        for s in sentences:
            key = f"{a['set']}|{s['text']}"
            label = labels.get(key)
            if label is None:
                unlabelled[key] = None
                continue
            items.append({"set": a["set"], "context": cid, "kind": "model", "sentence": s["text"], "supported": label})
    out.write_text(json.dumps({"procedure": "scripts/make_grounding_tuning.py", "contexts": contexts,
                               "items": items}, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(items)} labelled sentences over {len(contexts)} answers -> {out}; {len(unlabelled)} unlabelled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
