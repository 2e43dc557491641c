"""Fit the weights of mikit's session index on AnnoMI's TRAIN transcripts only.

    python benchmarks/fit_session_index.py --data ../shared/data/annomi [--write]

Codes every training transcript (transcript_id % 5 != 0) with mikit's own coders,
computes the session features of ``mikit.coding.miti.session_features`` and fits
an L2-regularised logistic regression of AnnoMI's ``mi_quality`` (high = 1) on the
standardised features. With ``--write`` the weights go to
``src/mikit/data/session_index.json`` together with a note of how they were fitted.
Test transcripts are never read for fitting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path

from mikit import code_transcript
from mikit.coding.miti import SESSION_INDEX_FEATURES, session_features
from mikit.datasets import annomi
from mikit.evaluation import auroc

OUT = Path(__file__).resolve().parent.parent / "src" / "mikit" / "data" / "session_index.json"
L2 = 1.0
STEPS = 5000
RATE = 0.1


def fit(rows: list[list[float]], ys: list[int]) -> tuple[list[float], float]:
    """Logistic regression by gradient descent with an L2 penalty (bias unpenalised)."""
    k = len(rows[0])
    w = [0.0] * k
    b = 0.0
    n = len(rows)
    for _ in range(STEPS):
        gw = [L2 * wi / n for wi in w]
        gb = 0.0
        for x, y in zip(rows, ys, strict=True):
            z = b + sum(wi * xi for wi, xi in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            for j in range(k):
                gw[j] += (p - y) * x[j] / n
            gb += (p - y) / n
        w = [wi - RATE * g for wi, g in zip(w, gw, strict=True)]
        b -= RATE * gb
    return w, b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="the AnnoMI folder")
    parser.add_argument("--write", action="store_true", help="write the package data file")
    args = parser.parse_args()
    transcripts = annomi.load(Path(args.data) / "AnnoMI-simple.csv")
    train, _ = annomi.split(transcripts)
    feats = [session_features(code_transcript(t)) for t in train]
    ys = [1 if t.annotations["mi_quality"] == "high" else 0 for t in train]
    names = list(SESSION_INDEX_FEATURES)
    means = [sum(f[n] for f in feats) / len(feats) for n in names]
    scales = [
        math.sqrt(sum((f[n] - m) ** 2 for f in feats) / len(feats)) or 1.0
        for n, m in zip(names, means, strict=True)
    ]
    rows = [[(f[n] - m) / s for n, m, s in zip(names, means, scales, strict=True)] for f in feats]
    w, b = fit(rows, ys)
    scores = [b + sum(wi * xi for wi, xi in zip(w, x, strict=True)) for x in rows]
    print(f"train transcripts: {len(train)} ({sum(ys)} high quality)")
    print(f"train AUROC of the fitted index: {auroc(scores, [y == 1 for y in ys]):.3f}")
    for n, wi in zip(names, w, strict=True):
        print(f"  {n:28s} {wi:+.3f}")
    print(f"  {'bias':28s} {b:+.3f}")
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    model = {
        "note": (
            "Logistic regression of AnnoMI mi_quality (high = 1) on standardised session "
            f"features of the {len(train)} AnnoMI TRAIN transcripts (transcript_id % 5 != 0) "
            "as coded by mikit's own coders; test transcripts were not used. "
            f"L2 penalty {L2}, {STEPS} gradient steps at rate {RATE}. "
            f"Fitted by benchmarks/fit_session_index.py on {today}."
        ),
        "features": names,
        "means": [round(m, 6) for m in means],
        "scales": [round(s, 6) for s in scales],
        "weights": [round(wi, 6) for wi in w],
        "bias": round(b, 6),
    }
    if args.write:
        OUT.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
