package org.is3.trainer.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;

/** Maps held in memory as a {@link PredictionSource}, so validation scores them without a file. */
public final class MemoryPredictions implements PredictionSource {

    private final Map<String, float[]> maps = new LinkedHashMap<>();

    public void add(Prediction p) {
        maps.put(p.id(), p.map());
    }

    @Override
    public List<String> ids() {
        return new ArrayList<>(maps.keySet());
    }

    @Override
    public NpyArray read(String id) {
        float[] m = maps.get(id);
        if (m == null) {
            throw new IllegalArgumentException("no prediction for " + id);
        }
        return NpyArray.of(m, Grid.SIZE, Grid.SIZE);
    }

    @Override
    public String describe() {
        return "in-memory predictions: " + maps.size() + " samples";
    }

    @Override
    public void close() {
        maps.clear();
    }
}
