/** The checkpoint dict (docs/architecture.md §4), whole-model files, rebuilding a model from a checkpoint, and eval of a .pth. */
package fitlab.checkpoint;
