/**
 * Writing a cell's checkpoints while it trains: the asynchronous writer thread and the retention policy (which
 * epoch files are kept, best.pth and last.pth). Comes after the run folder, whose cell layout it writes into.
 */
package fitlab.experiment.checkpoints;
