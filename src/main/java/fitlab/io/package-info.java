/**
 * Crash-safe file writing shared by every stage that writes into a run folder, and the CSV tables they write
 * (datasets, summary.csv) with Tablesaw's bytes.
 */
package fitlab.io;
