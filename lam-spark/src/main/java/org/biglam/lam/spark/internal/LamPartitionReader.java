package org.biglam.lam.spark.internal;

import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordCursor;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.WorkUnit;

/**
 * One task's reader: its units read one after the other through lam's pull API, each record made a
 * row as it comes, so that a task holds one record at a time whatever its input's size. Problems
 * follow the mode: a row (PERMISSIVE), counted and left out (DROPMALFORMED), or the task's failure
 * at the first error (FAILFAST; warnings are counted).
 */
public final class LamPartitionReader implements PartitionReader<InternalRow> {

    private final Iterator<WorkUnit> units;
    private final Iterator<ProblemValues> planProblems;
    private final FileStore store;
    private final Mode mode;
    private final ReadOptions readOptions;
    private RecordCursor cursor;
    private InternalRow row;
    private long records;
    private long problems;
    private long dropped;

    /**
     * A reader of one partition.
     *
     * @param partition the partition
     * @param store the store its units were planned on
     * @param options the source's options
     */
    public LamPartitionReader(LamPartition partition, FileStore store, LamOptions options) {
        this.units = partition.units().iterator();
        this.planProblems = partition.planProblems().iterator();
        this.store = store;
        this.mode = options.mode();
        this.readOptions = options.readOptions(mode == Mode.FAILFAST ? ErrorPolicy.FAIL : ErrorPolicy.SKIP);
    }

    @Override
    public boolean next() {
        while (true) {
            if (planProblems.hasNext()) {
                if (problem(planProblems.next().problem())) {
                    return true;
                }
                continue;
            }
            if (cursor == null) {
                if (!units.hasNext()) {
                    row = null;
                    return false;
                }
                cursor = Lam.read(units.next(), store, readOptions);
            }
            if (!cursor.next()) {
                cursor.close();
                cursor = null;
                continue;
            }
            if (cursor.isRecord()) {
                records++;
                row = Rows.of(cursor.record());
                return true;
            }
            if (problem(cursor.problem())) {
                return true;
            }
        }
    }

    /** Counts a problem; true if it is a row. */
    private boolean problem(Problem p) {
        problems++;
        if (mode == Mode.PERMISSIVE) {
            row = Rows.of(p);
            return true;
        }
        if (mode == Mode.FAILFAST && p.severity() == Problem.Severity.ERROR) {
            throw new org.biglam.lam.LamFormatException(p.message(), p.location());
        }
        if (mode == Mode.DROPMALFORMED) {
            dropped++;
        }
        return false;
    }

    @Override
    public InternalRow get() {
        return row;
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return new CustomTaskMetric[] {
            Metrics.task(Metrics.PROBLEMS, problems),
            Metrics.task(Metrics.DROPPED, dropped),
            Metrics.task(Metrics.RECORDS, records)};
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
