/**
 * The run folder's files and formats (docs/architecture.md §3), read and written: its layout, the OS lock, metrics.csv,
 * summary.json/summary.csv, the fingerprint, shard/merge/class records, claims.csv and the checkpoint file list. It
 * holds no training: the report, claims, merge and serve read a run through it, and orchestration writes through it.
 */
package fitlab.runfolder;
