package fitlab.config;

public enum ActivationKind { RELU, TANH, SIGMOID, GELU }
