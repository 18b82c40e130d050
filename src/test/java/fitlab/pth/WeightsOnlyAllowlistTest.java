package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightsOnlyAllowlistTest {
    @Test
    void stateDictIsAllowedEverywhereAndFloatsOnlyFrom20() {
        var sd = WeightsOnlyAllowlist.checkFile(PthReaderErrorTest.tinyFile());
        assertTrue(sd.allowed() && sd.loadableIn113(), sd.toString());
        var floats = WeightsOnlyAllowlist.check(Pickler.pickle(Map.of("loss", 0.5)).pickle());
        assertTrue(floats.allowed() && !floats.loadableIn113(), floats.toString());
    }

    @Test
    void modulesProtocol4AndHostileGlobalsAreViolations() {
        var module = WeightsOnlyAllowlist.check(Pickler.pickle(TorchModules.sequential(List.of(TorchModules.relu()))).pickle());
        assertFalse(module.allowed());
        assertTrue(module.violations().toString().contains("torch.nn.modules.container.Sequential"), module.toString());
        var p4 = WeightsOnlyAllowlist.check("\u0080\u0004\u0095\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000N."
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(p4.violations().toString().contains("FRAME"), p4.toString());
        var os = WeightsOnlyAllowlist.check("\u0080\u0002cos\nsystem\n.".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(os.violations().contains("global os.system at byte 2"), os.toString());
    }
}
