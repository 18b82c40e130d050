package fitlab.model;

/**
 * The feature basis of a polynomial model. Legendre polynomials are orthogonal on [-1, 1], so on scaled
 * inputs their features are well conditioned and gradient descent converges; monomials are not.
 */
public enum Basis {
    MONOMIAL, LEGENDRE;

    /** The name used in configs and checkpoints: {@code monomial} or {@code legendre}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
