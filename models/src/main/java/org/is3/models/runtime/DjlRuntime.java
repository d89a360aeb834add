package org.is3.models.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The one place that starts DJL's PyTorch engine. It forces the offline flags before the engine
 * loads (the engine otherwise calls home and may try to download natives: stack.md), caps the
 * intra-op threads (on a few shared cores PyTorch's spinning workers slow steps down 3–10×), and
 * chooses the device once: the first GPU when DJL sees one, otherwise the CPU.
 *
 * <p>On a GPU host, DJL needs the CUDA flavour of libtorch: run with
 * {@code -Dai.djl.pytorch.native_helper=…} unset and put a CUDA build into {@code DJL_CACHE_DIR}
 * (or let a networked first run fetch it), then every caller of {@link #device()} gets the GPU.
 */
public final class DjlRuntime {

    public static final String ENGINE = "PyTorch";

    private static volatile Device device;

    private DjlRuntime() {
    }

    /** Sets the flags that keep DJL off the network; idempotent and cheap. */
    public static void offline() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
    }

    /**
     * The PyTorch engine with at most {@code threads} intra-op threads (0 keeps PyTorch's default).
     * The thread count is read by the engine when it first loads; later calls cannot change it.
     */
    public static Engine engine(int threads) {
        offline();
        if (threads > 0) {
            setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Engine.getEngine(ENGINE);
    }

    /** The engine with its default threading (see {@link #engine(int)}). */
    public static Engine engine() {
        return engine(defaultThreads());
    }

    /** The device every model of this process runs on: GPU 0 when present, else the CPU. */
    public static Device device() {
        Device d = device;
        if (d == null) {
            synchronized (DjlRuntime.class) {
                if (device == null) {
                    device = engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
                }
                d = device;
            }
        }
        return d;
    }

    /** Half of the cores (at least one), leaving room for the rest of the process. */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
