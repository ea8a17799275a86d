package org.biglam.lam.spark.internal;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.biglam.lam.spark.LamSchema;

/** The table a {@code load(...)} reads: batch reads only. */
public final class LamTable implements SupportsRead {

    @Override
    public String name() {
        return "lam";
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return LamSchema.SCHEMA;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        LamOptions parsed = LamOptions.of(options.asCaseSensitiveMap());
        return () -> new LamScan(parsed, Paths.of(options.asCaseSensitiveMap()));
    }
}
