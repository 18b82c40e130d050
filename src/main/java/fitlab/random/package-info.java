/** Seeded, resumable random streams, one per purpose and cell; the base every later stage draws from. */
package fitlab.random;
