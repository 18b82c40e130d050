package fitlab.experiment;

/** RFC 4180 quoting for the run folder's small hand-written CSV files: cell ids hold commas ({@code kind=moons,hidden=8}). */
final class CsvCells {
    private CsvCells() {}

    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
