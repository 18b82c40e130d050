/** The checkpoint dict (docs/architecture.md §4), whole-model files, and rebuilding a model from a checkpoint. */
package fitlab.checkpoint;
