package org.biglam.lam.spark.internal;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;
import org.biglam.lam.store.WorkUnit;

/**
 * One partition: lam's units of work read in order by one task, and the problems met while
 * planning (on the first partition only), which become rows like any other problem.
 *
 * @param units the units
 * @param planProblems problems of the planning, as rows' values
 */
public record LamPartition(List<WorkUnit> units, List<ProblemValues> planProblems)
        implements InputPartition, Serializable {

    /** The partition's units, its bytes as they were packed. */
    @Override
    public String toString() {
        return units.size() == 1 ? units.get(0).toString() : units.size() + " units from " + units.get(0);
    }
}
