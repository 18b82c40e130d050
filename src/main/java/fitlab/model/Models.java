package fitlab.model;

import fitlab.random.Rng;

/** Builds models with PyTorch's default initialisation. */
public final class Models {
    private Models() {}

    /**
     * A new model for {@code spec}, initialised as {@code nn.Linear} initialises itself: every weight and
     * bias uniform in ±1/√fan_in, where fan_in is the layer's input count (the degree for a polynomial).
     * Values are drawn from {@code init} layer by layer, weight (row-major) before bias.
     */
    public static Model create(ModelSpec spec, Rng init) {
        Model model = spec instanceof PolynomialSpec p ? new PolynomialModel(p) : new Mlp((MlpSpec) spec);
        double[] params = model.parameters();
        int fanIn = 0;
        for (ParameterSlot slot : model.parameterSlots()) {
            long[] shape = slot.shape();
            if (shape.length == 2) {
                fanIn = (int) shape[1]; // a weight [out, in]; its bias follows and shares the bound
            }
            double bound = 1.0 / Math.sqrt(fanIn);
            for (int i = 0; i < slot.length(); i++) {
                params[slot.offset() + i] = init.uniform(-bound, bound);
            }
        }
        return model;
    }
}
