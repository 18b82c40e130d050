/**
 * {@code fitlab merge}: joins shard folders of one sweep into the run folder the unsharded run would have written,
 * and joins runs of one lesson that differ only in {@code seed} (one per student) into a class run. Only reads the
 * inputs; writes nothing until every check has passed.
 */
package fitlab.merge;
