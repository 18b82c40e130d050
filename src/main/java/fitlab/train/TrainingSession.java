package fitlab.train;

import fitlab.UserError;
import fitlab.data.Dataset;
import fitlab.model.Model;
import fitlab.random.Rng;

/**
 * Trains a model epoch by epoch: mini-batches in order (or reshuffled each epoch from a seeded stream, like a
 * PyTorch {@code DataLoader}; the last batch may be smaller), forward, loss, backward, optional L1 term,
 * optimizer step. Nothing here is specific to the model: it only sees {@link Model}'s forward/backward and
 * flat parameter and gradient vectors, so polynomials and MLPs train through the same code.
 *
 * <p>The caller owns the loop over epochs (to evaluate, checkpoint and stop early between them).
 * All buffers are allocated once; an epoch allocates nothing. One session runs on one thread.
 */
public final class TrainingSession {
    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final TrainingOptions options;
    private final Dataset train;
    private final Rng shuffleStream;
    private final Rng dropoutStream;
    private final int batchSize;
    private final int[] order;
    private final double[] batchX;
    private final double[] batchY;
    private final double[] outputGradient;
    private int epoch;

    public TrainingSession(Model model, Loss loss, Optimizer optimizer, TrainingOptions options, Dataset train,
                           Rng shuffleStream, Rng dropoutStream) {
        if (train.features() != model.inputs()) {
            throw new UserError("dataset " + train.name() + " has " + train.features() + " input columns, the model expects " + model.inputs());
        }
        if (train.rows() == 0) {
            throw new UserError("dataset " + train.name() + " has no rows to train on");
        }
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.options = options;
        this.train = train;
        this.shuffleStream = shuffleStream;
        this.dropoutStream = dropoutStream;
        this.batchSize = options.batchSize() == 0 ? train.rows() : Math.min(options.batchSize(), train.rows());
        this.order = new int[train.rows()];
        this.batchX = new double[batchSize * train.features()];
        this.batchY = new double[batchSize];
        this.outputGradient = new double[batchSize * model.outputs()];
    }

    /** Continues a session from {@link #state()}; the model must already hold the weights saved with it. */
    public static TrainingSession restore(Model model, Loss loss, Optimizer optimizer, TrainingOptions options, Dataset train,
                                         SessionState state) {
        TrainingSession s = new TrainingSession(model, loss, optimizer, options, train,
                Rng.fromState(state.shuffleRng()), Rng.fromState(state.dropoutRng()));
        optimizer.loadStateDict(state.optimizerState());
        s.epoch = state.epoch();
        return s;
    }

    /** Epochs finished so far. */
    public int epoch() {
        return epoch;
    }

    public Model model() {
        return model;
    }

    /**
     * One pass over the training set. Returns the epoch's training loss: the mean over batches of each batch's
     * data loss (before its step, weighted by batch size, without the L1 term), as a PyTorch loop that
     * accumulates {@code loss.item() * len(batch)} reports it.
     */
    public double trainEpoch() {
        int n = train.rows();
        for (int i = 0; i < n; i++) {
            order[i] = i; // reset first, so an epoch's order depends only on the stream's state
        }
        if (options.shuffle()) {
            shuffleStream.shuffle(order);
        }
        boolean inOrderFullBatch = !options.shuffle() && batchSize == n;
        double[] params = model.parameters();
        double[] grads = model.gradients();
        double weighted = 0.0;
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            double[] x = inOrderFullBatch ? train.x() : gather(start, rows);
            double[] y = inOrderFullBatch ? train.y() : batchY;
            double[] out = model.forward(x, rows, true, dropoutStream);
            double batchLoss = loss.evaluate(out, y, rows, outputGradient);
            model.backward(outputGradient, rows);
            if (options.l1() > 0) {
                addL1Gradient(params, grads);
            }
            optimizer.step(params, grads);
            weighted += batchLoss * rows;
        }
        epoch++;
        return weighted / n;
    }

    private double[] gather(int start, int rows) {
        int f = train.features();
        double[] x = train.x();
        double[] y = train.y();
        for (int r = 0; r < rows; r++) {
            int src = order[start + r];
            System.arraycopy(x, src * f, batchX, r * f, f);
            batchY[r] = y[src];
        }
        return batchX;
    }

    /** d(l1·Σ|θ|)/dθ = l1·sign(θ) (0 at 0, as torch's abs backward). */
    private void addL1Gradient(double[] params, double[] grads) {
        double l1 = options.l1();
        for (int i = 0; i < params.length; i++) {
            grads[i] += l1 * Math.signum(params[i]);
        }
    }

    /** The mean loss (and accuracy for classification) of the model on {@code data}, in eval mode. */
    public EvalResult evaluate(Dataset data) {
        return Evaluation.of(model, loss, data);
    }

    /** A snapshot to continue from with {@link #restore}; save the model's state_dict with it. */
    public SessionState state() {
        return new SessionState(epoch, optimizer.stateDict(), shuffleStream.state(), dropoutStream.state());
    }
}
