"""Open fitlab run folders in real PyTorch.

fitlab trains in Java, in float64, and writes PyTorch-format checkpoints. This module rebuilds the models
those checkpoints describe as ordinary ``torch.nn`` modules and evaluates them the way fitlab does, so a
notebook can check fitlab's logged losses, continue training in PyTorch, or load a whole-model file.

The forward passes and losses repeat the Java code's floating-point operations in the same order
(sequential sums, the same Legendre recurrence), so float64 PyTorch reproduces fitlab's numbers to the
last bit or within a few ulps where only elementary functions (tanh, exp) differ.

Public API:
    PolynomialModel(degree, basis, scale_input, x_min, x_max)   the class whole-model files reference
    build_model(model_spec) -> nn.Module                         from a checkpoint's 'model_spec'
    load_checkpoint(path) -> dict                                a checkpoint dict, read by torch.load
    model_from_checkpoint(checkpoint) -> nn.Module               build_model + load_state_dict, eval mode
    read_split(csv_path) -> (X, y)                               float64 tensors [rows, features] and [rows]
    task_of(checkpoint) -> 'regression' | 'classification'
    evaluate(model, X, y, task) -> dict(loss=..., accuracy=...)  eval mode, whole split, fitlab's arithmetic
    read_metrics(csv_path) -> list of dicts                      a cell's metrics.csv, floats parsed exactly
    cell_split_paths(run_dir, cell_id) -> dict of split -> path  the CSV files a cell trained on
"""

import csv
import json
import os
from collections import OrderedDict

import torch
from torch import nn

__all__ = [
    "PolynomialModel", "OrderedLinear", "build_model", "load_checkpoint", "model_from_checkpoint",
    "read_split", "task_of", "evaluate", "read_metrics", "cell_split_paths",
]


def _ordered_affine(inputs, weight, bias):
    """out[r, j] = (sum over k in order of in[r, k] * W[j, k]) + b[j], as fitlab's Java loops compute it.

    A BLAS matmul blocks and fuses the products differently, which moves the last bits; this loop runs one
    multiply and one add per input feature, each a separate (unfused) float64 kernel, starting from 0.0.
    """
    total = torch.zeros(inputs.shape[0], weight.shape[0], dtype=inputs.dtype)
    for k in range(weight.shape[1]):
        total = total + inputs[:, k:k + 1] * weight[:, k]
    return total + bias


class OrderedLinear(nn.Linear):
    """``nn.Linear`` whose forward sums in fitlab's order; same parameters, same state_dict names.

    Used only where bit-exact reproduction matters (evaluation); training in the notebooks uses plain
    ``nn.Linear`` and autograd, which is what a PyTorch user would do.
    """

    def forward(self, inputs):
        return _ordered_affine(inputs, self.weight, self.bias)


class PolynomialModel(nn.Module):
    """y = b + sum_k w_k * phi_k(u), with u = 2 (x - x_min) / (x_max - x_min) - 1 when scale_input, else u = x.

    phi_k is u**k (basis 'monomial') or the Legendre polynomial P_k(u) (basis 'legendre'). The weights live
    in the child ``linear = nn.Linear(degree, 1)``; x_min and x_max are 0-dim float64 buffers (present only
    when scale_input). degree, basis and scale_input are plain attributes, so a whole-model file that
    pickles this class (module ``fitlab_torch``, class ``PolynomialModel``) restores them by name.
    """

    def __init__(self, degree, basis="legendre", scale_input=True, x_min=0.0, x_max=1.0):
        super().__init__()
        if basis not in ("legendre", "monomial"):
            raise ValueError("basis must be 'legendre' or 'monomial', got %r" % (basis,))
        self.degree = int(degree)
        self.basis = basis
        self.scale_input = bool(scale_input)
        self.linear = nn.Linear(self.degree, 1, dtype=torch.float64)
        if self.scale_input:
            self.register_buffer("x_min", torch.tensor(float(x_min), dtype=torch.float64))
            self.register_buffer("x_max", torch.tensor(float(x_max), dtype=torch.float64))

    def scale(self, x):
        """The polynomial's variable u for inputs x ([rows] or [rows, 1])."""
        if not self.scale_input:
            return x
        x_min = self.x_min.item()
        x_max = self.x_max.item()
        # Java: 2.0 * (x - xMin) / (xMax - xMin) - 1.0, left to right.
        return 2.0 * (x - x_min) / (x_max - x_min) - 1.0

    def features(self, x):
        """[rows, degree] matrix of phi_1(u) .. phi_d(u), by the same recurrence as fitlab's PolynomialSpec."""
        u = self.scale(x.reshape(-1))
        columns = []
        if self.basis == "monomial":
            p = torch.ones_like(u)
            for _ in range(self.degree):
                p = p * u
                columns.append(p)
        else:
            previous = torch.ones_like(u)  # P_0
            current = u                    # P_1
            columns.append(current)
            for n in range(1, self.degree):
                # Java: ((2 * n + 1) * u * current - n * previous) / (n + 1), with the ints widened to double
                nxt = ((2 * n + 1) * u * current - n * previous) / (n + 1)
                previous, current = current, nxt
                columns.append(current)
        return torch.stack(columns, dim=1)

    def forward(self, x):
        return _ordered_affine(self.features(x), self.linear.weight, self.linear.bias)

    def extra_repr(self):
        return "degree=%d, basis=%s, scale_input=%s" % (self.degree, self.basis, self.scale_input)


_ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "gelu": nn.GELU}


def build_model(model_spec, ordered=True):
    """A fresh float64 module for a checkpoint's 'model_spec' dict, with the state_dict names fitlab writes.

    MLP: nn.Sequential(Linear, activation, [Dropout], ..., Linear) -> 0.weight, 0.bias, 2.weight, ...
    Polynomial: PolynomialModel -> linear.weight, linear.bias [, x_min, x_max].
    ordered=True makes the MLP's linear layers sum in fitlab's order (OrderedLinear) for exact evaluation;
    ordered=False gives plain nn.Linear layers for ordinary PyTorch training.
    """
    kind = model_spec["kind"]
    if kind == "polynomial":
        return PolynomialModel(model_spec["degree"], model_spec["basis"], model_spec["scale_input"],
                               model_spec["x_min"], model_spec["x_max"])
    if kind == "mlp":
        sizes = [int(s) for s in model_spec["layers"]]
        activation = model_spec["activation"]
        if activation not in _ACTIVATIONS:
            raise ValueError("model_spec activation must be one of %s, got %r" % (sorted(_ACTIVATIONS), activation))
        dropout = float(model_spec["dropout"])
        linear = OrderedLinear if ordered else nn.Linear
        modules = []
        for i in range(len(sizes) - 1):
            modules.append(linear(sizes[i], sizes[i + 1], dtype=torch.float64))
            if i < len(sizes) - 2:
                modules.append(_ACTIVATIONS[activation]())
                if dropout > 0:
                    modules.append(nn.Dropout(dropout))
        return nn.Sequential(*modules)
    raise ValueError("model_spec kind must be 'polynomial' or 'mlp', got %r" % (kind,))


def load_checkpoint(path):
    """A fitlab checkpoint dict. weights_only=False: on torch 1.13 the safe loader rejects the dict's
    plain Python floats (pickle BINFLOAT); a bare state_dict file loads with weights_only=True."""
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    if not isinstance(checkpoint, dict) or checkpoint.get("fitlab_format") != 1:
        raise ValueError("%s is not a fitlab checkpoint (no 'fitlab_format': 1)" % (path,))
    return checkpoint


def model_from_checkpoint(checkpoint, ordered=True):
    """build_model(model_spec) with the checkpoint's weights loaded strictly, in eval mode."""
    model = build_model(checkpoint["model_spec"], ordered=ordered)
    model.load_state_dict(checkpoint["model_state_dict"], strict=True)
    return model.eval()


def read_split(csv_path):
    """(X [rows, features], y [rows]) float64 tensors of a fitlab data CSV (columns x,y or x1,x2,...,y).

    Python's float() rounds correctly, as Java's Double.parseDouble does, so the values are fitlab's bits.
    """
    with open(csv_path, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    if header[-1] != "y":
        raise ValueError("%s: expected the last column to be 'y', got header %s" % (csv_path, header))
    data = [[float(v) for v in row] for row in rows[1:] if row]
    table = torch.tensor(data, dtype=torch.float64).reshape(len(data), len(header))
    return table[:, :-1].contiguous(), table[:, -1].contiguous()


def task_of(checkpoint):
    """'classification' when the checkpoint logged accuracies (cross-entropy), else 'regression' (MSE)."""
    return "classification" if "train_accuracy" in checkpoint else "regression"


def _sequential_sum(values):
    """values[0] + values[1] + ... left to right, as a Java loop adds them (CPU cumsum accumulates in order)."""
    return torch.cumsum(values, dim=0)[-1].item()


def evaluate(model, X, y, task):
    """fitlab's eval-mode loss (and accuracy) of model on one whole split.

    regression: MSE = (sum of (out - y)^2 in row order) / rows.
    classification: cross-entropy with the stable log-softmax per row, summed in row order, / rows;
    accuracy = share of rows whose first largest logit is the target.
    """
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            out = model(X)
    finally:
        model.train(was_training)
    rows = X.shape[0]
    if task == "regression":
        d = out.reshape(-1) - y
        return {"loss": _sequential_sum(d * d) / rows}
    if task == "classification":
        target = y.long()
        classes = out.shape[1]
        peak = out[:, 0]
        for j in range(1, classes):
            peak = torch.maximum(peak, out[:, j])
        exp_sum = torch.zeros(rows, dtype=out.dtype)
        for j in range(classes):
            exp_sum = exp_sum + torch.exp(out[:, j] - peak)
        log_sum = torch.log(exp_sum)
        picked = out.gather(1, target.reshape(-1, 1)).reshape(-1)
        nll = -((picked - peak) - log_sum)
        correct = (torch.argmax(out, dim=1) == target).sum().item()
        return {"loss": _sequential_sum(nll) / rows, "accuracy": correct / rows}
    raise ValueError("task must be 'regression' or 'classification', got %r" % (task,))


def read_metrics(csv_path):
    """A cell's metrics.csv as a list of dicts (epoch as int, the rest as float)."""
    with open(csv_path, newline="") as f:
        return [{k: (int(v) if k == "epoch" else float(v)) for k, v in row.items()} for row in csv.DictReader(f)]


def cell_split_paths(run_dir, cell_id):
    """{'train': ..., 'validation': ..., 'test': ...} CSV paths of a cell, from its summary.json 'dataDir'."""
    with open(os.path.join(run_dir, "cells", cell_id, "summary.json")) as f:
        data_dir = json.load(f)["dataDir"]
    return OrderedDict((split, os.path.join(run_dir, data_dir, split + ".csv"))
                       for split in ("train", "validation", "test"))
