package org.is3.trainer.data;

/** An indexed set of audio-visual examples (a training or an evaluation set). */
public interface AvSource {

    int size();

    /** Example {@code index} (0 ≤ index < size); the same index always gives the same example. */
    AvExample get(int index);

    /** One line for logs, e.g. {@code shapes world: 8 categories, 20000 examples}. */
    String describe();
}
