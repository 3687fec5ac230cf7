"""Optuna 3.1's RDBStorage on PostgreSQL: N worker processes, ask + two suggest_float + tell with
the random sampler; trials per second and the p50/p99 latency of one ask + tell. The same
operation as hpo4j's StorageProcesses benchmark, with Debian's python3-optuna and python3-psycopg2:

    /usr/bin/python3 benchmarks/peers/optuna_rdb.py postgresql://postgres@127.0.0.1:5432/test 8 250
"""
import multiprocessing
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def work(url, name, trials, seed, start, queue):
    storage = optuna.storages.RDBStorage(url)
    study = optuna.load_study(study_name=name, storage=storage, sampler=optuna.samplers.RandomSampler(seed=seed))
    start.wait()
    lat = []
    for _ in range(trials):
        t0 = time.perf_counter()
        trial = study.ask()
        x = trial.suggest_float("x", -5, 5)
        y = trial.suggest_float("y", -5, 5)
        study.tell(trial, x * x + y * y)
        lat.append((time.perf_counter() - t0) * 1000)
    queue.put(lat)


def main():
    url, n, trials = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    name = "optuna-bench-%d" % int(time.time() * 1000)
    optuna.create_study(study_name=name, storage=optuna.storages.RDBStorage(url))
    start = multiprocessing.Event()
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=work, args=(url, name, trials, i + 1, start, queue)) for i in range(n)]
    for p in procs:
        p.start()
    time.sleep(3)  # let every worker connect and load the study
    t0 = time.perf_counter()
    start.set()
    lat = []
    for _ in procs:
        lat.extend(queue.get())
    for p in procs:
        p.join()
    secs = time.perf_counter() - t0
    lat.sort()
    print(f"optuna {optuna.__version__} RDBStorage {url.split('@')[-1]}, {n} processes x {trials} trials: {secs:.2f} s,"
          f" {len(lat) / secs:.0f} trials/s, ask+tell p50 {lat[len(lat) // 2]:.1f} ms,"
          f" p99 {lat[int(len(lat) * 0.99)]:.1f} ms")


if __name__ == "__main__":
    main()
