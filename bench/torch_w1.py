"""PyTorch side of the fitlab benchmark: the same cell as fitlab's, epoch by epoch, in float64.

Reads a finished fitlab run folder (its data/*.csv and the cell's epoch-0000.pth) so both sides train the same
network from the same initial weights on the same data, and every epoch does what fitlab's CellRunner does:
one full-batch Adam step, eval-mode loss on train/validation/test, a metrics.csv line, and torch.save of the
same checkpoint dict (the fitlab epoch-0000 dict as template, with live model/optimizer state and metrics)
written atomically (temp file in the same folder, then os.replace).

usage: /usr/bin/python3 bench/torch_w1.py RUN_DIR CELL_ID EPOCHS THREADS|default OUT_DIR
prints one line: torch <threads> <ms/epoch> <final train loss>
"""
import csv
import os
import sys
import time

import torch


def read_csv(path):
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    data = torch.tensor([[float(v) for v in r] for r in rows], dtype=torch.float64)
    return data[:, :-1].contiguous(), data[:, -1:].contiguous()


def main():
    run_dir, cell, epochs, threads, out_dir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    if threads != "default":
        torch.set_num_threads(int(threads))
    os.makedirs(out_dir, exist_ok=True)
    template = torch.load(os.path.join(run_dir, "cells", cell, "checkpoints", "epoch-0000.pth"))
    splits = {s: read_csv(os.path.join(run_dir, "data", s + ".csv")) for s in ("train", "validation", "test")}
    layers = template["model_spec"]["layers"]
    act = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}[template["model_spec"]["activation"]]
    modules = []
    for i in range(len(layers) - 1):
        modules.append(torch.nn.Linear(layers[i], layers[i + 1]))
        if i < len(layers) - 2:
            modules.append(act())
    model = torch.nn.Sequential(*modules).double()
    model.load_state_dict(template["model_state_dict"])
    lr = template["config"]["training"]["lr"]
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = torch.nn.MSELoss()
    x, y = splits["train"]
    metrics_path = os.path.join(out_dir, "metrics.csv")
    with open(metrics_path, "w") as f:
        f.write("epoch,train_loss,validation_loss,test_loss,lr,seconds\n")
    start = time.perf_counter()
    train_loss = float("nan")
    for epoch in range(1, epochs + 1):
        model.train()
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        model.eval()
        with torch.no_grad():
            losses = {s: loss_fn(model(sx), sy).item() for s, (sx, sy) in splits.items()}
        train_loss = losses["train"]
        seconds = time.perf_counter() - start
        with open(metrics_path, "a") as f:
            f.write(f"{epoch},{losses['train']!r},{losses['validation']!r},{losses['test']!r},{lr!r},{seconds!r}\n")
        checkpoint = dict(template)
        checkpoint["epoch"] = epoch
        checkpoint["model_state_dict"] = model.state_dict()
        checkpoint["optimizer_state_dict"] = optimizer.state_dict()
        checkpoint["loss"] = losses["train"]
        checkpoint["train_loss"] = losses["train"]
        checkpoint["validation_loss"] = losses["validation"]
        checkpoint["test_loss"] = losses["test"]
        final = os.path.join(out_dir, "epoch-%04d.pth" % epoch)
        tmp = os.path.join(out_dir, ".epoch-%04d.pth.tmp" % epoch)
        torch.save(checkpoint, tmp)
        os.replace(tmp, final)
    elapsed = time.perf_counter() - start
    print("torch %s %.4f %.17g" % (torch.get_num_threads(), elapsed * 1e3 / epochs, train_loss))


if __name__ == "__main__":
    main()
