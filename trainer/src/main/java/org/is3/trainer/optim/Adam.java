package org.is3.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Adam (Kingma and Ba), as {@code torch.optim.Adam} with no weight decay: m ← β1·m + (1−β1)·g,
 * v ← β2·v + (1−β2)·g², w ← w − lr·(m/(1−β1^t)) / (√(v/(1−β2^t)) + ε). Kept here rather than DJL's
 * optimiser so its moments and step count go into checkpoints and a resumed run continues exactly.
 */
public final class Adam {

    private final List<Parameter> parameters;
    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final NDArray[] m;
    private final NDArray[] v;
    private long t;

    public Adam(List<Parameter> parameters, float lr, NDManager manager) {
        this(parameters, lr, 0.9f, 0.999f, 1e-8f, manager);
    }

    public Adam(List<Parameter> parameters, float lr, float beta1, float beta2, float eps, NDManager manager) {
        this.parameters = List.copyOf(parameters);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        m = new NDArray[parameters.size()];
        v = new NDArray[parameters.size()];
        for (int i = 0; i < m.length; i++) {
            NDArray w = parameters.get(i).getArray();
            m[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
            v[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
        }
    }

    /** Makes every parameter collect gradients (call once before the first backward pass). */
    public void attachGradients() {
        for (Parameter p : parameters) {
            p.getArray().setRequiresGradient(true);
        }
    }

    /** Steps taken so far. */
    public long steps() {
        return t;
    }

    /** One update from the gradients of the last backward pass, which are then zeroed. */
    public void step() {
        t++;
        float c1 = (float) (1 - Math.pow(beta1, t));
        float c2 = (float) (1 - Math.pow(beta2, t));
        for (int i = 0; i < m.length; i++) {
            NDArray w = parameters.get(i).getArray();
            try (NDArray g = w.getGradient()) {
                NDArray gm = g.mul(1 - beta1);
                m[i].muli(beta1).addi(gm);
                NDArray g2 = g.square().muli(1 - beta2);
                v[i].muli(beta2).addi(g2);
                NDArray vHat = v[i].div(c2);
                NDArray denom = vHat.sqrt().addi(eps);
                vHat.close();
                NDArray update = m[i].div(denom).muli(lr / c1);
                w.subi(update);
                g.subi(g);
                gm.close();
                g2.close();
                denom.close();
                update.close();
            }
        }
    }

    /**
     * Whether every gradient of the last backward pass is finite (their sum is): a step with an
     * infinite or NaN gradient must not reach the weights or the moments.
     */
    public boolean gradientsFinite() {
        double total = 0;
        for (Parameter p : parameters) {
            try (NDArray g = p.getArray().getGradient(); NDArray s = g.sum()) {
                total += s.getFloat();
            }
        }
        return Double.isFinite(total);
    }

    /** Drops the last gradients without an update (the step counter does not move). */
    public void skip() {
        for (Parameter p : parameters) {
            try (NDArray g = p.getArray().getGradient()) {
                // an in-place copy of zeros: multiplying by 0 would keep NaN
                g.set(new float[Math.toIntExact(g.size())]);
            }
        }
    }

    /** Writes t and the moments. */
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(t);
        out.writeInt(m.length);
        for (int i = 0; i < m.length; i++) {
            write(out, m[i]);
            write(out, v[i]);
        }
    }

    /** Restores what {@link #save} wrote for the same parameter list. */
    public void load(DataInputStream in) throws IOException {
        long steps = in.readLong();
        int n = in.readInt();
        if (n != m.length) {
            throw new IOException("optimiser state holds " + n + " parameters, the model has " + m.length);
        }
        for (int i = 0; i < n; i++) {
            read(in, m[i]);
            read(in, v[i]);
        }
        t = steps;
    }

    private static void write(DataOutputStream out, NDArray a) throws IOException {
        float[] values = a.toFloatArray();
        out.writeInt(values.length);
        for (float f : values) {
            out.writeFloat(f);
        }
    }

    private static void read(DataInputStream in, NDArray into) throws IOException {
        int n = in.readInt();
        if (n != into.size()) {
            throw new IOException("optimiser moment of " + n + " values for a parameter of " + into.size());
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        into.set(values);
    }
}
