package org.biglam.lam.examples.holdings;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Writes the generated part of {@code examples/holdings}: the MARC catalogue in ISO 2709 (MARC-8,
 * leader/09 blank, diacritics as MARC-8 combining bytes) and its MARCXML twin from one table of
 * records, and the two tiny page images of the newspaper issue, drawn from the word and
 * illustration boxes of its ALTO files (so that the boxes fall on the grey bars). The TEI, METS,
 * ALTO and IIIF files are written by hand. Run once; the output is committed:
 *
 * <pre>{@code
 * mvn -o -q -pl examples compile exec:java -Dexec.mainClass=org.biglam.lam.examples.holdings.MakeHoldings \
 *     -Dexec.args=examples/holdings
 * }</pre>
 *
 * <p>The output is deterministic (the same bytes every run, for MARC; images depend on the JDK's
 * encoders only).
 */
public final class MakeHoldings {

    private MakeHoldings() {
    }

    /** A data field: tag, indicators and subfields as code, value pairs. */
    record Field(String tag, char ind1, char ind2, String... subfields) {
    }

    /** A catalogue record: control number, 008, data fields. */
    record Book(String id, String f008, List<Field> fields) {
    }

    /**
     * Builds an 008 for a book.
     *
     * @param date1 the year of publication
     * @param place the MARC country code, three characters
     * @param literaryForm 008/33 ({@code 0} non-fiction, {@code 1} fiction, {@code p} poetry, ...)
     * @param lang the MARC language code
     * @return the 40 characters
     */
    static String f008(String date1, String place, char literaryForm, String lang) {
        String s = "900101s" + date1 + "    " + place + "a   " + " " + " " + "    " + " 000 " + literaryForm + " " + lang
                + " d";
        if (s.length() != 40) {
            throw new IllegalStateException("008 of length " + s.length());
        }
        return s;
    }

    static Field f(String tag, char i1, char i2, String... sub) {
        return new Field(tag, i1, i2, sub);
    }

    /** The catalogue: eight nineteenth-century (and older) books, fiction and not. */
    static List<Book> books() {
        List<Book> b = new ArrayList<>();
        b.add(new Book("lamex0001", f008("1843", "enk", '1', "eng"), List.of(
                f("100", '1', ' ', "a", "Dickens, Charles,", "d", "1812-1870."),
                f("245", '1', '2', "a", "A Christmas carol in prose :", "b", "being a ghost story of Christmas /",
                        "c", "by Charles Dickens."),
                f("260", ' ', ' ', "a", "London :", "b", "Chapman & Hall,", "c", "1843."),
                f("300", ' ', ' ', "a", "166 p., [4] leaves of plates :", "b", "ill. ;", "c", "18 cm."),
                f("520", ' ', ' ', "a", "A miser is visited on Christmas Eve by the ghost of his partner and by "
                        + "three spirits, and wakes a changed man."),
                f("650", ' ', '0', "a", "Christmas", "v", "Fiction."),
                f("651", ' ', '0', "a", "London (England)", "v", "Fiction."),
                f("655", ' ', '7', "a", "Ghost stories.", "2", "lcgft"))));
        b.add(new Book("lamex0002", f008("1862", "fr ", '1', "fre"), List.of(
                f("100", '1', ' ', "a", "Hugo, Victor,", "d", "1802-1885."),
                f("245", '1', '4', "a", "Les misérables /", "c", "Victor Hugo."),
                f("260", ' ', ' ', "a", "Paris :", "b", "Pagnerre,", "c", "1862."),
                f("300", ' ', ' ', "a", "10 v. ;", "c", "23 cm."),
                f("520", ' ', ' ', "a", "Jean Valjean, a released convict, is pursued for years by the police "
                        + "inspector Javert."),
                f("651", ' ', '0', "a", "Paris (France)", "x", "History", "y", "1830-1848", "v", "Fiction."),
                f("655", ' ', '7', "a", "Historical fiction.", "2", "lcgft"))));
        b.add(new Book("lamex0003", f008("1812", "gw ", 'j', "ger"), List.of(
                f("100", '1', ' ', "a", "Grimm, Jacob,", "d", "1785-1863."),
                f("245", '1', '0', "a", "Kinder- und Hausmärchen /", "c", "gesammelt durch die Brüder Grimm."),
                f("260", ' ', ' ', "a", "Berlin :", "b", "Realschulbuchhandlung,", "c", "1812."),
                f("300", ' ', ' ', "a", "xxii, 388 p. ;", "c", "17 cm."),
                f("650", ' ', '0', "a", "Folklore", "z", "Germany."),
                f("655", ' ', '7', "a", "Fairy tales.", "2", "lcgft"),
                f("700", '1', ' ', "a", "Grimm, Wilhelm,", "d", "1786-1859."))));
        b.add(new Book("lamex0004", f008("1850", "enk", 'p', "eng"), List.of(
                f("100", '0', ' ', "a", "Tennyson, Alfred Tennyson,", "c", "Baron,", "d", "1809-1892."),
                f("245", '1', '0', "a", "In memoriam."),
                f("260", ' ', ' ', "a", "London :", "b", "Edward Moxon,", "c", "1850."),
                f("300", ' ', ' ', "a", "210 p. ;", "c", "18 cm."),
                f("650", ' ', '0', "a", "Grief", "v", "Poetry."),
                f("655", ' ', '7', "a", "Elegiac poetry.", "2", "lcgft"))));
        b.add(new Book("lamex0005", f008("1879", "dk ", 'd', "dan"), List.of(
                f("100", '1', ' ', "a", "Ibsen, Henrik,", "d", "1828-1906."),
                f("245", '1', '3', "a", "Et dukkehjem :", "b", "skuespil i tre akter /", "c", "af Henrik Ibsen."),
                f("260", ' ', ' ', "a", "København :", "b", "Gyldendal,", "c", "1879."),
                f("300", ' ', ' ', "a", "180 p. ;", "c", "19 cm."),
                f("650", ' ', '0', "a", "Marriage", "v", "Drama."),
                f("655", ' ', '7', "a", "Domestic drama.", "2", "lcgft"))));
        b.add(new Book("lamex0006", f008("1859", "enk", '0', "eng"), List.of(
                f("100", '1', ' ', "a", "Darwin, Charles,", "d", "1809-1882."),
                f("245", '1', '0', "a", "On the origin of species by means of natural selection :",
                        "b", "or the preservation of favoured races in the struggle for life /",
                        "c", "by Charles Darwin."),
                f("260", ' ', ' ', "a", "London :", "b", "John Murray,", "c", "1859."),
                f("300", ' ', ' ', "a", "ix, 502 p. :", "b", "1 folded ill. ;", "c", "20 cm."),
                f("650", ' ', '0', "a", "Evolution (Biology)"),
                f("650", ' ', '0', "a", "Natural selection."))));
        b.add(new Book("lamex0007", f008("1779", "enk", '0', "eng"), List.of(
                f("100", '1', ' ', "a", "Charlton, Lionel,", "d", "1720-1788."),
                f("245", '1', '2', "a", "A history of Whitby, and of Whitby Abbey /", "c", "by Lionel Charlton."),
                f("260", ' ', ' ', "a", "York :", "b", "Printed by A. Ward,", "c", "1779."),
                f("300", ' ', ' ', "a", "379 p., [1] leaf of plates ;", "c", "26 cm."),
                f("651", ' ', '0', "a", "Whitby (England)", "x", "History."),
                f("610", '2', '0', "a", "Whitby Abbey."))));
        b.add(new Book("lamex0008", f008("1605", "sp ", '1', "spa"), List.of(
                f("100", '1', ' ', "a", "Cervantes Saavedra, Miguel de,", "d", "1547-1616."),
                f("245", '1', '3', "a", "El ingenioso hidalgo don Quixote de la Mancha /",
                        "c", "compuesto por Miguel de Ceruantes Saauedra."),
                f("260", ' ', ' ', "a", "Madrid :", "b", "Por Iuan de la Cuesta,", "c", "1605."),
                f("300", ' ', ' ', "a", "[12], 312, [4] leaves ;", "c", "20 cm."),
                f("520", ' ', ' ', "a", "A gentleman of La Mancha, his wits turned by reading romances of "
                        + "chivalry, sets out as a knight errant with his squire Sancho Panza."),
                f("651", ' ', '0', "a", "Spain", "x", "Social life and customs", "v", "Fiction."),
                f("655", ' ', '7', "a", "Picaresque literature.", "2", "lcgft"))));
        return b;
    }

    /**
     * Encodes text as MARC-8 for the characters the catalogue uses: ASCII, combining acute,
     * grave, circumflex, diaeresis (written before their base letter, as MARC-8 does), and ø.
     */
    static byte[] marc8(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < nfd.length()) {
            char base = nfd.charAt(i++);
            ByteArrayOutputStream marks = new ByteArrayOutputStream();
            while (i < nfd.length() && Character.getType(nfd.charAt(i)) == Character.NON_SPACING_MARK) {
                char m = nfd.charAt(i++);
                switch (m) {
                    case '\u0301': marks.write(0xE2); break; // acute
                    case '\u0300': marks.write(0xE1); break; // grave
                    case '\u0302': marks.write(0xE3); break; // circumflex
                    case '\u0308': marks.write(0xE8); break; // diaeresis, umlaut
                    default: throw new IllegalArgumentException("no MARC-8 form here for U+" + Integer.toHexString(m));
                }
            }
            out.writeBytes(marks.toByteArray());
            if (base < 0x80) {
                out.write(base);
            } else if (base == '\u00F8') {
                out.write(0xB2);
            } else if (base == '\u00D8') {
                out.write(0xA2);
            } else {
                throw new IllegalArgumentException("no MARC-8 form here for " + base);
            }
        }
        return out.toByteArray();
    }

    /** One record in ISO 2709, MARC-8, leader/09 blank. */
    static byte[] iso2709(Book book) {
        List<String> tags = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        tags.add("001");
        data.add(field(book.id().getBytes(StandardCharsets.US_ASCII)));
        tags.add("003");
        data.add(field("LAMEX".getBytes(StandardCharsets.US_ASCII)));
        tags.add("008");
        data.add(field(book.f008().getBytes(StandardCharsets.US_ASCII)));
        for (Field f : book.fields()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(f.ind1());
            b.write(f.ind2());
            for (int i = 0; i < f.subfields().length; i += 2) {
                b.write(0x1F);
                b.write(f.subfields()[i].charAt(0));
                b.writeBytes(marc8(f.subfields()[i + 1]));
            }
            tags.add(f.tag());
            data.add(field(b.toByteArray()));
        }
        StringBuilder dir = new StringBuilder();
        int start = 0;
        for (int i = 0; i < tags.size(); i++) {
            dir.append(tags.get(i)).append(String.format("%04d%05d", data.get(i).length, start));
            start += data.get(i).length;
        }
        int base = 24 + dir.length() + 1;
        int length = base + start + 1;
        String leader = String.format("%05dnam  22%05d   4500", length, base);
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        rec.writeBytes(leader.getBytes(StandardCharsets.US_ASCII));
        rec.writeBytes(dir.toString().getBytes(StandardCharsets.US_ASCII));
        rec.write(0x1E);
        data.forEach(rec::writeBytes);
        rec.write(0x1D);
        return rec.toByteArray();
    }

    private static byte[] field(byte[] content) {
        byte[] out = new byte[content.length + 1];
        System.arraycopy(content, 0, out, 0, content.length);
        out[content.length] = 0x1E;
        return out;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The MARCXML twin: the same records in UTF-8 (leader/09 {@code a}). */
    static String marcxml(List<Book> books) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!-- The MARCXML twin of books.mrc: the same eight records, in UTF-8. Written for lam (CC0). -->\n");
        sb.append("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n");
        for (Book book : books) {
            sb.append("  <record>\n    <leader>00000nam a2200000   4500</leader>\n");
            sb.append("    <controlfield tag=\"001\">").append(book.id()).append("</controlfield>\n");
            sb.append("    <controlfield tag=\"003\">LAMEX</controlfield>\n");
            sb.append("    <controlfield tag=\"008\">").append(book.f008()).append("</controlfield>\n");
            for (Field f : book.fields()) {
                sb.append("    <datafield tag=\"").append(f.tag()).append("\" ind1=\"").append(f.ind1())
                        .append("\" ind2=\"").append(f.ind2()).append("\">\n");
                for (int i = 0; i < f.subfields().length; i += 2) {
                    sb.append("      <subfield code=\"").append(f.subfields()[i]).append("\">")
                            .append(xml(f.subfields()[i + 1])).append("</subfield>\n");
                }
                sb.append("    </datafield>\n");
            }
            sb.append("  </record>\n");
        }
        return sb.append("</collection>\n").toString();
    }

    /** The ISO 2709 file: every record, one after another. */
    static byte[] iso2709(List<Book> books) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        books.forEach(b -> out.writeBytes(iso2709(b)));
        return out.toByteArray();
    }

    /** A box on a page image, in pixels. */
    record Box(int x, int y, int w, int h) {
    }

    /**
     * Draws a page: paper, a grey bar per word box, and a hatched engraving per illustration box.
     *
     * @param words the word boxes (read from the page's ALTO file)
     * @param pictures the illustration boxes
     * @return the image, 240 x 360 pixels
     */
    static BufferedImage page(List<Box> words, List<Box> pictures, long seed) {
        BufferedImage img = new BufferedImage(240, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xEE, 0xE6, 0xD2));
        g.fillRect(0, 0, 240, 360);
        Random r = new Random(seed);
        g.setColor(new Color(0x3A, 0x32, 0x2A));
        for (Box b : words) {
            g.fillRect(b.x(), b.y() + 2, b.w(), Math.max(2, b.h() - 4));
        }
        g.setStroke(new BasicStroke(1f));
        for (Box b : pictures) {
            g.drawRect(b.x(), b.y(), b.w() - 1, b.h() - 1);
            for (int i = 0; i < b.w() + b.h(); i += 4 + r.nextInt(3)) {
                g.drawLine(b.x() + Math.min(i, b.w() - 1), b.y() + Math.max(0, i - b.w() + 1),
                        b.x() + Math.max(0, i - b.h() + 1), b.y() + Math.min(i, b.h() - 1));
            }
        }
        g.dispose();
        return img;
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream o = out) {
            if (!ImageIO.write(img, format, o)) {
                throw new IOException("no " + format + " writer");
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads the boxes of an ALTO file: its words (String) and its illustrations.
     *
     * @param alto the ALTO file
     * @return the word boxes and the illustration boxes
     * @throws IOException if it cannot be read
     */
    static List<List<Box>> boxes(Path alto) throws IOException {
        List<Box> words = new ArrayList<>();
        List<Box> pictures = new ArrayList<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(alto)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT
                        && (r.getLocalName().equals("String") || r.getLocalName().equals("Illustration"))) {
                    Box b = new Box(num(r, "HPOS"), num(r, "VPOS"), num(r, "WIDTH"), num(r, "HEIGHT"));
                    (r.getLocalName().equals("String") ? words : pictures).add(b);
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(alto + ": " + e.getMessage(), e);
        }
        return List.of(words, pictures);
    }

    private static int num(XMLStreamReader r, String name) {
        return Integer.parseInt(r.getAttributeValue(null, name));
    }

    /**
     * Writes the generated holdings.
     *
     * @param args the holdings folder (default {@code examples/holdings})
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/holdings");
        List<Book> books = books();
        write(dir.resolve("marc/books.mrc"), iso2709(books));
        write(dir.resolve("marc/books.xml"), marcxml(books).getBytes(StandardCharsets.UTF_8));
        List<List<Box>> p1 = boxes(dir.resolve("newspaper/0001.xml"));
        write(dir.resolve("newspaper/0001.png"), encode(page(p1.get(0), p1.get(1), 1), "png"));
        List<List<Box>> p2 = boxes(dir.resolve("newspaper/0002.xml"));
        write(dir.resolve("newspaper/0002.jpg"), encode(page(p2.get(0), p2.get(1), 2), "jpeg"));
        System.out.println("wrote " + books.size() + " MARC records and 2 page images to " + dir);
    }
}
