package org.biglam.lam.marc.internal;

import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Unicode;
import org.marc4j.marc.impl.ControlFieldImpl;
import org.marc4j.marc.impl.DataFieldImpl;
import org.marc4j.marc.impl.LeaderImpl;
import org.marc4j.marc.impl.RecordImpl;
import org.marc4j.marc.impl.SubfieldImpl;

/**
 * MARCXML inside another document (the {@code metadata} of an OAI-PMH record, a METS
 * {@code dmdSec}): a {@code record}, or a {@code collection} of them (the second on with
 * {@code #n} after the envelope's id), mapped as lam-marc maps MARCXML files. Format
 * {@code marcxml}; the marc4j record is attached as the native object.
 */
public final class MarcXmlEmbedded implements EmbeddedXmlReader {

    private static final String DEFAULT_LEADER = "00000nam a2200000 a 4500";

    /** Creates the reader (ServiceLoader calls this). */
    public MarcXmlEmbedded() {
    }

    @Override
    public String format() {
        return "marcxml";
    }

    @Override
    public Set<String> namespaces() {
        return Set.of(MarcXmlRecordReader.MARC_NS, MarcXmlRecordReader.MARCXCHANGE_NS_1,
                MarcXmlRecordReader.MARCXCHANGE_NS_2);
    }

    @Override
    public void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
            throws XMLStreamException {
        MarcOptions options = MarcOptions.from(context.options());
        MarcMapper mapper = new MarcMapper(options);
        int flavour = Flavours.of(options.flavour());
        if (xml.getLocalName().equals("record")) {
            out.accept(record(xml, envelope, envelope.id(), mapper, flavour));
            return;
        }
        EmbeddedXmlReader.eachRecord(xml, null, "record", envelope.id(),
                id -> out.accept(record(xml, envelope, id, mapper, flavour)));
    }

    /** One {@code record} element, read through its end. */
    private static LamRecord record(XMLStreamReader xml, LamRecord envelope, String id, MarcMapper mapper,
            int flavour) throws XMLStreamException {
        RecordImpl rec = new RecordImpl();
        Boolean hint = xml.isStartElement() ? MarcXmlRecordReader.formatHint(xml.getAttributeValue(null, "format"))
                : null;
        String leader = null;
        DataFieldImpl field = null;
        int depth = 1;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    field = null;
                }
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = xml.getLocalName();
            if (depth == 1 && local.equals("leader")) {
                leader = MarcXmlRecordReader.unindented(xml.getElementText());
            } else if (depth == 1 && local.equals("controlfield")) {
                String tag = tag(xml.getAttributeValue(null, "tag"));
                String data = MarcXmlRecordReader.unindented(xml.getElementText());
                rec.addVariableField(new ControlFieldImpl(tag, Unicode.nfc(data)));
            } else if (depth == 1 && local.equals("datafield")) {
                field = new DataFieldImpl(tag(xml.getAttributeValue(null, "tag")),
                        indicator(xml.getAttributeValue(null, "ind1")), indicator(xml.getAttributeValue(null, "ind2")));
                rec.addVariableField(field);
                depth++;
            } else if (depth == 2 && field != null && local.equals("subfield")) {
                String c = xml.getAttributeValue(null, "code");
                field.addSubfield(new SubfieldImpl(c == null || c.isEmpty() ? ' ' : c.charAt(0),
                        Unicode.nfc(MarcXmlRecordReader.unindented(xml.getElementText()))));
            } else {
                depth++;
            }
        }
        String l = leader == null ? DEFAULT_LEADER : leader;
        String fixed = l.length() == 24 ? l : (l + DEFAULT_LEADER.substring(Math.min(24, l.length()))).substring(0, 24);
        try {
            rec.setLeader(new LeaderImpl(fixed));
        } catch (RuntimeException ex) {
            rec.setLeader(new LeaderImpl(DEFAULT_LEADER));
        }
        LamRecord.Builder b = envelope.toBuilder().id(id).format("marcxml").nativeObject(rec);
        // UNIMARC records come in OAI-PMH responses and METS files too (Koha, SUDOC): each by its content
        mapper.map(rec, b, Flavours.unimarc(flavour, hint, rec));
        return b.build();
    }

    private static String tag(String t) {
        if (t == null || t.isBlank()) {
            return "???";
        }
        return t.strip();
    }

    private static char indicator(String v) {
        return v == null || v.isEmpty() ? ' ' : v.charAt(0);
    }
}
