/** Crash-safe file writing shared by every stage that writes into a run folder. */
package fitlab.io;
