package fitlab.config;

public enum ModelKind { POLYNOMIAL, MLP }
