#!/usr/bin/env python3
"""The strongest peer of LawDsl's fit: the paper's capacity-noise law (exact KKT) on the SlimPajama runs at 122M
parameters / 9.998B tokens (its 48 training runs, entries with h >= 0.1), fitted with PyTorch's L-BFGS with a strong
Wolfe line search on the exact gradient, from the same start points and within the same bounds as LawDsl (exported by
`dotnet run -c Release --project tests/LawDsl.Benchmarks -- export-starts starts.csv`).

The capacity split's multiplier is the root of sum_j max(H, (h_j b_j c_j / lambda)^(1/(b_j+1))) = N + (K-1) H, solved
per run by bisection on ln(lambda) outside the graph; one Newton step inside the graph, with the derivative in lambda
detached, carries the implicit-function gradient d ln(lambda)/d theta = -(dg/d theta)/(dg/d ln lambda) exactly, at the
root's value. torch.optim.LBFGS has no bounds: the parameters are clamped into the box inside the objective, so the
gradient of a coordinate beyond its bound is zero and the reported objective is that of the clamped point.

usage: /usr/bin/python3 torch_capacity_noise.py DATA.csv STARTS.csv [--starts N] [--first K] [--threads T] [--target V]
Prints per-start time and objective, the median, best, and the share of starts within --target. Needs Debian's
python3-torch.
"""
import argparse
import time

import torch

from paper_protocol import read_starts, training_rows


def load(path):
    return tuple(torch.tensor(column, dtype=torch.float64) for column in training_rows(path))


def capacities(log_lam, q, b, big_h):
    return torch.maximum(big_h, torch.exp((torch.log(q) - log_lam[:, None]) / (b + 1)))


def predict(theta, h, n, d):
    k = h.shape[1]
    b, c, a, alpha, e, big_h = theta[:k], theta[k:2 * k], theta[2 * k:3 * k], theta[3 * k:4 * k], theta[4 * k:5 * k], theta[5 * k]
    budget = n + (k - 1) * big_h
    q = h * b * c
    with torch.no_grad():
        lo = torch.full_like(n, -69.0)
        hi = torch.full_like(n, 69.0)
        for _ in range(200):  # bisection on ln(lambda) to full precision, all runs at once
            mid = 0.5 * (lo + hi)
            above = capacities(mid, q, b, big_h).sum(dim=1) > budget
            lo, hi = torch.where(above, mid, lo), torch.where(above, hi, mid)
        root = 0.5 * (lo + hi)
        x0 = capacities(root, q, b, big_h)
        # dg/d ln(lambda): only domains above the floor move, each by -x/(b+1).
        slope = -(torch.where(x0 > big_h, x0 / (b + 1), torch.zeros_like(x0))).sum(dim=1)
    g = capacities(root, q, b, big_h).sum(dim=1) - budget
    log_lam = root - g / slope  # value: the root; gradient: the implicit function theorem's
    x = capacities(log_lam, q, b, big_h)
    return c * x ** (-b) + a * (d[:, None] * h) ** (-alpha) + e


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("starts")
    parser.add_argument("--starts", dest="count", type=int, default=64)
    parser.add_argument("--first", type=int, default=0, help="skip this many start points")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--target", type=float, default=None, help="count the starts whose objective is at most this")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    h, loss, n, d = load(args.data)
    counted = (h >= 0.1) & ~torch.isnan(loss)
    lower, upper, starts = read_starts(args.starts, args.first, args.count)
    lower, upper = torch.tensor(lower, dtype=torch.float64), torch.tensor(upper, dtype=torch.float64)

    def objective(theta):
        r = (predict(torch.clamp(theta, lower, upper), h, n, d) - loss)[counted]
        return (r * r).sum()

    values, total = [], 0.0
    for i, start in enumerate(starts):
        theta = torch.tensor(start, dtype=torch.float64, requires_grad=True)
        optimizer = torch.optim.LBFGS([theta], lr=1, max_iter=20000, max_eval=25000, history_size=10,
                                      tolerance_grad=1e-10, tolerance_change=1e-14, line_search_fn="strong_wolfe")

        def closure():
            optimizer.zero_grad()
            value = objective(theta)
            if torch.isfinite(value):
                value.backward()
            else:
                theta.grad = torch.zeros_like(theta)
            return value

        t0 = time.perf_counter()
        optimizer.step(closure)
        elapsed = time.perf_counter() - t0
        with torch.no_grad():
            value = float(objective(theta))
        state = optimizer.state[optimizer._params[0]]
        total += elapsed
        values.append(value)
        print(f"torch-lbfgs start {args.first + i}: {elapsed:.2f} s, {state.get('n_iter', 0)} iterations, "
              f"{state.get('func_evals', 0)} evaluations, objective {value:.6f}", flush=True)
    ordered = sorted(v for v in values if v == v)
    median = ordered[len(ordered) // 2] if len(ordered) % 2 else 0.5 * (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2])
    print(f"torch-lbfgs: {len(values)} starts in {total:.1f} s ({total / len(values):.2f} s per start, {args.threads} threads), "
          f"best {ordered[0]:.6f}, median {median:.6f}", flush=True)
    if args.target is not None:
        hits = sum(v <= args.target for v in values)
        expected = f"{total / hits:.1f} s" if hits else "never reached"
        print(f"torch-lbfgs: {hits} of {len(values)} starts within {args.target:.6f}; expected time to the target {expected}", flush=True)


if __name__ == "__main__":
    main()
