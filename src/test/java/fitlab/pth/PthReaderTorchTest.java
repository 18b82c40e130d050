package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.testsupport.PyTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files PyTorch writes at test time are read value for value (compared through {@link Describe}). */
class PthReaderTorchTest {
    @TempDir
    static Path dir;

    private static final String FILES = """
            torch.manual_seed(0)
            def save(name, obj, **kw):
                torch.save(obj, name + '.pth', **kw)
                with open(name + '.json', 'w') as f:
                    json.dump(describe(obj), f)
            mlp = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
            save('sd_mlp32', mlp.state_dict())
            save('sd_mlp64', mlp.double().state_dict())
            poly = torch.nn.Module(); poly.linear = torch.nn.Linear(5, 1).double()
            poly.register_buffer('mean', torch.tensor(0.5, dtype=torch.float64))
            save('sd_poly', poly.state_dict())
            x = torch.randn(16, 2, dtype=torch.float64); y = x.sum(1, keepdim=True)
            def train(opt):
                for _ in range(3):
                    opt.zero_grad(); torch.nn.functional.mse_loss(mlp(x), y).backward(); opt.step()
                return opt.state_dict()
            sgd = train(torch.optim.SGD(mlp.parameters(), lr=0.1, momentum=0.9))
            adam = train(torch.optim.Adam(mlp.parameters(), lr=0.01))
            ckpt = {'epoch': 5, 'model_state_dict': mlp.state_dict(), 'optimizer_state_dict': adam,
                    'sgd': sgd, 'loss': 0.25, 'history': [1, 2.0, 'a', None, True], 'pair': (1, 2),
                    'big': 2**70, 'neg': -7, 'negbig': -2**65, 'big32': 70000, 'text': 'grüße', 'empty_list': [], 'empty_dict': {}}
            save('ckpt', ckpt)
            save('ckpt_p4', ckpt, pickle_protocol=4)
            save('ckpt_p5', ckpt, pickle_protocol=5)
            base = torch.arange(12, dtype=torch.float32).view(3, 4)
            views = {'base': base, 't': base.t(), 'row': base[1], 'col': base[:, 2], 'block': base[1:, 1:3], 'step': base.view(-1)[::5]}
            save('views', views)
            w = torch.nn.Parameter(torch.randn(3, 3))
            tied = torch.nn.Sequential(torch.nn.Linear(3, 3, bias=False), torch.nn.Linear(3, 3, bias=False))
            tied[1].weight = tied[0].weight
            save('tied', {'sd': tied.state_dict(), 'p': w, 'same': [w, w]})
            save('edge', {'scalar': torch.tensor(3.5), 'int_scalar': torch.tensor(7), 'empty': torch.zeros(0),
                          'empty3': torch.zeros(2, 0, 3, dtype=torch.float64), 'grad': torch.ones(2, requires_grad=True)})
            dtypes = {str(d): (torch.arange(-3, 5).to(d) if d != torch.bool else torch.tensor([True, False, True]))
                      for d in [torch.float64, torch.float32, torch.float16, torch.bfloat16, torch.int64, torch.int32,
                                torch.int16, torch.int8, torch.uint8, torch.bool]}
            dtypes['torch.float16_frac'] = torch.tensor([0.1, -2.5e-6, 65504.0], dtype=torch.float16)
            dtypes['torch.bfloat16_frac'] = torch.tensor([0.1, -3e38, 1e-30], dtype=torch.bfloat16)
            save('dtypes', dtypes)
            save('legacy', {'ckpt': ckpt, 'views': views, 'dtypes': dtypes, 'tied': tied.state_dict()}, _use_new_zipfile_serialization=False)
            torch.save(mlp.float(), 'whole.pth')
            print('ok')
            """;

    @BeforeAll
    static void writeFilesWithTorch() {
        PyTorch.runOk(Describe.PYTHON + FILES, dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sd_mlp32", "sd_mlp64", "sd_poly", "ckpt", "ckpt_p4", "ckpt_p5", "views", "tied", "edge", "dtypes", "legacy"})
    void readsWhatTorchWroteValueForValue(String name) throws Exception {
        Object value = PthReader.read(dir.resolve(name + ".pth"));
        assertEquals(Describe.parse(Files.readString(dir.resolve(name + ".json"))), Describe.of(value));
    }

    @Test
    void checkpointHasIntOptimizerKeysAndLegacyFormatIsReported() {
        @SuppressWarnings("unchecked")
        Map<Object, Object> ckpt = (Map<Object, Object>) PthReader.read(dir.resolve("ckpt.pth"));
        @SuppressWarnings("unchecked")
        Map<Object, Object> state = (Map<Object, Object>) ((Map<Object, Object>) ckpt.get("optimizer_state_dict")).get("state");
        assertEquals(Set.of(0L, 1L, 2L, 3L), state.keySet());
        assertTrue(((Map<?, ?>) state.get(0L)).get("exp_avg") instanceof Tensor);
        assertTrue(ckpt.get("model_state_dict") instanceof OrderedDict);
        assertEquals("legacy", PthReader.readFile(dir.resolve("legacy.pth"), ReadOptions.weightsOnly()).format());
        PthFile zip = PthReader.readFile(dir.resolve("ckpt.pth"), ReadOptions.weightsOnly());
        assertEquals("zip", zip.format());
        assertTrue(zip.globals().contains("torch._utils._rebuild_tensor_v2"), zip.globals().toString());
    }

    @Test
    void viewsAndTiedWeightsShareOneStorage() {
        Map<?, ?> views = (Map<?, ?>) PthReader.read(dir.resolve("views.pth"));
        Tensor base = (Tensor) views.get("base");
        Tensor t = (Tensor) views.get("t");
        assertSame(base.storage(), t.storage());
        assertEquals(List.of(1L, 4L), List.of(t.stride()[0], t.stride()[1]));
        Map<?, ?> tied = (Map<?, ?>) ((Map<?, ?>) PthReader.read(dir.resolve("tied.pth"))).get("sd");
        assertSame(((Tensor) tied.get("0.weight")).storage(), ((Tensor) tied.get("1.weight")).storage());
    }

    @Test
    void wholeModuleNeedsItsClassesAllowedAndThenIsInertData() {
        PthFormatException e = assertThrows(PthFormatException.class, () -> PthReader.read(dir.resolve("whole.pth")));
        assertTrue(e.getMessage().contains("torch.nn.modules.container.Sequential"), e.getMessage());
        assertTrue(e.getMessage().contains("whole.pth"), e.getMessage());
        PyObject seq = (PyObject) PthReader.read(dir.resolve("whole.pth"), name -> name.startsWith("torch.nn.modules."));
        assertEquals("torch.nn.modules.container.Sequential", seq.className());
        PyObject linear = (PyObject) ((Map<?, ?>) seq.state().get("_modules")).get("0");
        assertEquals(8L, linear.state().get("out_features"));
        Tensor weight = (Tensor) ((Map<?, ?>) linear.state().get("_parameters")).get("weight");
        assertTrue(weight.isParameter() && weight.requiresGrad());
        assertFalse(((Map<?, ?>) seq.state().get("_modules")).isEmpty());
    }
}
