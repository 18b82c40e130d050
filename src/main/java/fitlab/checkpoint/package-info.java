/** The checkpoint dict (DESIGN.md §5), per-epoch writing with retention, whole-model export, loading back into a Model. */
package fitlab.checkpoint;
