package fitlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.testsupport.PyTorch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fitlab's erf and GELU against PyTorch's on a dense grid, measured in ulps. */
class ErfTest {
    static final String SCRIPT = """
            import torch
            x = torch.cat([torch.linspace(-7, 7, 20001, dtype=torch.float64),
                           torch.logspace(-300, 0.5, 2000, dtype=torch.float64)])
            e = torch.erf(x)
            g = torch.nn.functional.gelu(x * 2.0)
            for a, b, c in zip(x.tolist(), e.tolist(), g.tolist()):
                print(a.hex(), b.hex(), c.hex())
            """;

    @Test
    void erfWithinFourUlpsAndGeluWithin1e12OfTorch(@TempDir Path dir) {
        String out = PyTorch.runOk(SCRIPT, dir);
        long worstErf = 0;
        double worstGeluRel = 0;
        int count = 0;
        for (String line : out.strip().split("\n")) {
            String[] f = line.split(" ");
            double x = Double.parseDouble(f[0]);
            double erf = Double.parseDouble(f[1]);
            double gelu = Double.parseDouble(f[2]);
            worstErf = Math.max(worstErf, ulps(Erf.erf(x), erf));
            double ours = Activation.GELU.apply(x * 2.0);
            if (gelu != 0) {
                worstGeluRel = Math.max(worstGeluRel, Math.abs(ours - gelu) / Math.abs(gelu));
            } else {
                assertEquals(0.0, ours, 1e-300);
            }
            count++;
        }
        assertEquals(22001, count);
        System.out.printf("erf: worst %d ulps from torch.erf; gelu: worst relative %.3g%n", worstErf, worstGeluRel);
        assertTrue(worstErf <= 4, "erf differs from torch by " + worstErf + " ulps");
        assertTrue(worstGeluRel <= 1e-12, "gelu differs from torch by " + worstGeluRel + " relative");
    }

    static long ulps(double a, double b) {
        if (a == b) {
            return 0;
        }
        long ia = Double.doubleToLongBits(a);
        long ib = Double.doubleToLongBits(b);
        if ((ia < 0) != (ib < 0)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(ia - ib);
    }
}
