package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DictFieldsTest {
    private static final DictFields USER = new DictFields("model_spec", UserError::new);
    private static final DictFields STATE = new DictFields("early-stopping state", IllegalArgumentException::new);

    private static Map<String, Object> dict() {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", "mlp");
        m.put("degree", 7L);
        m.put("small", 3);
        m.put("big", BigInteger.valueOf(5));
        m.put("huge", BigInteger.TWO.pow(70));
        m.put("x", 0.5);
        m.put("flag", true);
        m.put("layers", List.of(1L, 2L));
        m.put("nested", Map.of("a", 1L));
        m.put("none", null);
        m.put("wide", 1L << 40);
        return m;
    }

    @Test
    void readsEachTypeTheUnpicklerGives() {
        Map<String, Object> m = dict();
        assertEquals("mlp", USER.string(m, "kind"));
        assertEquals(7L, USER.integer(m, "degree"));
        assertEquals(3L, USER.integer(m, "small"));
        assertEquals(5L, USER.integer(m, "big"));
        assertEquals(7, USER.intValue(m, "degree"));
        assertEquals(0.5, USER.number(m, "x"));
        assertEquals(7.0, USER.number(m, "degree"), "an integer is a number");
        assertTrue(USER.bool(m, "flag"));
        assertEquals(List.of(1L, 2L), USER.list(m, "layers"));
        assertEquals(Map.of("a", 1L), USER.mapping(m, "nested"));
        assertEquals(2.0, USER.numberValue(2L, "layers").doubleValue());
    }

    @Test
    void failuresNameTheDictTheKeyAndWhatWasThereInTheCallersException() {
        Map<String, Object> m = dict();
        UserError missing = assertThrows(UserError.class, () -> USER.string(m, "activation"));
        assertEquals("model_spec: missing key 'activation'", missing.getMessage());
        UserError wrong = assertThrows(UserError.class, () -> USER.integer(m, "x"));
        assertEquals("model_spec key 'x': expected an integer, got a Double 0.5", wrong.getMessage());
        assertThrows(UserError.class, () -> USER.integer(m, "huge"));
        assertThrows(UserError.class, () -> USER.number(m, "huge"), "a BigInteger beyond long is no double either");
        assertThrows(UserError.class, () -> USER.intValue(m, "wide"));
        assertEquals("model_spec key 'none': expected true or false, got None",
                assertThrows(UserError.class, () -> USER.bool(m, "none")).getMessage());
        assertThrows(UserError.class, () -> USER.mapping(m, "layers"));
        IllegalArgumentException state = assertThrows(IllegalArgumentException.class, () -> STATE.list(m, "kind"));
        assertEquals("early-stopping state key 'kind': expected a list, got a String mlp", state.getMessage());
        assertThrows(IllegalArgumentException.class, () -> STATE.numberValue("x", "markers"));
    }
}
