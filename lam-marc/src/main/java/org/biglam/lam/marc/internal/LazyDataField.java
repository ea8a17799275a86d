package org.biglam.lam.marc.internal;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.impl.DataFieldImpl;
import org.marc4j.marc.impl.SubfieldImpl;

/**
 * A marc4j data field of an ASCII or UTF-8 ISO 2709 record whose subfields are decoded when first
 * asked for: fields no label needs (300, 500, 040...) cost one object, not one string per subfield.
 * Behaves as a {@link DataFieldImpl} in every other way; safe to read from several threads.
 */
final class LazyDataField extends DataFieldImpl {

    private static final long serialVersionUID = 1L;

    private byte[] bytes;
    private final int from;
    private final int to;
    private final boolean ascii;

    /**
     * Creates a field.
     *
     * @param tag the tag
     * @param ind1 the first indicator
     * @param ind2 the second indicator
     * @param bytes the record's bytes (shared by its fields, not copied)
     * @param from where the first subfield delimiter is
     * @param to where the field ends, without its terminator
     * @param ascii whether the whole record is ASCII
     */
    LazyDataField(String tag, char ind1, char ind2, byte[] bytes, int from, int to, boolean ascii) {
        super(tag, ind1, ind2);
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.ascii = ascii;
    }

    private synchronized void ensure() {
        byte[] b = bytes;
        if (b == null) {
            return;
        }
        bytes = null;
        int p = from;
        while (p < to && b[p] != Iso2709Decoder.SD) {
            p++;
        }
        while (p < to) {
            int q = p + 1;
            while (q < to && b[q] != Iso2709Decoder.SD) {
                q++;
            }
            if (q > p + 1) {
                if (b[p + 1] < 0) {
                    // a code that is not ASCII: read as $a with the letter kept (the decoder warns)
                    super.addSubfield(new SubfieldImpl('a', Iso2709Decoder.utf8(b, p + 1, q)));
                } else {
                    super.addSubfield(new SubfieldImpl((char) b[p + 1], ascii
                            ? new String(b, p + 2, q - p - 2, java.nio.charset.StandardCharsets.ISO_8859_1)
                            : Iso2709Decoder.utf8(b, p + 2, q)));
                }
            }
            p = q;
        }
    }

    @Override
    public void addSubfield(Subfield subfield) {
        ensure();
        super.addSubfield(subfield);
    }

    @Override
    public void addSubfield(int index, Subfield subfield) {
        ensure();
        super.addSubfield(index, subfield);
    }

    @Override
    public void removeSubfield(Subfield subfield) {
        ensure();
        super.removeSubfield(subfield);
    }

    @Override
    public List<Subfield> getSubfields() {
        ensure();
        return super.getSubfields();
    }

    @Override
    public List<Subfield> getSubfields(char code) {
        ensure();
        return super.getSubfields(code);
    }

    @Override
    public List<Subfield> getSubfields(String codes) {
        ensure();
        return super.getSubfields(codes);
    }

    @Override
    public String getSubfieldsAsString(String codes) {
        ensure();
        return super.getSubfieldsAsString(codes);
    }

    @Override
    public Subfield getSubfield(char code) {
        ensure();
        return super.getSubfield(code);
    }

    @Override
    public boolean find(String pattern) {
        ensure();
        return super.find(pattern);
    }

    @Override
    public String toString() {
        ensure();
        return super.toString();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        ensure();
        out.defaultWriteObject();
    }
}
