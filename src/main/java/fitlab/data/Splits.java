package fitlab.data;

/** The three splits of an experiment; the training set is the one the model learns from (after augmentation). */
public record Splits(Dataset train, Dataset validation, Dataset test) {}
