package fitlab.config;

/** Gradient-based optimizers with PyTorch semantics, or {@code lstsq}: the closed-form fit (polynomials only). */
public enum OptimizerKind { SGD, ADAM, ADAMW, LSTSQ }
