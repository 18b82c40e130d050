/** The run folder, the sweep runner, resume, verify and eval: orchestration of a run from config to files. */
package fitlab.experiment;
