package fitlab.config;

/** Monomials u, u², ... or Legendre polynomials P1(u), P2(u), ... (well conditioned on [-1, 1]). */
public enum PolynomialBasis { MONOMIAL, LEGENDRE }
