package fitlab.model;

import fitlab.UserError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A polynomial in one input: ŷ = b + Σ_{k=1..d} w_k·φ_k(u). With {@code scaleInput}, u = 2(x − xMin)/(xMax − xMin) − 1
 * maps the data range onto [-1, 1]; without it u = x. φ_k is u^k ({@link Basis#MONOMIAL}) or the Legendre
 * polynomial P_k(u) ({@link Basis#LEGENDRE}). Monomials of raw, badly scaled inputs are so ill-conditioned
 * that gradient descent underfits them, which is itself a lesson.
 */
public record PolynomialSpec(int degree, Basis basis, boolean scaleInput, double xMin, double xMax) implements ModelSpec {

    public PolynomialSpec {
        if (degree < 1) {
            throw new UserError("model degree must be at least 1, got " + degree);
        }
        if (basis == null) {
            throw new UserError("model basis must be monomial or legendre");
        }
        if (scaleInput && !(xMax > xMin)) {
            throw new UserError("polynomial input scaling needs x_max > x_min, got [" + xMin + ", " + xMax + "]");
        }
    }

    /** The bias and one weight per degree. */
    @Override
    public long parameterCount() {
        return degree + 1L;
    }

    /** Maps an input to the polynomial's variable u. */
    public double scale(double x) {
        return scaleInput ? 2.0 * (x - xMin) / (xMax - xMin) - 1.0 : x;
    }

    /** Writes φ_1(u) .. φ_d(u) of input x into {@code out[offset .. offset+degree)}. */
    public void features(double x, double[] out, int offset) {
        double u = scale(x);
        if (basis == Basis.MONOMIAL) {
            double p = 1.0;
            for (int k = 0; k < degree; k++) {
                p *= u;
                out[offset + k] = p;
            }
        } else {
            double previous = 1.0; // P_0
            double current = u;    // P_1
            out[offset] = current;
            for (int n = 1; n < degree; n++) {
                double next = ((2 * n + 1) * u * current - n * previous) / (n + 1);
                previous = current;
                current = next;
                out[offset + n] = current;
            }
        }
    }

    @Override
    public int inputs() {
        return 1;
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "polynomial");
        m.put("degree", (long) degree);
        m.put("basis", basis.key());
        m.put("scale_input", scaleInput);
        m.put("x_min", xMin);
        m.put("x_max", xMax);
        return m;
    }

    static PolynomialSpec fromMap(Map<?, ?> map) {
        long degree = ModelSpec.FIELDS.integer(map, "degree");
        if (degree < 1 || degree > 10_000) {
            throw new UserError("model_spec key 'degree': expected 1..10000, got " + degree);
        }
        String basisKey = ModelSpec.FIELDS.string(map, "basis");
        Basis basis = switch (basisKey) {
            case "monomial" -> Basis.MONOMIAL;
            case "legendre" -> Basis.LEGENDRE;
            default -> throw new UserError("model_spec key 'basis': expected 'monomial' or 'legendre', got '" + basisKey + "'");
        };
        return new PolynomialSpec((int) degree, basis, ModelSpec.FIELDS.bool(map, "scale_input"),
                ModelSpec.FIELDS.number(map, "x_min"), ModelSpec.FIELDS.number(map, "x_max"));
    }
}
