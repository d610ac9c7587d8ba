#!/usr/bin/env python3
"""The peer of LawDsl's 64-start fit: the paper's capacity-noise law (exact KKT) on the SlimPajama runs at
122M parameters / 9.998B tokens (its 48 training runs, entries with h >= 0.1), fitted with scipy from the same start
points as LawDsl (exported by `dotnet run -c Release --project tests/LawDsl.Benchmarks -- export-starts starts.csv`):
L-BFGS-B and least_squares, both on finite-difference derivatives, as the field's Python code does.

usage: /usr/bin/python3 scipy_capacity_noise.py DATA.csv STARTS.csv [--starts N] [--method lbfgsb|least_squares|both]
Prints per-start time and objective, and the totals. Needs Debian's python3-scipy.
"""
import argparse
import time

import numpy as np
from scipy.optimize import least_squares, minimize

from paper_protocol import read_starts, training_rows


def load(path):
    return tuple(np.array(column) for column in training_rows(path))


def predict(theta, h, n, d):
    k = h.shape[1]
    b, c, a, alpha, e, big_h = theta[:k], theta[k:2 * k], theta[2 * k:3 * k], theta[3 * k:4 * k], theta[4 * k:5 * k], theta[5 * k]
    budget = n + (k - 1) * big_h
    q = h * b * c
    lo, hi = np.full(len(n), np.log(1e-30)), np.full(len(n), np.log(1e30))
    for _ in range(200):  # vectorized bisection on ln(lambda) to full precision, all runs at once
        mid = 0.5 * (lo + hi)
        s = np.maximum(big_h, (q / np.exp(mid)[:, None]) ** (1 / (b + 1))).sum(axis=1) - budget
        lo, hi = np.where(s > 0, mid, lo), np.where(s > 0, hi, mid)
    lam = np.exp(0.5 * (lo + hi))
    x = np.maximum(big_h, (q / lam[:, None]) ** (1 / (b + 1)))
    with np.errstate(divide="ignore"):
        return c * x ** (-b) + a * (d[:, None] * h) ** (-alpha) + e


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("starts")
    parser.add_argument("--starts", dest="count", type=int, default=64)
    parser.add_argument("--method", default="both", choices=["lbfgsb", "least_squares", "both"])
    args = parser.parse_args()
    h, loss, n, d = load(args.data)
    counted = (h >= 0.1) & ~np.isnan(loss)
    lower, upper, starts = read_starts(args.starts, 0, args.count)
    lower, upper, starts = np.array(lower), np.array(upper), [np.array(r) for r in starts]

    def residuals(theta):
        return (predict(theta, h, n, d) - loss)[counted]

    def objective(theta):
        r = residuals(theta)
        return float(r @ r) if np.all(np.isfinite(r)) else 1e30

    for method in (["lbfgsb", "least_squares"] if args.method == "both" else [args.method]):
        best, total = np.inf, 0.0
        for i, start in enumerate(starts):
            t0 = time.perf_counter()
            if method == "lbfgsb":
                result = minimize(objective, start, method="L-BFGS-B", bounds=list(zip(lower, upper)))
                value = objective(result.x)
            else:
                result = least_squares(residuals, start, bounds=(lower, upper), method="trf")
                value = objective(result.x)
            elapsed = time.perf_counter() - t0
            total += elapsed
            best = min(best, value)
            print(f"{method} start {i}: {elapsed:.2f} s, objective {value:.6g}", flush=True)
        print(f"{method}: {len(starts)} starts in {total:.1f} s ({total / len(starts):.2f} s per start), best objective {best:.6g}", flush=True)


if __name__ == "__main__":
    main()
