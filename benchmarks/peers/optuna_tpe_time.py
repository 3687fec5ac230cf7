"""Optuna's side of TpeStudyWallTime: the wall time of one 1,000-trial study, Σ(x_i − 1)² over
[−5, 5]^dims, seed 1, in-memory storage, one thread. Debian's python3-optuna (3.1.0).

    /usr/bin/python3 benchmarks/peers/optuna_tpe_time.py DIMS univariate|multivariate
"""
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
dims = int(sys.argv[1])
multivariate = sys.argv[2] == "multivariate"


def objective(trial):
    return sum((trial.suggest_float(f"x{j}", -5, 5) - 1) ** 2 for j in range(dims))


study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=1, multivariate=multivariate))
t0 = time.perf_counter()
study.optimize(objective, n_trials=1000)
print(f"optuna {optuna.__version__} {dims} dims {sys.argv[2]}: {time.perf_counter() - t0:.2f} s, best {study.best_value:.6f}")
