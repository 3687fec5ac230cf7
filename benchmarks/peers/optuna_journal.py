"""Optuna 3.1's JournalFileStorage: ask + two suggest_float + tell, trials per second.

The same operation as hpo4j's JournalAskTell and JournalProcesses benchmarks, run with Debian's
python3-optuna (3.1.0):

    /usr/bin/python3 benchmarks/peers/optuna_journal.py threads 1 2000
    /usr/bin/python3 benchmarks/peers/optuna_journal.py threads 8 250
    /usr/bin/python3 benchmarks/peers/optuna_journal.py processes 2 1000
"""
import multiprocessing
import os
import sys
import tempfile
import threading
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def storage(path):
    return optuna.storages.JournalStorage(optuna.storages.JournalFileStorage(path))


def work(path, trials, seed):
    study = optuna.load_study(study_name="bench", storage=storage(path),
                              sampler=optuna.samplers.RandomSampler(seed=seed))
    for _ in range(trials):
        trial = study.ask()
        x = trial.suggest_float("x", -5, 5)
        y = trial.suggest_float("y", -5, 5)
        study.tell(trial, x * x + y * y)


def main():
    mode, n, trials = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    path = os.path.join(tempfile.mkdtemp(), "bench.journal")
    optuna.create_study(study_name="bench", storage=storage(path))
    work(path, 20, 0)  # warm-up
    make = threading.Thread if mode == "threads" else multiprocessing.Process
    workers = [make(target=work, args=(path, trials, i + 1)) for i in range(n)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    secs = time.perf_counter() - t0
    print(f"optuna {optuna.__version__} JournalFileStorage, {n} {mode} x {trials} trials: "
          f"{secs:.2f} s, {n * trials / secs:.0f} trials/s")


if __name__ == "__main__":
    main()
