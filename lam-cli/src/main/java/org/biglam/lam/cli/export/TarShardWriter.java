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
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A WebDataset shard: a tar whose consecutive members share a key per row, {@code <key>.json}
 * (the row's fields and all its labels), {@code <key>.txt} (its text), {@code <key>.cls} (its
 * class index, with {@code --label}) and {@code <key>.<ext>} (its image, where its bytes can be
 * had). Keys are the row's ordinal in its split and its id made safe, never holding a dot. Written
 * reproducibly: fixed mtime (0), owner and group (0, no names), mode 0644, POSIX long names.
 */
final class TarShardWriter implements ShardWriter {

    private final CountingOutputStream counter;
    private final TarArchiveOutputStream tar;
    private final RowSchema schema;
    private final ImageLoader images;
    private long ordinal;
    private final long firstOrdinal;

    TarShardWriter(Path file, RowSchema schema, ImageLoader images, long firstOrdinal) throws IOException {
        this.schema = schema;
        this.images = images;
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
        ImageLoader.Loaded img = schema.hasImage() && r.image() != null ? images.load(r.image()) : null;
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (JsonGenerator g = RowSchema.JSON.createGenerator(json, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            if (r.group() != null) {
                g.writeStringField("group", r.group());
            }
            g.writeStringField("format", r.format());
            if (schema.hasImage() && r.image() != null) {
                g.writeStringField("image", r.image().uri());
                if (img != null) {
                    g.writeStringField("image_member", key + "." + img.extension());
                }
            }
            if (schema.hasLabel()) {
                g.writeNumberField("label", r.labelIndex());
                g.writeStringField("label_name", r.labelValue());
            }
            g.writeFieldName("labels");
            RowSchema.writeLabels(g, r.labels());
            g.writeEndObject();
        }
        member(key + ".json", json.toByteArray());
        if (r.text() != null) {
            member(key + ".txt", r.text().getBytes(StandardCharsets.UTF_8));
        }
        if (schema.hasLabel()) {
            member(key + ".cls", Integer.toString(r.labelIndex()).getBytes(StandardCharsets.US_ASCII));
        }
        if (img != null) {
            member(key + "." + img.extension(), img.bytes());
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
