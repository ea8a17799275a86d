package org.biglam.lam.marc.internal;

import org.biglam.lam.LamRecord;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.ReadContext;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.Record;

/** Makes {@link LamRecord}s of marc4j records: id, source, labels, text, images, native record. */
public final class MarcRecords {

    private final ReadContext ctx;
    private final String format;
    private final String name;
    private final MarcMapper mapper;
    private final int flavour;

    /**
     * Creates a converter for one input.
     *
     * @param ctx the context
     * @param format the format id records carry
     * @param options the options
     */
    public MarcRecords(ReadContext ctx, String format, MarcOptions options) {
        this.ctx = ctx;
        this.format = format;
        this.name = ctx.input().name();
        this.mapper = new MarcMapper(options);
        this.flavour = Flavours.of(options.flavour());
    }

    /**
     * Converts a record, MARC 21 or UNIMARC by the flavour option or else its content.
     *
     * @param rec the marc4j record, attached as the native object
     * @param index its ordinal in the input
     * @param offset its byte offset, or negative
     * @param line its line, or zero or negative
     * @return the record
     */
    public LamRecord toLamRecord(Record rec, long index, long offset, long line) {
        return toLamRecord(rec, index, offset, line, null);
    }

    /**
     * Converts a record.
     *
     * @param rec the marc4j record, attached as the native object
     * @param index its ordinal in the input
     * @param offset its byte offset, or negative
     * @param line its line, or zero or negative
     * @param unimarc whether the record is UNIMARC, if the reader knows (the ISO 2709 decoder, a
     *     MARCXchange {@code format}); null to decide here by the option or the content
     * @return the record
     */
    public LamRecord toLamRecord(Record rec, long index, long offset, long line, Boolean unimarc) {
        String id = null;
        for (ControlField cf : rec.getControlFields()) {
            if (cf.getTag().equals("001")) {
                String v = cf.getData();
                if (v != null && !(v = v.strip()).isEmpty()) {
                    id = v;
                }
                break;
            }
        }
        if (id == null) {
            id = name + "#" + index;
        }
        LamRecord.Builder b = LamRecord.builder(id, format).source(ctx.source(index, offset, line))
                .nativeObject(rec);
        mapper.map(rec, b, Flavours.unimarc(flavour, unimarc, rec));
        return b.build();
    }
}
