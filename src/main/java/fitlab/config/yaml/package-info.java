/** YAML parsed into nodes that remember their file, line and column, for precise config errors. */
package fitlab.config.yaml;
