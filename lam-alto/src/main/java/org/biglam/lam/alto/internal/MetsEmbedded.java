package org.biglam.lam.alto.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Labels;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.RecordSource;
import org.biglam.lam.alto.internal.MetsDocument.MetsFile;
import org.biglam.lam.alto.internal.MetsDocument.PhysPage;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.ReadContext;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A METS document inside another document: the {@code metadata} of an OAI-PMH record harvested
 * with {@code metadataPrefix=mets} (DSpace, Kitodo, Goobi, many digital libraries), or a
 * {@code dmdSec}'s {@code xmlData}. Format {@code mets}; one record, starting from the envelope's
 * (its id, source and labels), with:
 *
 * <ul>
 * <li>the labels of the document's description: its primary {@code dmdSec} (the one the logical
 *     structMap's root names, else the first one read), read by the module of its namespace
 *     (MODS, Dublin Core, MARCXML, ...) as {@link MetsReader} reads it for a package's pages; the
 *     root division's {@code LABEL} as {@code title} where the description gives none, and its
 *     {@code TYPE} as {@code mets:type};</li>
 * <li>its images: each page's image of the physical structMap, of the most preferred group (as a
 *     package's pages take theirs), or, with no pages, the image files of the fileSec's most
 *     preferred group; only those named by an absolute URI (a relative path has no base inside
 *     the document that holds the METS: left out, with a warning).</li>
 * </ul>
 *
 * <p>The OCR files (ALTO, PAGE XML) a page names are not fetched: the record has no text, and a
 * warning says so. The document is parsed with the envelope's parser, refused past
 * {@code maxRecordBytes} (in bytes of the envelope from the element's start), and with the same
 * tree and limits as a METS file ({@link Node#read}).
 */
public final class MetsEmbedded implements EmbeddedXmlReader {

    /** The METS namespace. */
    public static final String NS = "http://www.loc.gov/METS/";

    /** Creates the reader (ServiceLoader calls this). */
    public MetsEmbedded() {
    }

    @Override
    public String format() {
        return "mets";
    }

    @Override
    public Set<String> namespaces() {
        return Set.of(NS);
    }

    @Override
    public boolean reads(String namespace, String localName) {
        return NS.equals(namespace) && localName.equals("mets");
    }

    @Override
    public void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
            throws XMLStreamException {
        Location at = context.location().withRecordId(envelope.id());
        OptionalLong index = envelope.source().map(RecordSource::index)
                .orElse(OptionalLong.empty());
        if (index.isPresent()) {
            at = at.withIndex(index.getAsLong());
        }
        XMLStreamReader in = xml instanceof XMLStreamReader2
                ? new Node.Bounded((XMLStreamReader2) xml, context.limits().maxRecordBytes(),
                        "the METS document of record " + envelope.id(), at)
                : xml;
        Node root = Node.read(in, at, context.limits(), MetsDocument.SKIP, context);
        out.accept(record(MetsDocument.of(root), envelope, context, at.withLine(root.line, 0)));
    }

    /** The record of a METS document, starting from the envelope's. */
    private static LamRecord record(MetsDocument doc, LamRecord envelope, ReadContext ctx, Location at) {
        LamRecord.Builder b = envelope.toBuilder().format("mets");
        Map<String, List<String>> labels = doc.documentLabels();
        labels.forEach(b::labels);
        MetsDocument.LogDiv root = doc.logicalRoots.isEmpty() ? null : doc.logicalRoots.get(0);
        if (root != null) {
            if (b.labelValues(Labels.TITLE).isEmpty() && root.label != null && !root.label.isBlank()) {
                b.label(Labels.TITLE, root.label.strip());
            }
            if (root.type != null && !root.type.isBlank()) {
                b.label("mets:type", root.type.strip());
            }
        }
        images(doc, b, ctx, at, envelope.id());
        ocrNotFetched(doc, ctx, at, envelope.id());
        return b.build();
    }

    /** Whether a file is named by an absolute URI, which needs no base. */
    private static boolean absolute(MetsFile f) {
        return Images.isAbsoluteUri(f.href().strip());
    }

    /** The images: each page's, or with no pages the fileSec's most preferred group's. */
    private static void images(MetsDocument doc, LamRecord.Builder b, ReadContext ctx, Location at, String id) {
        List<MetsFile> images = new ArrayList<>();
        List<MetsFile> relative = new ArrayList<>();
        if (!doc.pages.isEmpty()) {
            for (PhysPage p : doc.pages) {
                MetsFile img = doc.imageOf(p, MetsEmbedded::absolute);
                if (img != null) {
                    images.add(img);
                } else if ((img = doc.imageOf(p)) != null) {
                    relative.add(img);
                }
            }
        } else {
            String use = null;
            int best = -1;
            for (MetsFile f : doc.files.values()) {
                if (f.href() != null && MetsDocument.isImage(f) && MetsDocument.imagePreference(f) > best) {
                    best = MetsDocument.imagePreference(f);
                    use = f.use();
                }
            }
            for (MetsFile f : doc.files.values()) {
                if (f.href() != null && MetsDocument.isImage(f) && Objects.equals(f.use(), use)) {
                    (absolute(f) ? images : relative).add(f);
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (MetsFile f : images) {
            String uri = f.href().strip().replace(" ", "%20");
            if (!seen.add(uri)) {
                continue;
            }
            ImageRef.Builder ib = ImageRef.builder(uri).mime(f.mime() != null
                    && f.mime().toLowerCase(Locale.ROOT).startsWith("image/") ? f.mime() : Images.mime(uri));
            MetsDocument.Mix mix = doc.mixOf(f);
            if (mix != null && mix.width > 0 && mix.height > 0) {
                ib.size(mix.width, mix.height);
            }
            b.image(ib.build());
        }
        if (!relative.isEmpty()) {
            ctx.warn("mets-relative-file", relative.size() + " image" + (relative.size() == 1 ? "" : "s")
                    + " of the METS document of record " + id + " named by a relative path (first: "
                    + relative.get(0).href().strip() + "), which has no base inside the document that holds it:"
                    + " left out of the record's images", at);
        }
    }

    /** Warns that the pages' OCR files (ALTO, PAGE XML) are not fetched. */
    private static void ocrNotFetched(MetsDocument doc, ReadContext ctx, Location at, String id) {
        int n = 0;
        String first = null;
        for (PhysPage p : doc.pages) {
            MetsFile f = doc.altoOf(p);
            if (f == null) {
                f = doc.pageXmlOf(p);
            }
            if (f != null) {
                n++;
                if (first == null) {
                    first = f.href().strip();
                }
            }
        }
        if (n > 0) {
            ctx.warn("mets-text-not-fetched", "the METS document of record " + id + " names " + n + " OCR file"
                    + (n == 1 ? "" : "s") + " (ALTO or PAGE XML; first: " + first + "), which are not fetched for a"
                    + " METS document inside another one (an OAI-PMH record): the record has no text;"
                    + " read the METS package itself (format mets) for its pages' text", at);
        }
    }
}
