package fitlab.train;

import fitlab.UserError;
import fitlab.config.OptimizerKind;

/**
 * An optimizer and its hyper-parameters, with {@code torch.optim}'s defaults written here once:
 * SGD(momentum=0, dampening=0, nesterov=False, weight_decay=0); Adam(lr=1e-3, betas=(0.9, 0.999), eps=1e-8,
 * weight_decay=0, amsgrad=False); AdamW the same but weight_decay=1e-2 (decoupled).
 * Build one with {@link #defaults(OptimizerKind, double)} and adjust it with the {@code with...} methods.
 */
public record OptimizerSpec(OptimizerKind kind, double lr, double momentum, double dampening, boolean nesterov,
                            double weightDecay, double beta1, double beta2, double eps, boolean amsgrad) {

    public static final double ADAM_LR = 1e-3;
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;
    public static final double ADAMW_WEIGHT_DECAY = 1e-2;

    public OptimizerSpec {
        if (kind == null || kind == OptimizerKind.LSTSQ) {
            throw new UserError("optimizer kind must be sgd, adam or adamw (the closed-form lstsq fit has no optimizer)");
        }
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new UserError("optimizer lr must be a finite number >= 0, got " + lr);
        }
        if (!(momentum >= 0) || !(weightDecay >= 0) || !(eps >= 0)) {
            throw new UserError("optimizer momentum, weight_decay and eps must be >= 0, got " + momentum + ", " + weightDecay + ", " + eps);
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new UserError("nesterov momentum requires a momentum > 0 and zero dampening (as in torch.optim.SGD)");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new UserError("optimizer betas must be in [0, 1), got (" + beta1 + ", " + beta2 + ")");
        }
    }

    /** torch.optim's defaults for {@code kind} with learning rate {@code lr}. */
    public static OptimizerSpec defaults(OptimizerKind kind, double lr) {
        double wd = kind == OptimizerKind.ADAMW ? ADAMW_WEIGHT_DECAY : 0.0;
        return new OptimizerSpec(kind, lr, 0.0, 0.0, false, wd, BETA1, BETA2, EPS, false);
    }

    public OptimizerSpec withWeightDecay(double value) {
        return new OptimizerSpec(kind, lr, momentum, dampening, nesterov, value, beta1, beta2, eps, amsgrad);
    }

    public OptimizerSpec withMomentum(double value, double dampeningValue, boolean nesterovValue) {
        return new OptimizerSpec(kind, lr, value, dampeningValue, nesterovValue, weightDecay, beta1, beta2, eps, amsgrad);
    }

    public OptimizerSpec withBetas(double b1, double b2) {
        return new OptimizerSpec(kind, lr, momentum, dampening, nesterov, weightDecay, b1, b2, eps, amsgrad);
    }

    public OptimizerSpec withEps(double value) {
        return new OptimizerSpec(kind, lr, momentum, dampening, nesterov, weightDecay, beta1, beta2, value, amsgrad);
    }

    public OptimizerSpec withAmsgrad(boolean value) {
        return new OptimizerSpec(kind, lr, momentum, dampening, nesterov, weightDecay, beta1, beta2, eps, value);
    }
}
