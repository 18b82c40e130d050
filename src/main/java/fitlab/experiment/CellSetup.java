package fitlab.experiment;

import fitlab.config.Cell;
import fitlab.model.Model;
import fitlab.runfolder.CellFolder;
import fitlab.train.Loss;
import fitlab.train.stopping.EarlyStopping;

/**
 * A cell ready for its epoch loop, whether it starts fresh or was restored from a checkpoint: its config and data,
 * the folder it writes, and the model with its loss, how it is fitted and the early-stopping state.
 */
record CellSetup(Cell cell, CellData data, CellFolder folder, Recipe recipe, Model model, Loss loss, Fitting fitting,
                 EarlyStopping stopping) {}
