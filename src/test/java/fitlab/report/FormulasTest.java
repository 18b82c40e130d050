package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormulasTest {
    @Test
    void piAndProductsAreWrittenAsOnASlide() {
        assertEquals("cos(1.5πx)", Formulas.forPeople("cos(1.5*pi*x)"));
        assertEquals("sin(3πx)", Formulas.forPeople("sin(3 * pi * x)"));
        assertEquals("x^2·exp(-x)", Formulas.forPeople("x^2*exp(-x)"));
        assertEquals("π", Formulas.forPeople("pi"));
        assertEquals("spline(x)", Formulas.forPeople("spline(x)"), "a name that merely contains 'pi' is left alone");
    }
}
