"""PyTorch + matplotlib side of bench/lessons.sh: one whole lesson, the work `fitlab run` does, in one process.

usage: /usr/bin/python3 bench/torch_lessons.py FITLAB_RUN_DIR OUT_DIR
prints one line: torch-lesson <cells> <epochs summed over cells> <seconds>

What it does, so that the comparison with `fitlab run LESSON` is fair:
- Sizes, epochs, optimizer, learning rate, checkpoint cadence and the sweep come from the fitlab run folder's
  resolved experiment.yaml (so a lesson whose YAML changes is mirrored without editing this script); the data is
  the run's own data/**.csv, and every cell starts from the weights of the cell's epoch-0000.pth. The same
  data and the same initial weights, so both sides do the same arithmetic on the same numbers. Reading the CSVs
  stands in for fitlab's data generation (fitlab generates and writes them; that is counted on fitlab's side).
- Per cell, in float64: a polynomial (Legendre or monomial features of the scaled input, computed once per split
  tensor and reused, as fitlab reuses them, then nn.Linear) or an
  nn.Sequential MLP of nn.Linear + ReLU/Tanh; every epoch one full-batch optimizer step (Adam with the YAML's
  betas/eps, or SGD), then the loss of train, validation and test in eval mode (torch.no_grad), one metrics.csv
  line, and the early-stopping bookkeeping (best validation loss, patience counter; 'mark' never stops). `lstsq`
  cells (lesson 05) solve the least-squares problem once with torch.linalg.lstsq (fitlab: one epoch).
  Classification cells (data.kind moons/spiral/...) use CrossEntropyLoss on the MLP's logits.
- Checkpoints with torch.save, each written to a temp file and renamed: epoch 0, every `checkpoint.every`
  epochs and the last, best.pth whenever the best epoch moves, last.pth at the end; the dict holds epoch,
  model_state_dict, optimizer_state_dict, the three losses and the config, as fitlab's does.
- Charts with matplotlib (Agg), each saved as PNG and SVG at 1920x1080 (19.2x10.8 in at 100 dpi): one loss chart
  per cell (three log-scale curves, every epoch, best epoch marked), the capacity chart (best validation,
  train and test loss against the swept setting; train size for lesson 05), and the fitted curves of every cell
  over the training points and the true curve's data (1-D) or a decision-boundary panel per cell (2-D).
- Not done here, though fitlab does it: the HTML report, slides.pdf, the animated fit GIF and its still, the
  summary table, the diagnosis and the reload check. The script is therefore the lighter of the two.
"""
import csv
import math
import os
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402
import yaml  # noqa: E402

torch.set_default_dtype(torch.float64)
W, H, DPI = 19.2, 10.8, 100


def read_csv(path, classification):
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    data = torch.tensor([[float(v) for v in r] for r in rows])
    x, y = data[:, :-1].contiguous(), data[:, -1:].contiguous()
    return (x, y.view(-1).long()) if classification else (x, y)


def cell_dirs(run_dir):
    cells = sorted(os.listdir(os.path.join(run_dir, "cells")))
    return [c for c in cells if "@" not in c]


def data_dir(run_dir, cell):
    own = os.path.join(run_dir, "data", cell)
    return own if os.path.isdir(own) else os.path.join(run_dir, "data")


class Polynomial(torch.nn.Module):
    def __init__(self, spec):
        super().__init__()
        self.degree, self.basis = spec["degree"], spec.get("basis", "legendre")
        self.scale = spec.get("scale_input", True)
        self.linear = torch.nn.Linear(self.degree, 1)
        self.register_buffer("x_min", torch.tensor(float(spec.get("x_min", 0.0))))
        self.register_buffer("x_max", torch.tensor(float(spec.get("x_max", 1.0))))
        self._features = {}  # id(x) -> (x, its features): the splits are the same tensors every epoch

    def features(self, x):
        hit = self._features.get(id(x))
        if hit is not None and hit[0] is x:
            return hit[1]
        phi = self._compute_features(x)
        self._features[id(x)] = (x, phi)
        return phi

    def _compute_features(self, x):
        u = 2 * (x - self.x_min) / (self.x_max - self.x_min) - 1 if self.scale else x
        cols, prev, cur = [], torch.ones_like(u), u
        for k in range(1, self.degree + 1):
            if self.basis == "legendre":
                cols.append(cur)
                prev, cur = cur, ((2 * k + 1) * u * cur - k * prev) / (k + 1)
            else:
                cols.append(u ** k)
        return torch.cat(cols, dim=1)

    def forward(self, x):
        return self.linear(self.features(x))


def build(spec, state):
    if spec["kind"] == "polynomial":
        model = Polynomial(spec)
    else:
        names = sorted({k.split(".")[0] for k in state if k.endswith(".weight")}, key=int)
        act = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}[spec["activation"]]
        modules = {}
        last = int(names[-1])
        for i in range(last + 1):
            if str(i) in names:
                w = state[str(i) + ".weight"]
                modules[str(i)] = torch.nn.Linear(w.shape[1], w.shape[0])
            elif i < last:
                modules[str(i)] = act()
        model = torch.nn.Sequential(*[modules[str(i)] for i in range(last + 1)])
    model.load_state_dict(state)
    return model


def save(obj, path):
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def train_cell(run_dir, cell, cfg, out):
    spec_ckpt = torch.load(os.path.join(run_dir, "cells", cell, "checkpoints", "epoch-0000.pth"))
    spec = spec_ckpt["model_spec"]
    classification = cfg["data"]["kind"] != "regression1d"
    splits = {s: read_csv(os.path.join(data_dir(run_dir, cell), s + ".csv"), classification)
              for s in ("train", "validation", "test")}
    model = build(spec, spec_ckpt["model_state_dict"])
    loss_fn = torch.nn.CrossEntropyLoss() if classification else torch.nn.MSELoss()
    t = cfg["training"]
    folder = os.path.join(out, "cells", cell)
    os.makedirs(os.path.join(folder, "checkpoints"), exist_ok=True)
    x, y = splits["train"]
    lstsq = t["optimizer"] == "lstsq"
    epochs = 1 if lstsq else t["epochs"]
    every = cfg["checkpoint"]["every"]
    patience = cfg["early_stopping"]["patience"]
    if lstsq:
        optimizer = None
    elif t["optimizer"] == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=t["lr"], momentum=t["momentum"])
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=t["lr"], betas=tuple(t["betas"]), eps=t["eps"])
    history = []
    best, best_epoch, waited = math.inf, -1, 0
    metrics = open(os.path.join(folder, "metrics.csv"), "w")
    metrics.write("epoch,train_loss,validation_loss,test_loss,lr,seconds\n")
    start = time.perf_counter()

    def evaluate(epoch):
        nonlocal best, best_epoch, waited
        model.eval()
        with torch.no_grad():
            losses = [loss_fn(model(sx), sy).item() for sx, sy in splits.values()]
        history.append(losses)
        metrics.write("%d,%r,%r,%r,%r,%r\n" % (epoch, *losses, t.get("lr", 0.0), time.perf_counter() - start))
        state = {"epoch": epoch, "model_state_dict": model.state_dict(),
                 "optimizer_state_dict": optimizer.state_dict() if optimizer else {}, "loss": losses[0],
                 "train_loss": losses[0], "validation_loss": losses[1], "test_loss": losses[2], "config": cfg}
        if epoch % every == 0 or epoch == epochs:
            save(state, os.path.join(folder, "checkpoints", "epoch-%04d.pth" % epoch))
        if losses[1] < best:
            best, best_epoch, waited = losses[1], epoch, 0
            save(state, os.path.join(folder, "best.pth"))
        else:
            waited += 1  # action: mark — the patience point is recorded, training goes on
        if epoch == epochs:
            save(state, os.path.join(folder, "last.pth"))

    evaluate(0)
    for epoch in range(1, epochs + 1):
        model.train()
        if lstsq:
            with torch.no_grad():
                phi = model.features(x)
                a = torch.cat([phi, torch.ones(len(x), 1)], dim=1)
                sol = torch.linalg.lstsq(a, y).solution
                model.linear.weight.copy_(sol[:-1].T)
                model.linear.bias.copy_(sol[-1])
        else:
            optimizer.zero_grad()
            loss_fn(model(x), y).backward()
            optimizer.step()
        evaluate(epoch)
    metrics.close()
    return model, splits, history, best_epoch, epochs


def loss_chart(cell, history, best_epoch, path):
    fig, ax = plt.subplots(figsize=(W, H), dpi=DPI)
    epochs = range(len(history))
    for i, name in enumerate(("train", "validation", "test")):
        ax.plot(epochs, [h[i] for h in history], label=name)
    ax.axvline(best_epoch, color="k", linestyle="--", label="best epoch")
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    ax.set_title(cell)
    ax.legend()
    for ext in ("png", "svg"):
        fig.savefig(path + "." + ext)
    plt.close(fig)


def capacity_chart(cells, results, path):
    fig, ax = plt.subplots(figsize=(W, H), dpi=DPI)
    xs = list(range(len(cells)))
    for i, name in enumerate(("train", "validation", "test")):
        ax.plot(xs, [r[2][r[3]][i] for r in results], marker="o", label=name)
    ax.set_xticks(xs)
    ax.set_xticklabels(cells, rotation=30)
    ax.set_yscale("log")
    ax.legend()
    for ext in ("png", "svg"):
        fig.savefig(path + "." + ext)
    plt.close(fig)


def fits_chart(cells, results, classification, path):
    if classification:
        cols = min(len(cells), 4)
        rows = (len(cells) + cols - 1) // cols
        fig, axes = plt.subplots(rows, cols, figsize=(W, H), dpi=DPI, squeeze=False)
        for ax, cell, (model, splits, *_rest) in zip(axes.flat, cells, results):
            x, y = splits["train"]
            lo, hi = x.min(0).values - 0.5, x.max(0).values + 0.5
            gx, gy = torch.meshgrid(torch.linspace(lo[0], hi[0], 200), torch.linspace(lo[1], hi[1], 200), indexing="ij")
            with torch.no_grad():
                p = torch.softmax(model(torch.stack([gx.reshape(-1), gy.reshape(-1)], 1)), 1).max(1)
            ax.contourf(gx, gy, ((p.indices * 2 - 1) * p.values).view(200, 200), levels=20, cmap="RdBu")
            ax.scatter(x[:, 0], x[:, 1], c=y, s=8, cmap="coolwarm")
            ax.set_title(cell)
    else:
        fig, ax = plt.subplots(figsize=(W, H), dpi=DPI)
        x, y = results[0][1]["train"]
        ax.scatter(x.view(-1), y.view(-1), color="k", s=12, label="train")
        grid = torch.linspace(float(x.min()), float(x.max()), 1000).view(-1, 1)
        for cell, (model, *_rest) in zip(cells, results):
            with torch.no_grad():
                ax.plot(grid.view(-1), model(grid).view(-1), label=cell)
        ax.legend()
    for ext in ("png", "svg"):
        fig.savefig(path + "." + ext)
    plt.close(fig)


def main():
    run_dir, out = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    with open(os.path.join(run_dir, "experiment.yaml")) as f:
        cfg = yaml.safe_load(f)
    cells = cell_dirs(run_dir)
    results = [train_cell(run_dir, c, cfg, out) for c in cells]
    charts = os.path.join(out, "report", "charts")
    os.makedirs(charts, exist_ok=True)
    for cell, (_m, _s, history, best_epoch, _e) in zip(cells, results):
        loss_chart(cell, history, best_epoch, os.path.join(charts, "loss-" + cell))
    capacity_chart(cells, results, os.path.join(charts, "capacity"))
    fits_chart(cells, results, cfg["data"]["kind"] != "regression1d", os.path.join(charts, "fits"))
    print("torch-lesson %d %d %.3f" % (len(cells), sum(r[4] for r in results), time.perf_counter() - start))


if __name__ == "__main__":
    main()
