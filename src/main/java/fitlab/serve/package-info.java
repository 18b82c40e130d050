/**
 * {@code fitlab serve}: the live lab on a local web page. Thin HTTP handlers over the same services the command
 * line uses ({@code RunService}, {@code ContinueService}, {@code VerifyService}, {@code ReportService}); the server adds
 * only what a browser needs: a queue of runs, live progress in batches, fit snapshots, and the classroom safety
 * checks (Host/Origin, downloads by id, limits). Uses {@code experiment} and {@code report}; only {@code cli} uses it.
 */
package fitlab.serve;
