package org.biglam.lam.spark.internal;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/** The scan's custom metrics, shown in the SQL tab of Spark's UI (summed over tasks). */
public final class Metrics {

    /** Name of the count of problems lam met (errors and warnings), under every mode. */
    public static final String PROBLEMS = "lamProblems";
    /** Name of the count of problem rows left out under DROPMALFORMED. */
    public static final String DROPPED = "lamDropped";
    /** Name of the count of records read. */
    public static final String RECORDS = "lamRecords";

    private Metrics() {
    }

    /** The metrics a scan reports. */
    public static CustomMetric[] supported() {
        return new CustomMetric[] {new Problems(), new Dropped(), new Records()};
    }

    /** One task's value of one metric. */
    public static CustomTaskMetric task(String name, long value) {
        return new CustomTaskMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long value() {
                return value;
            }
        };
    }

    /** Problems lam met. Spark makes it by its class name: public, with a public constructor. */
    public static final class Problems extends CustomSumMetric {
        @Override
        public String name() {
            return PROBLEMS;
        }

        @Override
        public String description() {
            return "lam problems";
        }
    }

    /** Problem rows dropped (DROPMALFORMED). */
    public static final class Dropped extends CustomSumMetric {
        @Override
        public String name() {
            return DROPPED;
        }

        @Override
        public String description() {
            return "lam problems dropped (DROPMALFORMED)";
        }
    }

    /** Records read. */
    public static final class Records extends CustomSumMetric {
        @Override
        public String name() {
            return RECORDS;
        }

        @Override
        public String description() {
            return "lam records";
        }
    }
}
