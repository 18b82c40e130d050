package fitlab.config;

import fitlab.train.stopping.EarlyStoppingConfig;

/** One fully resolved experiment setting: what a single cell of a sweep trains. Every default is filled in. */
public record ExperimentConfig(
        String name,
        Question question,
        long seed,
        DataConfig data,
        ModelConfig model,
        TrainingConfig training,
        EarlyStoppingConfig earlyStopping,
        CheckpointConfig checkpoint,
        ReportConfig report) {}
