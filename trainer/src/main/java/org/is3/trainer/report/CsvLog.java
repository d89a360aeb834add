package org.is3.trainer.report;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only CSV log with a fixed header (a resumed run appends to the same file), flushed on
 * every row so a killed run keeps what it logged. Also keeps the rows in memory for the plots.
 */
public final class CsvLog implements AutoCloseable {

    private final Path file;
    private final List<String> columns;
    private final List<double[]> rows = new ArrayList<>();
    private final BufferedWriter out;

    public CsvLog(Path file, List<String> columns) {
        this.file = file;
        this.columns = List.copyOf(columns);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            if (!fresh) {
                readExisting();
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                out.write(String.join(",", columns));
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open log " + file, e);
        }
    }

    /** Appends one row (values in column order); NaN is written empty. */
    public void add(double... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(file + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values.clone());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append(Double.isNaN(values[i]) ? "" : format(values[i]));
        }
        try {
            out.write(line.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log " + file, e);
        }
    }

    public List<String> columns() {
        return columns;
    }

    /** Every row so far, including those of earlier runs in the same file. */
    public List<double[]> rows() {
        return List.copyOf(rows);
    }

    private void readExisting() throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != columns.size()) {
                continue;
            }
            double[] r = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                r[j] = f[j].isEmpty() ? Double.NaN : Double.parseDouble(f[j]);
            }
            rows.add(r);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : new BigDecimal(v, new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close log " + file, e);
        }
    }
}
