package fitlab.report;

/** A generating function as a teacher writes it on a slide: {@code cos(1.5*pi*x)} as {@code cos(1.5πx)}. */
final class Formulas {
    private Formulas() {}

    /** π for {@code pi} (with the products around it), a middle dot for any other {@code *}; the rest as written. */
    static String forPeople(String formula) {
        return formula.replaceAll("\\s*\\*?\\s*\\bpi\\b\\s*\\*?\\s*", "π").replace("*", "·");
    }
}
