/**
 * The checkpoint dict (docs/architecture.md §4), whole-model files, rebuilding a model from a checkpoint, eval of a
 * .pth, initial weights read from a state_dict ({@code model.init}) and bit-for-bit equality of checkpoint values.
 */
package fitlab.checkpoint;
