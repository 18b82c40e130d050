package fitlab.train;

import fitlab.UserError;

/**
 * {@code nn.CrossEntropyLoss()} over K logits per row: the stable log-softmax
 * log p_j = (z_j − max z) − log Σ e^(z_k − max z), then the mean negative log-likelihood of the target class.
 * Gradient (p_j − [j = y])/n, written as torch's log_softmax backward computes it.
 */
public record CrossEntropyLoss(int classes) implements Loss {
    public CrossEntropyLoss {
        if (classes < 2) {
            throw new UserError("the cross_entropy loss needs a model with at least 2 outputs, this one has " + classes);
        }
    }

    @Override
    public double evaluate(double[] out, double[] y, int rows, double[] gradient) {
        double sum = 0.0;
        double upstream = -1.0 / rows; // dLoss/dlogp at the target, as nll_loss backward gives it
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            int target = target(y[r], r);
            double max = out[row];
            for (int j = 1; j < classes; j++) {
                max = Math.max(max, out[row + j]);
            }
            double expSum = 0.0;
            for (int j = 0; j < classes; j++) {
                expSum += StrictMath.exp(out[row + j] - max);
            }
            double logSum = StrictMath.log(expSum);
            sum += -((out[row + target] - max) - logSum);
            if (gradient != null) {
                for (int j = 0; j < classes; j++) {
                    double logp = (out[row + j] - max) - logSum;
                    double g = j == target ? upstream : 0.0;
                    gradient[row + j] = g - StrictMath.exp(logp) * upstream;
                }
            }
        }
        return sum / rows;
    }

    private int target(double y, int row) {
        int t = (int) y;
        if (t != y || t < 0 || t >= classes) {
            throw new UserError("cross_entropy target of row " + row + " must be a class index 0.." + (classes - 1) + ", got " + y);
        }
        return t;
    }

    @Override
    public boolean isClassification() {
        return true;
    }

    @Override
    public int correct(double[] out, double[] y, int rows) {
        int hits = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (out[row + j] > out[row + best]) {
                    best = j;
                }
            }
            if (best == y[r]) {
                hits++;
            }
        }
        return hits;
    }
}
