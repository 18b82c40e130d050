package fitlab.model;

import java.util.Locale;

/**
 * Element-wise activations of an MLP, each with its derivative written the way PyTorch's backward
 * kernels write it (so gradients agree to the last bits that matter).
 */
public enum Activation {
    RELU("ReLU"), TANH("Tanh"), SIGMOID("Sigmoid"), GELU("GELU");

    private static final double SQRT1_2 = 0.70710678118654752440;
    /** PyTorch's kBeta = M_2_SQRTPI * M_SQRT1_2 * 0.5, i.e. 1/sqrt(2π). */
    private static final double GELU_BETA = 1.12837916709551257390 * SQRT1_2 * 0.5;

    private final String torchClass;

    Activation(String torchClass) {
        this.torchClass = torchClass;
    }

    /** The name used in configs and checkpoints, e.g. {@code tanh}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code torch.nn} class name, e.g. {@code Tanh} (for whole-module files). */
    public String torchClass() {
        return torchClass;
    }

    public double apply(double x) {
        return switch (this) {
            case RELU -> x > 0 || Double.isNaN(x) ? x : 0.0; // NaN passes through, as in torch
            case TANH -> FastTanh.tanh(x); // within 2 ulps, and the same bits on every CPU (see FastTanh)
            case SIGMOID -> 1.0 / (1.0 + StrictMath.exp(-x));
            case GELU -> x * 0.5 * (1.0 + Erf.erf(x * SQRT1_2));
        };
    }

    /**
     * The gradient with respect to the input, given the upstream gradient {@code dy}, the input {@code x}
     * and the output {@code y = apply(x)}.
     */
    public double backward(double dy, double x, double y) {
        return switch (this) {
            case RELU -> y <= 0 ? 0.0 : dy;
            case TANH -> dy * (1.0 - y * y);
            case SIGMOID -> dy * (1.0 - y) * y;
            case GELU -> {
                double cdf = 0.5 * (1.0 + Erf.erf(x * SQRT1_2));
                double pdf = GELU_BETA * StrictMath.exp(x * x * -0.5);
                yield dy * (cdf + x * pdf);
            }
        };
    }

    /** Parses a config/checkpoint value such as {@code tanh}; null when unknown. */
    public static Activation fromKey(String key) {
        for (Activation a : values()) {
            if (a.key().equals(key)) {
                return a;
            }
        }
        return null;
    }
}
