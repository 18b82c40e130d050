/** The run folder, the sweep runner, resume and verify: orchestration of a run from config to files. */
package fitlab.experiment;
