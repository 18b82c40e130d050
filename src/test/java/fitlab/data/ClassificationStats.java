package fitlab.data;

/** Per-class counts and means of a 2-D classification set, for the generator tests. */
record ClassificationStats(int[] counts, double[] mean1, double[] mean2) {

    static ClassificationStats of(Dataset d, int classes) {
        int[] counts = new int[classes];
        double[] mean1 = new double[classes];
        double[] mean2 = new double[classes];
        for (int i = 0; i < d.rows(); i++) {
            int label = (int) d.y()[i];
            counts[label]++;
            mean1[label] += d.x(i, 0);
            mean2[label] += d.x(i, 1);
        }
        for (int k = 0; k < classes; k++) {
            mean1[k] /= counts[k];
            mean2[k] /= counts[k];
        }
        return new ClassificationStats(counts, mean1, mean2);
    }
}
