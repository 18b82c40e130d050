package fitlab.train;

import fitlab.UserError;

/**
 * {@code nn.BCEWithLogitsLoss()} for one logit z per row and y in {0, 1}, in torch's overflow-free form
 * ℓ = (1 − y)·z + m + log(e^(−m) + e^(−z−m)) with m = max(−z, 0); gradient (σ(z) − y)/n.
 */
public record BceWithLogitsLoss(int outputs) implements Loss {
    public BceWithLogitsLoss {
        if (outputs != 1) {
            throw new UserError("the bce_with_logits loss needs a model with one output, this one has " + outputs);
        }
    }

    @Override
    public double evaluate(double[] out, double[] y, int rows, double[] gradient) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            double z = out[r];
            double m = Math.max(-z, 0.0);
            sum += (1.0 - y[r]) * z + m + StrictMath.log(StrictMath.exp(-m) + StrictMath.exp(-z - m));
        }
        if (gradient != null) {
            for (int r = 0; r < rows; r++) {
                gradient[r] = (1.0 / (1.0 + StrictMath.exp(-out[r])) - y[r]) / rows;
            }
        }
        return sum / rows;
    }

    @Override
    public boolean isClassification() {
        return true;
    }

    @Override
    public int correct(double[] out, double[] y, int rows) {
        int hits = 0;
        for (int r = 0; r < rows; r++) {
            if ((out[r] > 0 ? 1.0 : 0.0) == y[r]) {
                hits++;
            }
        }
        return hits;
    }
}
