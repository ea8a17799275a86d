package org.biglam.lam.cli.export;

import java.util.List;
import java.util.Map;
import org.biglam.lam.ImageRef;

/**
 * One dataset row made from a record.
 *
 * @param id the record's id
 * @param group the record's group, or null
 * @param format the format it was read from
 * @param text its text, or null
 * @param image its first image, or null (only for image rows)
 * @param labelIndex the class index, or -1 without {@code --label}
 * @param labelValue the class name, or null
 * @param labels all the record's labels
 * @param loaded the image's bytes where they could be had (Parquet and WebDataset), or null
 * @param values one value per column of the schema; used for its {@link RowSchema.Kind#VALUE}
 *     columns (typed: String, Long, Double, Boolean, LocalDateTime, List), null where missing
 */
record Row(String id, String group, String format, String text, ImageRef image, int labelIndex, String labelValue,
        Map<String, List<String>> labels, ImageLoader.Loaded loaded, Object[] values) {
}
