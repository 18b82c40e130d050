package fitlab.experiment;

import fitlab.data.Dataset;
import fitlab.data.Splits;

/**
 * A cell's data: the splits as written to CSV (the training set as generated, before augmentation), the
 * training set it actually learns from (augmented, or the same), and what is known about its noise.
 *
 * @param dataDir    the folder holding its CSV files, relative to the run folder
 * @param noiseFloor σ² of the label noise when the data was generated from a known function, else null
 * @param classes    number of classes for classification, 0 for regression
 */
public record CellData(Splits splits, Dataset learnFrom, String dataDir, Double noiseFloor, int classes) {}
