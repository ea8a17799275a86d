package org.biglam.lam.internal;

import java.util.List;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.WorkUnit;

/** Inputs on a store to units of work: the folder rules of a read, as a function. */
public final class Planner {

    private Planner() {
    }

    /** The units of inputs, in read order. */
    public static List<WorkUnit> plan(List<String> inputs, FileStore store, ReadOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A zip unit cut into ranges of at most {@code entries} entries. */
    public static List<WorkUnit> split(WorkUnit unit, FileStore store, int entries, ReadOptions options) {
        throw new UnsupportedOperationException("not yet");
    }
}
