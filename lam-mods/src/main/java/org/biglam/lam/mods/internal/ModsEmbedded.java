package org.biglam.lam.mods.internal;

import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.ReadContext;

/**
 * MODS inside another document: a {@code mods} element (one record) or a {@code modsCollection}
 * (one record per {@code mods}, the second on with {@code #n} after the envelope's id), as the
 * {@code metadata} of an OAI-PMH record or the {@code xmlData} of a METS {@code dmdSec}. Format
 * {@code mods}.
 */
public final class ModsEmbedded implements EmbeddedXmlReader {

    /** Creates the reader (ServiceLoader calls this). */
    public ModsEmbedded() {
    }

    @Override
    public String format() {
        return "mods";
    }

    @Override
    public Set<String> namespaces() {
        return Set.of(ModsMapper.NS);
    }

    @Override
    public boolean reads(String namespace, String localName) {
        return ModsMapper.NS.equals(namespace) && (localName.equals("mods") || localName.equals("modsCollection"));
    }

    @Override
    public void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
            throws XMLStreamException {
        if (xml.getLocalName().equals("mods")) {
            out.accept(record(Node.read(xml, ModsMapper.NS), envelope, envelope.id()));
            return;
        }
        EmbeddedXmlReader.eachRecord(xml, ModsMapper.NS, "mods", envelope.id(),
                id -> out.accept(record(Node.read(xml, ModsMapper.NS), envelope, id)));
    }

    /**
     * One record from a {@code mods} tree, starting from what an envelope knows.
     *
     * @param mods the tree
     * @param envelope the envelope's record
     * @param id the record's id
     * @return the record
     */
    public static LamRecord record(Node mods, LamRecord envelope, String id) {
        LamRecord.Builder b = envelope.toBuilder().id(id).format("mods");
        ModsMapper.map(mods, b);
        return b.build();
    }
}
