package fitlab.claims;

/**
 * A claim checked against one run: whether it holds, what the run showed and what the claim needed, both in
 * numbers a reader can check against summary.csv or the charts.
 */
public record Verdict(boolean holds, String observed, String expected) {}
