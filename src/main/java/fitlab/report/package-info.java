/** Charts, written diagnosis and the HTML report, drawn from a run folder alone (the reporter never trains). */
package fitlab.report;
