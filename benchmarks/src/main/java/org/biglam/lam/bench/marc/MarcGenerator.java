package org.biglam.lam.bench.marc;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marc4j.converter.impl.UnicodeToAnsel;

/**
 * Writes catalogue-shaped MARC 21 records (books with control fields, identifiers, classification,
 * names, titles, imprint, notes, subjects, genres, added entries and links) deterministically from
 * a seed, as ISO 2709 in UTF-8 or MARC-8, or as MARCXML. About a third of the records carry
 * non-ASCII names and places. The same records can be written as UNIMARC (the same content in
 * UNIMARC's fields, ISO 2709 in UTF-8) and as a file mixing both.
 */
final class MarcGenerator {

    /** One field: tag, indicators (null for control fields), subfield codes and values. */
    record Field(String tag, String ind, List<String> subfields) {
    }

    private static final String[] WORDS = ("history account journey letters voyage sermons poems essays memoirs "
            + "natural philosophy river town county church abbey parish war peace trade sea coast island empire "
            + "kingdom society manners women men children education science chemistry botany music art "
            + "architecture railway industry labour law medicine gardens birds fishes coal iron wool letters "
            + "diary travels description antiquities survey observations treatise remarks lectures studies life "
            + "times works collected selected new old early modern northern southern eastern western great little "
            + "first second last final complete illustrated annotated revised").split(" ");
    private static final String[] SURNAMES = {"Smith", "Brown", "Charlton", "Austen", "Eliot", "Dickens", "Hardy",
        "Gaskell", "Müller", "Dvořák", "Gödel", "García Márquez", "Łukasiewicz", "Ørsted", "Dupré", "Böll",
        "Šalamun", "Núñez", "Lévi-Strauss", "Ibsen", "Strindberg", "Čapek", "Andersen", "Jones", "Taylor"};
    private static final String[] FORENAMES = {"Ann", "Lionel", "Jane", "George", "Charles", "Thomas", "Élisabeth",
        "José", "François", "Søren", "Jürgen", "Zoë", "Mary", "William", "Henrik", "Karel", "Ines", "Björn"};
    private static final String[] PLACES = {"London", "York", "Edinburgh", "Paris", "Berlin", "New York",
        "Kraków", "Malmö", "São Paulo", "Zürich", "København", "Boston", "Oxford", "Leipzig", "Praha"};
    private static final String[] PUBLISHERS = {"Penguin Books", "Oxford University Press", "J. Murray",
        "Macmillan", "Éditions Gallimard", "Suhrkamp", "Printed by A. Ward", "Chatto & Windus", "Faber"};
    private static final String[] LANGS = {"eng", "eng", "eng", "eng", "ger", "fre", "spa", "ita", "dut", "swe"};
    private static final String[] TOPICS = {"Whitby (England)", "Natural history", "Railroads", "Women",
        "Church history", "Botany", "Poetry", "Travel", "Fishing", "Coal mines and mining", "Education"};
    private static final String[] SUBDIVISIONS = {"History", "Description and travel", "Biography",
        "Social life and customs", "Fiction", "Juvenile literature", "19th century", "Periodicals"};
    private static final String[] GENRES = {"Fiction", "Detective and mystery fiction", "Biographies",
        "Travel writing", "Poetry", "Essays", "Historical fiction"};

    private final Random random;
    private final UnicodeToAnsel toAnsel = new UnicodeToAnsel();

    MarcGenerator(long seed) {
        this.random = new Random(seed);
    }

    private String pick(String[] a) {
        return a[random.nextInt(a.length)];
    }

    private String words(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(pick(WORDS));
        }
        return sb.toString();
    }

    private static Field control(String tag, String value) {
        return new Field(tag, null, List.of(value));
    }

    private static Field data(String tag, String ind, String... sf) {
        return new Field(tag, ind, List.of(sf));
    }

    /** The next record's fields. */
    List<Field> next(long i) {
        List<Field> f = new ArrayList<>(32);
        int year = 1700 + random.nextInt(320);
        String lang = pick(LANGS);
        char form = random.nextInt(3) == 0 ? '1' : '0';
        f.add(control("001", "ocm" + String.format("%08d", i + 1)));
        f.add(control("003", "OCoLC"));
        f.add(control("005", "20240101120000.0"));
        f.add(control("008", String.format("%06ds%04d    enk           000 %c %s d", 240101, year, form, lang)));
        if (random.nextBoolean()) {
            f.add(data("010", "  ", "a   " + (2000000000L + random.nextInt(99999999))));
        }
        if (random.nextInt(10) < 7) {
            f.add(data("020", "  ", "a978" + (100000000L + random.nextInt(899999999)) + "" + random.nextInt(10)
                    + " (pbk.)"));
        }
        f.add(data("035", "  ", "a(OCoLC)ocm" + String.format("%08d", i + 1)));
        f.add(data("040", "  ", "aDLC", "beng", "cDLC"));
        f.add(data("050", "00", "aPR" + (1000 + random.nextInt(8000)), "b.C" + random.nextInt(99) + " " + year));
        f.add(data("082", "00", "a" + (100 + random.nextInt(800)) + "/." + random.nextInt(99), "223"));
        String surname = pick(SURNAMES);
        String forename = pick(FORENAMES);
        f.add(data("100", "1 ", "a" + surname + ", " + forename + ",", "d" + (year - 60) + "-" + (year - 5) + "."));
        String title = words(2, 7);
        title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        f.add(data("245", "10", "a" + title + " :", "b" + words(2, 6) + " /", "cby " + forename + " " + surname + "."));
        if (random.nextInt(5) == 0) {
            f.add(data("250", "  ", "a" + (2 + random.nextInt(5)) + "nd ed."));
        }
        f.add(data("264", " 1", "a" + pick(PLACES) + " :", "b" + pick(PUBLISHERS) + ",", "c" + year + "."));
        f.add(data("300", "  ", "a" + (50 + random.nextInt(700)) + " p. :", "bill. ;", "c24 cm."));
        if (random.nextInt(10) < 3) {
            f.add(data("490", "1 ", "a" + words(2, 4) + " ;", "vv. " + (1 + random.nextInt(40))));
        }
        if (random.nextBoolean()) {
            f.add(data("500", "  ", "a" + words(6, 20) + "."));
        }
        if (random.nextInt(10) < 3) {
            f.add(data("504", "  ", "aIncludes bibliographical references (p. " + random.nextInt(300) + "-"
                    + (300 + random.nextInt(100)) + ") and index."));
        }
        if (random.nextInt(100) < 15) {
            StringBuilder contents = new StringBuilder();
            int n = 5 + random.nextInt(8);
            for (int k = 0; k < n; k++) {
                contents.append(k == 0 ? "" : " -- ").append(words(2, 5));
            }
            f.add(data("505", "0 ", "a" + contents + "."));
        }
        if (random.nextInt(10) < 4) {
            f.add(data("520", "  ", "a" + words(20, 60) + "."));
        }
        int subjects = 1 + random.nextInt(4);
        for (int k = 0; k < subjects; k++) {
            int kind = random.nextInt(3);
            String tag = kind == 0 ? "600" : kind == 1 ? "650" : "651";
            String head = kind == 0 ? pick(SURNAMES) + ", " + pick(FORENAMES) + "," : pick(TOPICS);
            if (random.nextBoolean()) {
                f.add(data(tag, kind == 0 ? "10" : " 0", "a" + head, "x" + pick(SUBDIVISIONS) + "."));
            } else {
                f.add(data(tag, " 0", "a" + head, "z" + pick(PLACES), "v" + pick(SUBDIVISIONS) + "."));
            }
        }
        if (random.nextInt(10) < 3) {
            f.add(data("655", " 7", "a" + pick(GENRES) + ".", "2lcgft"));
        }
        int added = random.nextInt(4);
        for (int k = 0; k < added; k++) {
            f.add(data("700", "1 ", "a" + pick(SURNAMES) + ", " + pick(FORENAMES) + ",", "eeditor."));
        }
        if (random.nextInt(10) == 0) {
            f.add(data("856", "42", "3Cover image", "uhttps://example.org/covers/" + i + ".jpg"));
        }
        return f;
    }

    private static String strip(String v) {
        String s = v.strip();
        while (!s.isEmpty() && " :/;,.".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** A UNIMARC personal name ($a surname, $b forename) from a MARC 21 "Surname, Forename," value. */
    private static String[] name(String v) {
        String[] p = strip(v).split(", ", 2);
        return p.length == 2 ? new String[] {"a" + p[0], "b" + p[1]} : new String[] {"a" + p[0]};
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The same record in UNIMARC's fields: what a UNIMARC catalogue holds for the same book. */
    static List<Field> unimarc(List<Field> marc21) {
        List<Field> f = new ArrayList<>(marc21.size() + 3);
        for (Field x : marc21) {
            List<String> s = x.subfields();
            switch (x.tag()) {
                case "001": case "005":
                    f.add(x);
                    break;
                case "008": {
                    String d = s.get(0);
                    String year = d.substring(7, 11);
                    String lang = d.substring(35, 38);
                    f.add(data("100", "  ", "a20240101d" + year + "    m  y0" + "engy50      ba"));
                    f.add(data("101", "0 ", "a" + lang));
                    f.add(data("105", "  ", "ay       000" + (d.charAt(33) == '1' ? 'a' : 'y') + "y"));
                    break;
                }
                case "020":
                    f.add(data("010", "  ", "a" + s.get(0).substring(1).replace(" (pbk.)", ""), "bbr."));
                    break;
                case "035":
                    f.add(x);
                    break;
                case "050":
                    f.add(data("680", "  ", s.get(0), s.get(1)));
                    break;
                case "082":
                    f.add(data("676", "  ", s.get(0).replace("/", ""), "v23"));
                    break;
                case "100": {
                    f.add(data("700", " 1", concat(name(s.get(0).substring(1)), "f" + strip(s.get(1).substring(1)),
                            "4070")));
                    break;
                }
                case "245":
                    f.add(data("200", "1 ", "a" + strip(s.get(0).substring(1)), "e" + strip(s.get(1).substring(1)),
                            "f" + strip(s.get(2).substring(1))));
                    break;
                case "250":
                    f.add(data("205", "  ", "a" + strip(s.get(0).substring(1))));
                    break;
                case "264":
                    f.add(data("210", "  ", "a" + strip(s.get(0).substring(1)), "c" + strip(s.get(1).substring(1)),
                            "d" + strip(s.get(2).substring(1))));
                    break;
                case "300":
                    f.add(data("215", "  ", "a" + strip(s.get(0).substring(1)), "c" + strip(s.get(1).substring(1)),
                            "d" + strip(s.get(2).substring(1))));
                    break;
                case "490":
                    f.add(data("225", "2 ", "a" + strip(s.get(0).substring(1)), s.get(1)));
                    break;
                case "500":
                    f.add(data("300", "  ", s.get(0)));
                    break;
                case "504":
                    f.add(data("320", "  ", s.get(0)));
                    break;
                case "505":
                    f.add(data("327", "0 ", s.get(0)));
                    break;
                case "520":
                    f.add(data("330", "  ", s.get(0)));
                    break;
                case "600": case "650": case "651": {
                    String tag = x.tag().equals("600") ? "600" : x.tag().equals("650") ? "606" : "607";
                    List<String> out = new ArrayList<>();
                    for (String sf : s) {
                        char c = sf.charAt(0);
                        if (c == 'a' && tag.equals("600")) {
                            out.addAll(List.of(name(sf.substring(1))));
                        } else {
                            out.add((c == 'v' ? "j" : c == 'z' ? "y" : String.valueOf(c)) + strip(sf.substring(1)));
                        }
                    }
                    out.add("2rameau");
                    f.add(data(tag, tag.equals("600") ? " 1" : "  ", out.toArray(new String[0])));
                    break;
                }
                case "655":
                    f.add(data("608", "  ", "a" + strip(s.get(0).substring(1)), "2rameau"));
                    break;
                case "700":
                    f.add(data("702", " 1", concat(name(s.get(0).substring(1)), "4340")));
                    break;
                case "856":
                    f.add(x);
                    break;
                default:
                    break;
            }
        }
        return f;
    }

    /** ISO 2709 bytes of a record, in UTF-8 or MARC-8. */
    byte[] iso2709(List<Field> fields, boolean marc8) {
        return iso2709(fields, marc8, false);
    }

    /** ISO 2709 bytes of a record, in UTF-8 or MARC-8, with a MARC 21 or a UNIMARC leader. */
    byte[] iso2709(List<Field> fields, boolean marc8, boolean unimarc) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        StringBuilder dir = new StringBuilder(fields.size() * 12);
        for (Field f : fields) {
            int start = body.size();
            if (f.ind() == null) {
                body.writeBytes(f.subfields().get(0).getBytes(StandardCharsets.US_ASCII));
            } else {
                body.writeBytes(f.ind().getBytes(StandardCharsets.US_ASCII));
                for (String sf : f.subfields()) {
                    body.write(0x1F);
                    body.write(sf.charAt(0));
                    String v = sf.substring(1);
                    body.writeBytes(marc8 ? toAnsel.convert(v).getBytes(StandardCharsets.ISO_8859_1)
                            : v.getBytes(StandardCharsets.UTF_8));
                }
            }
            body.write(0x1E);
            dir.append(f.tag()).append(String.format("%04d%05d", body.size() - start, start));
        }
        int base = 24 + dir.length() + 1;
        int total = base + body.size() + 1;
        String leader = unimarc ? String.format("%05dnam0 22%05d1  450 ", total, base)
                : String.format("%05dnam %c22%05d a 4500", total, marc8 ? ' ' : 'a', base);
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        out.writeBytes(leader.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(dir.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(0x1E);
        out.writeBytes(body.toByteArray());
        out.write(0x1D);
        return out.toByteArray();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A MARCXML record element. */
    static String xml(List<Field> fields) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<record>\n  <leader>00000nam a2200000 a 4500</leader>\n");
        for (Field f : fields) {
            if (f.ind() == null) {
                sb.append("  <controlfield tag=\"").append(f.tag()).append("\">").append(escape(f.subfields().get(0)))
                        .append("</controlfield>\n");
            } else {
                sb.append("  <datafield tag=\"").append(f.tag()).append("\" ind1=\"").append(f.ind().charAt(0))
                        .append("\" ind2=\"").append(f.ind().charAt(1)).append("\">\n");
                for (String sf : f.subfields()) {
                    sb.append("    <subfield code=\"").append(sf.charAt(0)).append("\">").append(escape(sf.substring(1)))
                            .append("</subfield>\n");
                }
                sb.append("  </datafield>\n");
            }
        }
        return sb.append("</record>\n").toString();
    }

    /** Kinds of file. */
    enum Kind { UTF8, MARC8, MARCXML, UNIMARC, MIXED }

    /**
     * Writes exactly {@code count} records (the same ones, from the same seed, whatever the kind):
     * UTF-8 MARC 21, UNIMARC, or MIXED (every other record UNIMARC).
     *
     * @return the number of bytes
     */
    static long writeRecords(Path file, Kind kind, long count, long seed) throws IOException {
        MarcGenerator g = new MarcGenerator(seed);
        long size = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long n = 0; n < count; n++) {
                List<Field> f = g.next(n);
                boolean uni = kind == Kind.UNIMARC || kind == Kind.MIXED && n % 2 == 1;
                byte[] b = uni ? g.iso2709(unimarc(f), false, true) : g.iso2709(f, kind == Kind.MARC8, false);
                out.write(b);
                size += b.length;
            }
        }
        return size;
    }

    /**
     * Writes records until the file has at least {@code bytes} bytes.
     *
     * @return the number of records
     */
    static long write(Path file, Kind kind, long bytes, long seed) throws IOException {
        MarcGenerator g = new MarcGenerator(seed);
        long n = 0;
        long size = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            if (kind == Kind.MARCXML) {
                byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n"
                        .getBytes(StandardCharsets.UTF_8);
                out.write(head);
                size += head.length;
            }
            while (size < bytes) {
                List<Field> f = g.next(n);
                byte[] b = kind == Kind.MARCXML ? xml(f).getBytes(StandardCharsets.UTF_8) : g.iso2709(f, kind == Kind.MARC8);
                out.write(b);
                size += b.length;
                n++;
            }
            if (kind == Kind.MARCXML) {
                out.write("</collection>\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return n;
    }
}
