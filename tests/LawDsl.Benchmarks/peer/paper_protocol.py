"""What the peer scripts share: the paper protocol's rows (the SlimPajama runs at 122M parameters / 9.998B tokens less
the paper's 12 validation runs: 48 training runs) as plain lists — weights h, losses (NaN where missing), N in millions
and D in billions — and the bounds and start points LawDsl exports (`export-starts`)."""
import csv

VALIDATION = [1, 16, 17, 24, 26, 41, 42, 50, 51, 54, 57, 58]
DOMAINS = ["arxiv", "book", "c4", "github", "commoncrawl", "stackexchange", "wikipedia"]


def training_rows(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if float(r["model_size"]) == 122e6 and float(r["n_tokens"]) == 9.998e9]
    rows = [r for k, r in enumerate(rows) if k not in VALIDATION]
    h = [[float(r["weight_" + d]) for d in DOMAINS] for r in rows]
    loss = [[float(r[d + "_loss"]) if r[d + "_loss"] else float("nan") for d in DOMAINS] for r in rows]
    n = [float(r["model_size"]) / 1e6 for r in rows]
    d = [float(r["n_tokens"]) / 1e9 for r in rows]
    return h, loss, n, d


def read_starts(path, first, count):
    """The lower bounds, the upper bounds and start points first .. first + count - 1, as lists."""
    with open(path) as f:
        table = [list(map(float, line.split(","))) for line in f if line.strip()]
    return table[0], table[1], table[2 + first:2 + first + count]
