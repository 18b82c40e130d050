package fitlab.train;

import fitlab.UserError;
import fitlab.data.Dataset;
import fitlab.model.ParameterSlot;
import fitlab.model.PolynomialModel;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The closed-form fit of a polynomial (optimizer {@code lstsq}): minimise the mean squared error over the
 * model's features [φ_1(u) .. φ_d(u), 1]. Householder QR when the design matrix has full column rank;
 * otherwise (more coefficients than points, or collinear features) the SVD's minimum-norm solution, with
 * singular values below max(n, d+1)·σ_max·ε treated as zero, as {@code numpy.linalg.lstsq} does.
 */
public final class LeastSquares {
    private LeastSquares() {}

    /** Fits {@code model} to {@code train} and writes the solution into its weight and bias. */
    public static void fit(PolynomialModel model, Dataset train) {
        if (train.features() != 1 || train.rows() == 0) {
            throw new UserError("lstsq needs a non-empty dataset with one input column, " + train.name() + " has "
                    + train.rows() + " rows and " + train.features() + " columns");
        }
        int n = train.rows();
        int d = model.spec().degree();
        double[] phi = new double[n * d];
        model.features(train.x(), n, phi);
        double[][] a = new double[n][d + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(phi, r * d, a[r], 0, d);
            a[r][d] = 1.0;
        }
        Array2DRowRealMatrix design = new Array2DRowRealMatrix(a, false);
        RealVector target = new ArrayRealVector(train.y(), true);
        SingularValueDecomposition svd = new SingularValueDecomposition(design);
        RealVector solution = (n >= d + 1 && svd.getRank() == d + 1)
                ? new QRDecomposition(design).getSolver().solve(target)
                : svd.getSolver().solve(target);
        double[] params = model.parameters();
        ParameterSlot weight = model.parameterSlots().get(0);
        ParameterSlot bias = model.parameterSlots().get(1);
        for (int k = 0; k < d; k++) {
            params[weight.offset() + k] = solution.getEntry(k);
        }
        params[bias.offset()] = solution.getEntry(d);
    }
}
