/** Immutable records for an experiment; YAML loading with exact error positions, validation and sweep expansion. */
package fitlab.config;
