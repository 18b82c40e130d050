/** Seeded data: 1-D regression and 2-D classification generators, augmentation, and CSV files of datasets. */
package fitlab.data;
