"""Reference values for hpo-search's GP tests (GpMathTest).

Run with Debian's python3 (python3-sklearn, python3-mpmath, python3-scipy):
    /usr/bin/python3 hpo-search/src/test/resources/gp/make_reference.py > hpo-search/src/test/resources/gp/reference.json
Produced with scikit-learn 1.2.1, SciPy 1.10.1, mpmath 1.2.1.
"""
import json

import mpmath
import numpy as np
from scipy.stats import qmc
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern

mpmath.mp.dps = 50

# posterior of a fixed-kernel GP: 6 points in 2 dimensions
X = np.array([[0.1, 0.2], [0.4, 0.9], [0.8, 0.3], [0.5, 0.5], [0.95, 0.85], [0.2, 0.7]])
y = np.array([0.3, -1.2, 0.8, 0.1, -0.4, 1.5])
length_scales = [0.3, 0.6]
scale = 1.7
noise = 0.01
gp = GaussianProcessRegressor(
    kernel=ConstantKernel(scale, "fixed") * Matern(length_scale=length_scales, length_scale_bounds="fixed", nu=2.5),
    alpha=noise, optimizer=None, normalize_y=False)
gp.fit(X, y)
Xq = np.array([[0.3, 0.3], [0.7, 0.6], [0.0, 1.0]])
mean, std = gp.predict(Xq, return_std=True)


def log_h(z):
    z = mpmath.mpf(z)
    return float(mpmath.log(mpmath.npdf(z) + z * mpmath.ncdf(z)))


out = {
    "posterior": {
        "x": X.tolist(), "y": y.tolist(), "length_scales": length_scales, "scale": scale, "noise": noise,
        "query": Xq.tolist(), "mean": mean.tolist(), "variance": (std ** 2).tolist(),
    },
    "log_h": {str(z): log_h(z) for z in [5, 0, -5, -20, -40]},
    "log_cdf": {str(z): float(mpmath.log(mpmath.ncdf(z))) for z in [2, 0, -5, -20, -40]},
    "sobol_5d_16": qmc.Sobol(d=5, scramble=False).random(16).tolist(),
}
print(json.dumps(out, indent=1))
