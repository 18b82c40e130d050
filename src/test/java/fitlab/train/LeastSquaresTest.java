package fitlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.data.Dataset;
import fitlab.model.Basis;
import fitlab.model.Models;
import fitlab.model.PolynomialModel;
import fitlab.model.PolynomialSpec;
import fitlab.random.Rng;
import fitlab.testsupport.PyTorch;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The closed-form polynomial fit agrees with numpy.linalg.lstsq, including minimum-norm under-determined fits. */
class LeastSquaresTest {

    static final String SCRIPT = """
            import json, sys
            import numpy as np
            d = json.load(open(sys.argv[1]))
            x = np.array(d["x"]); y = np.array(d["y"])
            u = 2.0 * (x - d["x_min"]) / (d["x_max"] - d["x_min"]) - 1.0 if d["scale"] else x
            cols = []
            prev, cur = np.ones_like(u), u
            for k in range(1, d["degree"] + 1):
                if d["basis"] == "monomial":
                    cols.append(u ** k)
                else:
                    cols.append(cur)
                    prev, cur = cur, ((2 * k + 1) * u * cur - k * prev) / (k + 1)
            A = np.column_stack(cols + [np.ones_like(u)])
            sol = np.linalg.lstsq(A, y, rcond=None)[0]
            print(json.dumps(sol.tolist()))
            """;

    @ParameterizedTest(name = "{0} degree {1}, {2} points")
    @CsvSource({"LEGENDRE, 5, 30", "MONOMIAL, 3, 30", "LEGENDRE, 12, 8", "MONOMIAL, 6, 4", "LEGENDRE, 9, 10"})
    void matchesNumpy(Basis basis, int degree, int n, @TempDir Path dir) throws Exception {
        PyTorch.require();
        Rng rng = Rng.seeded(degree * 100L + n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.uniform(0, 1);
            y[i] = Math.cos(1.5 * Math.PI * x[i]) + 0.1 * rng.nextGaussian();
        }
        var spec = new PolynomialSpec(degree, basis, true, 0.0, 1.0);
        var model = (PolynomialModel) Models.create(spec, Rng.seeded(1));
        LeastSquares.fit(model, new Dataset("train", n, 1, x, y));

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("x", x);
        payload.put("y", y);
        payload.put("degree", degree);
        payload.put("basis", basis.key());
        payload.put("scale", true);
        payload.put("x_min", 0.0);
        payload.put("x_max", 1.0);
        Path file = dir.resolve("lstsq.json");
        ObjectMapper json = new ObjectMapper();
        json.writeValue(file.toFile(), payload);
        JsonNode numpy = json.readTree(PyTorch.runOk(SCRIPT, dir, file.toString()));

        double[] ours = model.parameters();
        assertEquals(degree + 1, numpy.size());
        double scale = 0;
        for (JsonNode v : numpy) {
            scale = Math.max(scale, Math.abs(v.asDouble()));
        }
        for (int k = 0; k <= degree; k++) {
            double theirs = numpy.get(k).asDouble();
            assertTrue(Math.abs(ours[k] - theirs) <= 1e-9 * Math.max(1, scale),
                    "coefficient " + k + ": fitlab " + ours[k] + ", numpy " + theirs);
        }
        if (degree + 1 > n) {
            // under-determined: the fit interpolates the points
            double[] fitted = model.predict(x, n);
            for (int i = 0; i < n; i++) {
                assertEquals(y[i], fitted[i], 1e-9);
            }
        }
    }
}
