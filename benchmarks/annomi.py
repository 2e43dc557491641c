"""mikit's coders on AnnoMI: classification reports, MITI separation and speed.

    python benchmarks/annomi.py --data ../shared/data/annomi [--split test|train]

Reports on the fixed split (test: transcript_id % 5 == 0) unless told otherwise:

* client talk type (change / neutral / sustain) and therapist main behaviour
  (question / reflection / therapist_input / other) against AnnoMI-simple's labels;
* open/closed question accuracy and simple/complex reflection macro-F1 against the
  AnnoMI-full subtypes (majority of annotators), on utterances whose gold label
  has the subtype (a turn mikit does not code as a question counts as wrong);
* the AUROC with which R:Q and the session index separate high- from
  low-quality transcripts over all 133 (the index's weights were fitted on the
  train transcripts only, by benchmarks/fit_session_index.py);
* the time to code all 9,699 utterances, and the time per character of
  adversarial 0.5 MB and 1 MB inputs.

Cite AnnoMI when reporting these figures: Wu et al., ICASSP 2022; Future Internet
15(3):110, 2023.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from mikit import code_client, code_counselor, code_transcript, miti_scores
from mikit.datasets import annomi
from mikit.evaluation import auroc, classification_report


def _subtype_pairs(coded, transcripts, key, attr):
    gold, pred = [], []
    for c, t in zip(coded, transcripts, strict=True):
        for item, u in zip(c, t, strict=True):
            label = u.annotations.get(key)
            code = item.counselor_code
            if label is None or code is None:
                continue
            if u.annotations.get("main_therapist_behaviour") != attr:
                continue
            value = getattr(code, attr)
            gold.append(label)
            pred.append("none" if value is None else value.value)
    return gold, pred


def _adversarial(size: int) -> dict[str, str]:
    return {
        "one word": "so " * (size // 3),
        "punctuation": "?!.," * (size // 4),
        "spaces": " " * size,
        "contractions": "you're don't I'd " * (size // 17),
        "nested quotes": "\"'" * (size // 2),
        "no spaces": "a" * size,
    }


def _speed_table() -> None:
    print("\nadversarial inputs: microseconds per character")
    print(f"{'input':<16} {'coder':<10} {'0.5 MB':>10} {'1 MB':>10}")
    for name in _adversarial(10):
        for coder_name, coder in (("counselor", code_counselor), ("client", code_client)):
            cells = []
            for size in (500_000, 1_000_000):
                text = _adversarial(size)[name]
                start = time.perf_counter()
                coder(text)
                cells.append((time.perf_counter() - start) / len(text) * 1e6)
            print(f"{name:<16} {coder_name:<10} {cells[0]:10.3f} {cells[1]:10.3f}")


def _counselor_turns(transcripts):
    """Every counsellor turn with the client turns before and after it."""
    out = []
    for t in transcripts:
        utterances = list(t)
        previous = None
        for i, u in enumerate(utterances):
            if u.is_client:
                previous = u.text
                continue
            nxt = utterances[i + 1] if i + 1 < len(utterances) else None
            following = nxt.text if nxt is not None and nxt.is_client else None
            out.append((u.text, previous, following))
    return out


def _client_turns(transcripts):
    """Every client turn with the counsellor turn before it."""
    out = []
    for t in transcripts:
        previous = None
        for u in t:
            if u.is_client:
                out.append((u.text, previous))
            else:
                previous = u.text
    return out


def _best_of_3(run):
    """The least CPU time of three runs of *run*: the figure should not depend on other load."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _timings(simple):
    """Every transcript coded, and the CPU seconds (best of 3) to code all of them with
    code_transcript, the counsellor turns alone and the client turns alone."""
    coded = []

    def transcripts():
        coded[:] = [code_transcript(t) for t in simple]

    def counselor():
        for text, previous, following in _counselor_turns(simple):
            code_counselor(text, previous=previous, following=following)

    def client():
        for text, previous in _client_turns(simple):
            code_client(text, previous=previous)

    times = (_best_of_3(transcripts), _best_of_3(counselor), _best_of_3(client))
    return coded, times


def main() -> None:  # noqa: PLR0915
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the AnnoMI folder (never copied)")
    parser.add_argument("--split", choices=("test", "train"), default="test")
    parser.add_argument("--no-speed", action="store_true", help="skip the adversarial table")
    args = parser.parse_args()
    data = Path(args.data)
    simple = annomi.load(data / "AnnoMI-simple.csv")
    full = annomi.load(data / "AnnoMI-full.csv")

    coded_all, (elapsed, counselor_time, client_time) = _timings(simple)
    n_utt = sum(len(t) for t in simple)
    counselor_turns = _counselor_turns(simple)
    client_turns = _client_turns(simple)

    chosen = [i for i, t in enumerate(simple) if annomi.is_test(t) == (args.split == "test")]
    print(
        f"AnnoMI {args.split} split: {len(chosen)} transcripts, "
        f"{sum(len(simple[i]) for i in chosen)} utterances"
    )
    gold_c, pred_c, gold_t, pred_t = [], [], [], []
    for i in chosen:
        for g, p, u in zip(
            annomi.gold_labels(simple[i]), annomi.labels(coded_all[i]), simple[i], strict=True
        ):
            if g == "n/a":
                continue
            (gold_c if u.is_client else gold_t).append(g)
            (pred_c if u.is_client else pred_t).append(p)
    client = classification_report(gold_c, pred_c, labels=annomi.CLIENT_LABELS)
    therapist = classification_report(gold_t, pred_t, labels=annomi.THERAPIST_LABELS)
    print("\nclient talk type (target macro-F1 >= 0.62)")
    print(client.to_text())
    print("\ntherapist main behaviour (target macro-F1 >= 0.75)")
    print(therapist.to_text())

    full_chosen = [full[i] for i in chosen]
    full_coded = [code_transcript(t) for t in full_chosen]
    qg, qp = _subtype_pairs(full_coded, full_chosen, "question_subtype", "question")
    rg, rp = _subtype_pairs(full_coded, full_chosen, "reflection_subtype", "reflection")
    questions = classification_report(qg, qp, labels=("open", "closed"))
    reflections = classification_report(rg, rp, labels=("simple", "complex"))
    print("\nopen/closed questions, AnnoMI-full subtypes (target accuracy >= 0.85)")
    print(questions.to_text())
    print("\nsimple/complex reflections, AnnoMI-full subtypes (target macro-F1 >= 0.65)")
    print(reflections.to_text())

    high = [t.annotations["mi_quality"] == "high" for t in simple]
    scores = [miti_scores(c) for c in coded_all]
    # R:Q is undefined without questions: count such a session as if it had one.
    rq = [
        s.reflection_to_question if s.reflection_to_question is not None else float(s.reflections)
        for s in scores
    ]
    index = [s.session_index if s.session_index is not None else 0.0 for s in scores]
    expert_rq = []
    for t in simple:
        labels = annomi.gold_labels(t)
        r, q = labels.count("reflection"), labels.count("question")
        expert_rq.append(r / q if q else float(r))
    print(
        f"\nseparating high- from low-quality transcripts, all {len(simple)} "
        f"({sum(high)} high, {len(high) - sum(high)} low)"
    )
    print(f"{'score':<36} {'AUROC':>6}  target")
    print(f"{'R:Q from mikit codes':<36} {auroc(rq, high):6.3f}  >= 0.80")
    print(f"{'session index (fitted on train)':<36} {auroc(index, high):6.3f}  >= 0.90")
    test_idx = [i for i, t in enumerate(simple) if annomi.is_test(t)]
    sub = auroc([index[i] for i in test_idx], [high[i] for i in test_idx])
    print(f"{'session index, test transcripts only':<36} {'n/a' if sub is None else f'{sub:6.3f}'}")
    print(f"{'R:Q from expert labels (reference)':<36} {auroc(expert_rq, high):6.3f}")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nspeed (one core; CPU time, best of 3; load average {load:.2f})")
    print(
        f"code_transcript, all {n_utt} utterances: {elapsed:.3f} s CPU "
        f"({elapsed / n_utt * 1e6:.0f} us per utterance; target < 1 s)"
    )
    print(
        f"code_client, {len(client_turns)} client turns with the turn before: "
        f"{client_time:.3f} s CPU"
    )
    print(
        f"code_counselor, {len(counselor_turns)} counsellor turns with their context: "
        f"{counselor_time:.3f} s CPU (best of 3)"
    )
    if not args.no_speed:
        _speed_table()

    print("\nsummary")
    print(f"{'figure':<40} {'value':>6}")
    for name, value in (
        ("client talk type macro-F1", client.macro_f1),
        ("therapist main behaviour macro-F1", therapist.macro_f1),
        ("open/closed question accuracy", questions.accuracy),
        ("simple/complex reflection macro-F1", reflections.macro_f1),
    ):
        print(f"{name:<40} {value:6.3f}")


if __name__ == "__main__":
    main()
