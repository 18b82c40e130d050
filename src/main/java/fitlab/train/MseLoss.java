package fitlab.train;

import fitlab.UserError;

/** {@code nn.MSELoss()}: mean over all outputs of (ŷ − y)²; gradient (ŷ − y)·(2/n) as torch's {@code mse_loss_backward}. */
public record MseLoss(int outputs) implements Loss {
    public MseLoss {
        if (outputs != 1) {
            throw new UserError("the mse loss needs a model with one output, this one has " + outputs);
        }
    }

    @Override
    public double evaluate(double[] out, double[] y, int rows, double[] gradient) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
            double d = out[r] - y[r];
            sum += d * d;
        }
        if (gradient != null) {
            double norm = 2.0 / rows;
            for (int r = 0; r < rows; r++) {
                gradient[r] = (out[r] - y[r]) * norm;
            }
        }
        return sum / rows;
    }

    @Override
    public boolean isClassification() {
        return false;
    }

    @Override
    public int correct(double[] outputs, double[] y, int rows) {
        throw new IllegalStateException("accuracy is undefined for regression");
    }
}
