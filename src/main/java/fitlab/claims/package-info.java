/**
 * A lesson's claims ({@code claims:} in its YAML) checked against a finished run folder: each claim's verdict and the
 * numbers behind it go to {@code claims.csv}, which the report reads. Runs after {@code fitlab.report} because the
 * bias–variance claims are checked on the same decomposition the report draws.
 */
package fitlab.claims;
