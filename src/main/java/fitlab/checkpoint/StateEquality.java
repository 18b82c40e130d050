package fitlab.checkpoint;

import fitlab.pth.PyTuple;
import fitlab.pth.Tensor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Deep equality of checkpoint values (maps, lists, numbers, tensors), numbers compared bit for bit. */
public final class StateEquality {
    private StateEquality() {}

    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Tensor x && b instanceof Tensor y) {
            return x.dtype() == y.dtype() && Arrays.equals(x.shape(), y.shape())
                    && Arrays.equals(bits(x.toDoubleArray()), bits(y.toDoubleArray()));
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PyTuple t) {
            a = t.items();
        }
        if (b instanceof PyTuple t) {
            b = t.items();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
        }
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Double) && !(b instanceof Double)) {
            return x.longValue() == y.longValue();
        }
        return a.equals(b);
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToLongBits(v[i]);
        }
        return out;
    }
}
