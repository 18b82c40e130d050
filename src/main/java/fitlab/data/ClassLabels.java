package fitlab.data;

import fitlab.random.Rng;

/**
 * The class of every row of a classification set, in random order, with exact class counts: for two classes
 * round(balance·n) rows of class 1 and the rest class 0; for more classes n/K each, the first n mod K classes
 * one more.
 */
final class ClassLabels {

    private ClassLabels() {}

    static int[] draw(int rows, int classes, double balance, Rng rng) {
        int[] counts = counts(rows, classes, balance);
        int[] labels = new int[rows];
        int row = 0;
        for (int label = 0; label < classes; label++) {
            for (int k = 0; k < counts[label]; k++) {
                labels[row++] = label;
            }
        }
        rng.shuffle(labels);
        return labels;
    }

    static int[] counts(int rows, int classes, double balance) {
        int[] counts = new int[classes];
        if (classes == 2) {
            counts[1] = (int) Math.round(balance * rows);
            counts[0] = rows - counts[1];
        } else {
            for (int label = 0; label < classes; label++) {
                counts[label] = rows / classes + (label < rows % classes ? 1 : 0);
            }
        }
        return counts;
    }
}
