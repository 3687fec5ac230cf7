"""Recomputes the expected values in sklearn_ranking_cases.json from its inputs.

The inputs of each case (y_true, y_score, sample_weight) stay as they are; the outputs are
computed again with the scikit-learn installed here. The committed file was made with
scikit-learn 1.2.1 (Debian's python3-sklearn). Run from the repository root:

    apt-get install python3-sklearn
    /usr/bin/python3 hpo-metrics/src/test/resources/reference/regenerate_sklearn_cases.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve

PATH = pathlib.Path(__file__).with_name("sklearn_ranking_cases.json")


def main():
    data = json.loads(PATH.read_text())
    for case in data["cases"]:
        y, s, w = np.array(case["y_true"]), np.array(case["y_score"]), case["sample_weight"]
        w = None if w is None else np.array(w)
        p, r, t = precision_recall_curve(y, s, sample_weight=w)
        case["precision_recall_curve"] = {"precision": p.tolist(), "recall": r.tolist(), "thresholds": t.tolist()}
        fpr, tpr, thr = roc_curve(y, s, sample_weight=w, drop_intermediate=False)
        case["roc_curve"] = {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds_after_first": thr[1:].tolist()}
        case["roc_auc"] = float(roc_auc_score(y, s, sample_weight=w))
        case["average_precision"] = float(average_precision_score(y, s, sample_weight=w))
    data["generator"] = "scikit-learn " + sklearn.__version__
    PATH.write_text(json.dumps(data, indent=1) + "\n")


if __name__ == "__main__":
    main()
