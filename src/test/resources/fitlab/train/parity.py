# Trains small networks in PyTorch float64 and prints, as JSON with repr-exact floats, each case's
# initial weights, data and per-epoch losses, for fitlab's parity test to replay.
import json, sys
import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
EPOCHS = int(sys.argv[1])

ACTS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "gelu": torch.nn.GELU}


def mlp(layers, act):
    mods = []
    for i in range(len(layers) - 1):
        mods.append(torch.nn.Linear(layers[i], layers[i + 1]))
        if i < len(layers) - 2:
            mods.append(ACTS[act]())
    return torch.nn.Sequential(*mods)


def data(kind, n, seed):
    g = torch.Generator().manual_seed(seed)
    if kind == "regression":
        x = torch.rand(n, 1, generator=g) * 2 - 1
        y = torch.cos(2.5 * x[:, 0]) + 0.1 * torch.randn(n, generator=g)
        return x, y
    x = torch.randn(n, 2, generator=g)
    y = ((x[:, 0] * x[:, 1]) > 0).to(torch.float64)
    return x, y


def optimizer(spec, params):
    kind = spec["kind"]
    if kind == "sgd":
        return torch.optim.SGD(params, lr=spec["lr"], momentum=spec.get("momentum", 0.0),
                               nesterov=spec.get("nesterov", False), weight_decay=spec.get("wd", 0.0))
    cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
    return cls(params, lr=spec["lr"], weight_decay=spec.get("wd", 0.0), amsgrad=spec.get("amsgrad", False))


def run(case):
    torch.manual_seed(case["seed"])
    model = mlp(case["layers"], case["act"])
    x, y = data("regression" if case["loss"] == "mse" else "classes", case["n"], case["seed"] + 100)
    init = {k: v.flatten().tolist() for k, v in model.state_dict().items()}
    opt = optimizer(case["opt"], model.parameters())
    if case["loss"] == "mse":
        lossf = lambda out, t: torch.nn.functional.mse_loss(out[:, 0], t)
    elif case["loss"] == "bce":
        lossf = lambda out, t: torch.nn.functional.binary_cross_entropy_with_logits(out[:, 0], t)
    else:
        lossf = lambda out, t: torch.nn.functional.cross_entropy(out, t.long())
    n = case["n"]
    batch = case["batch"] or n
    l1 = case.get("l1", 0.0)
    train_losses, eval_losses = [], []
    for _ in range(EPOCHS):
        model.train()
        total = 0.0
        for start in range(0, n, batch):
            xb, yb = x[start:start + batch], y[start:start + batch]
            opt.zero_grad()
            loss = lossf(model(xb), yb)
            objective = loss
            if l1 > 0:
                objective = loss + l1 * sum(p.abs().sum() for p in model.parameters())
            objective.backward()
            opt.step()
            total += loss.item() * len(xb)
        train_losses.append(total / n)
        model.eval()
        with torch.no_grad():
            eval_losses.append(lossf(model(x), y).item())
    return {"init": init, "x": x.flatten().tolist(), "y": y.tolist(),
            "train_losses": train_losses, "eval_losses": eval_losses}


cases = json.loads(sys.stdin.read() if len(sys.argv) < 3 else open(sys.argv[2]).read())
print(json.dumps({name: run(case) for name, case in cases.items()}))
