package org.biglam.lam.cli.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Date;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A WebDataset shard: a tar whose consecutive members share a key per row, the same members for
 * every row (the Hub's WebDataset loader requires it): {@code <key>.json} (the row's fields and all
 * its labels; the text too for image rows), {@code <key>.txt} (the text, for text rows), {@code
 * <key>.cls} (the class index, with {@code --label}) and {@code <key>.<ext>} (the image, for image
 * rows; the extension is the export's first image's, decoders read the format from the bytes). Keys
 * are the row's ordinal in its split and its id made safe, never holding a dot. Written
 * reproducibly: fixed mtime (0), owner and group (0, no names), mode 0644, POSIX long names.
 */
final class TarShardWriter implements ShardWriter {

    private final CountingOutputStream counter;
    private final TarArchiveOutputStream tar;
    private final RowSchema schema;
    private final String[] imageExtension;
    private long ordinal;
    private final long firstOrdinal;

    TarShardWriter(Path file, RowSchema schema, long firstOrdinal, String[] imageExtension) throws IOException {
        this.schema = schema;
        this.imageExtension = imageExtension;
        this.firstOrdinal = firstOrdinal;
        this.counter = new CountingOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16));
        this.tar = new TarArchiveOutputStream(counter, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** The key of a row: its ordinal in the split and a safe form of its id. */
    static String key(long ordinal, String id) {
        StringBuilder sb = new StringBuilder(String.format("%09d", ordinal)).append('_');
        int kept = 0;
        for (int i = 0; i < id.length() && kept < 60; i++) {
            char c = id.charAt(i);
            sb.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ? c : '_');
            kept++;
        }
        return sb.toString();
    }

    @Override
    public void write(Row r) throws IOException {
        String key = key(firstOrdinal + ordinal++, r.id());
        ImageLoader.Loaded img = schema.hasImage() ? r.loaded() : null;
        if (img != null && imageExtension[0] == null) {
            imageExtension[0] = img.extension();
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonGenerator g = RowSchema.JSON.createGenerator(json, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            if (r.group() != null) {
                g.writeStringField("group", r.group());
            }
            g.writeStringField("format", r.format());
            if (schema.hasImage()) {
                if (r.text() != null) {
                    g.writeStringField("text", r.text());
                }
                if (r.image() != null) {
                    g.writeStringField("image", r.image().uri());
                }
                if (img != null) {
                    g.writeStringField("image_format", img.extension());
                }
            }
            if (schema.hasLabel()) {
                g.writeNumberField("label", r.labelIndex());
                g.writeStringField("label_name", r.labelValue());
            }
            List<RowSchema.Col> cols = schema.cols();
            for (int i = 0; i < cols.size(); i++) {
                Object v = cols.get(i).kind() == RowSchema.Kind.VALUE ? r.values()[i] : null;
                if (v != null) {
                    g.writeFieldName(cols.get(i).name());
                    RowSchema.writeValue(g, v);
                }
            }
            if (schema.indexOf("labels") >= 0) {
                g.writeFieldName("labels");
                RowSchema.writeLabels(g, r.labels());
            }
            g.writeEndObject();
        }
        member(key + ".json", json.toByteArray());
        if (!schema.hasImage()) {
            member(key + ".txt", r.text() == null ? new byte[0] : r.text().getBytes(StandardCharsets.UTF_8));
        }
        if (schema.hasLabel()) {
            member(key + ".cls", Integer.toString(r.labelIndex()).getBytes(StandardCharsets.US_ASCII));
        }
        if (img != null) {
            member(key + "." + imageExtension[0], img.bytes());
        }
    }

    private void member(String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setModTime(new Date(0));
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    @Override
    public long size() {
        return counter.count();
    }

    /** Rows written. */
    long rows() {
        return ordinal;
    }

    @Override
    public void close() throws IOException {
        try (counter) {
            tar.finish();
            tar.flush();
        }
    }
}
