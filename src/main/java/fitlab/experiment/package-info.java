/**
 * Orchestration of a run from config to files: preflight and budget, data, the sweep runner and each cell's
 * training, finishing an interrupted run, continuing a finished cell, verify, and the after-sweep checks.
 */
package fitlab.experiment;
