package org.biglam.lam.alto.internal;

import org.biglam.lam.spi.vocab.Languages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Labels;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.alto.internal.AltoModel.Block;
import org.biglam.lam.alto.internal.AltoModel.Line;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.alto.internal.AltoModel.Word;

/**
 * Reads hOCR (HTML or XHTML with {@code ocr_page}, {@code ocr_carea}, {@code ocr_par},
 * {@code ocr_line}, {@code ocrx_word} classes and {@code title} properties) into the page model, with
 * a lenient HTML tokenizer (hOCR is often HTML that is not well-formed XML). The document is read
 * whole, within {@code maxRecordBytes}.
 */
public final class HocrParser implements PageSource {

    private static final Set<String> VOID = Set.of("meta", "br", "img", "link", "hr", "input", "area", "base", "col",
            "embed", "param", "source", "track", "wbr");
    private static final Set<String> LINES = Set.of("ocr_line", "ocrx_line", "ocr_textfloat", "ocr_header",
            "ocr_caption", "ocr_footer");
    private static final Set<String> BLOCKS = Set.of("ocr_carea", "ocr_par", "ocrx_block", "ocr_column",
            "ocr_chapter", "ocr_section", "ocr_subsection", "ocr_blockquote");
    private static final Set<String> ILLUSTRATIONS = Set.of("ocr_image", "ocr_photo", "ocr_graphic",
            "ocr_linedrawing", "ocr_chem", "ocr_math");

    /** White space between words: HTML's, and no-break spaces ({@code &nbsp;}), which hOCR writers put between words. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private enum Role { PAGE, BLOCK, LINE, WORD, ILLUSTRATION, CHAR, OTHER }

    private record Open(String name, Role role) {
    }

    private final AltoParser.Warnings warnings;
    private final List<Page> pages = new ArrayList<>();
    private final Map<String, String> pageImages = new LinkedHashMap<>();
    private final Map<String, List<String>> labels = new LinkedHashMap<>();
    private String system;
    private String documentLang;
    private boolean warnedCoords;

    private Page page;
    private Block block;
    private boolean anonymousBlock;
    /** Whether the open line was made for words outside any line. */
    private boolean implicitLine;
    private Line line;
    private StringBuilder lineText;
    private Word word;
    private StringBuilder wordText;
    /**
     * The text of the open word's {@code ocrx_cinfo} characters, or null where it has none: the
     * word's text where it has them (Tesseract's {@code hocr_char_boxes} puts each on a line of its
     * own, the white space between them is not the word's).
     */
    private StringBuilder charText;
    private int charDepth;
    /**
     * The mean of the open line's {@code x_confs} (character confidences), as written; NaN where
     * it has none. The words split from the line's text (a line without word elements) have it.
     */
    private double lineCharConf = Double.NaN;
    /**
     * The words whose confidence is the mean of their {@code x_confs} as written (kraken writes
     * them from 0 to 1, the hOCR specification asks for 0 to 100): scaled once the document is read.
     */
    private final List<Word> charConfWords = new ArrayList<>();
    /** The largest {@code x_confs} value of the document (of the lists read whole). */
    private double maxCharConf;

    /**
     * Reads a whole hOCR document.
     *
     * @param in the bytes (not closed)
     * @param location for errors
     * @param limits maxRecordBytes bounds the document
     * @param warnings where recovered problems go
     * @throws IOException if reading fails
     */
    public HocrParser(InputStream in, Location location, ReadLimits limits, AltoParser.Warnings warnings)
            throws IOException {
        this.warnings = warnings;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[65536];
        int n;
        while ((n = in.read(b)) > 0) {
            buf.write(b, 0, n);
            if (buf.size() > limits.maxRecordBytes()) {
                throw new LamLimitExceededException("hOCR document larger than " + limits.maxRecordBytes()
                        + " bytes (maxRecordBytes)", location);
            }
        }
        String s = buf.toString(declaredCharset(buf.toByteArray()));
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        parse(new HtmlTokenizer(s), limits);
    }

    /** {@code <meta charset=...>}, {@code <meta http-equiv... content="...; charset=...">} or {@code <?xml encoding=...?>}. */
    private static final java.util.regex.Pattern DECLARED = java.util.regex.Pattern.compile(
            "(?:charset|encoding)\\s*=\\s*[\"']?([a-z][a-z0-9_.:-]{1,39})");

    /**
     * The character set a document declares near its start (older hOCR writers and ABBYY
     * conversions declare ISO-8859-1 or windows-1252); UTF-16 where it starts with UTF-16's byte order
     * mark; UTF-8 where it declares none, a set Java does not know, or a 16-bit one (which would not
     * be readable as ASCII here).
     */
    static java.nio.charset.Charset declaredCharset(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE; // its byte order mark is read as U+FEFF and dropped
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = DECLARED.matcher(head);
        if (m.find()) {
            try {
                java.nio.charset.Charset cs = java.nio.charset.Charset.forName(m.group(1));
                if (!cs.name().startsWith("UTF-16") && !cs.name().startsWith("UTF-32")) {
                    return cs;
                }
            } catch (RuntimeException e) {
                // an unknown or illegal name: UTF-8
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The pages, in order. */
    public List<Page> pages() {
        return pages;
    }

    /** A page's image reference as written in its title, by page index. */
    public String image(Page p) {
        return pageImages.get(Integer.toString(p.index));
    }

    /** Labels from Dublin Core meta elements (DC.title, DC.creator, ...). */
    public Map<String, List<String>> labels() {
        return labels;
    }

    /** The ocr-system meta content, or null. */
    public String system() {
        return system;
    }

    @Override
    public Map<String, AltoParser.Tag> tags() {
        return Map.of();
    }

    @Override
    public List<String> readingOrder() {
        return List.of();
    }

    @Override
    public void warnCoordinates(String message, long line) {
        if (!warnedCoords) {
            warnedCoords = true;
            warnings.warn("hocr-coordinates", message, line);
        }
    }

    private void parse(HtmlTokenizer t, ReadLimits limits) {
        List<Open> stack = new ArrayList<>();
        while (t.next() != HtmlTokenizer.Kind.EOF) {
            switch (t.kind) {
                case START:
                    if ("meta".equals(t.name)) {
                        meta(t.attrs);
                    }
                    if ("html".equals(t.name)) {
                        documentLang = t.attrs.getOrDefault("lang", t.attrs.get("xml:lang"));
                    }
                    if (VOID.contains(t.name) || t.selfClosing) {
                        if (t.selfClosing && !VOID.contains(t.name)) {
                            Role r = start(t);
                            end(r);
                        }
                        break;
                    }
                    stack.add(new Open(t.name, start(t)));
                    if (stack.size() > limits.maxNestingDepth()) {
                        throw new LamLimitExceededException("HTML nested deeper than " + limits.maxNestingDepth(),
                                Location.of("hocr", null).withLine(t.tokenLine, 0));
                    }
                    break;
                case END: {
                    int at = -1;
                    for (int i = stack.size() - 1; i >= 0; i--) {
                        if (stack.get(i).name().equals(t.name)) {
                            at = i;
                            break;
                        }
                    }
                    if (at < 0) {
                        break;
                    }
                    while (stack.size() > at) {
                        end(stack.remove(stack.size() - 1).role());
                    }
                    break;
                }
                case TEXT:
                    if (word != null) {
                        wordText.append(t.text);
                        if (charDepth > 0) {
                            charText.append(t.text);
                        }
                    } else if (line != null) {
                        lineText.append(t.text);
                    }
                    break;
                default:
                    break;
            }
        }
        while (!stack.isEmpty()) {
            end(stack.remove(stack.size() - 1).role());
        }
        closePage(); // lines in no ocr_page make a page of their own
        scaleCharConfs();
        physicalNumbers();
    }

    /**
     * The mean of an element's {@code x_confs} (kraken: one confidence a character, from 0 to 1;
     * the hOCR specification asks for 0 to 100), as written; NaN where it has none, or where one is
     * not a number or is negative or above 100.
     */
    private double charConfs(String title) {
        String v = property(title, "x_confs");
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        double sum = 0;
        double max = 0;
        int n = 0;
        for (String c : v.strip().split("\\s+")) {
            double d = Numbers.parse(c);
            if (!(d >= 0 && d <= 100)) {
                return Double.NaN;
            }
            sum += d;
            max = Math.max(max, d);
            n++;
        }
        maxCharConf = Math.max(maxCharConf, max);
        return sum / n;
    }

    /** Takes note of a word whose confidence is the mean of {@code x_confs} as written. */
    private void charConf(Word w, double mean) {
        if (!Double.isNaN(mean)) {
            w.conf = mean;
            charConfWords.add(w);
        }
    }

    /**
     * Puts the words' {@code x_confs} means on lam's 0 to 1: a document whose character confidences
     * go above 1 writes them as percentages (as the hOCR specification asks), one whose never do, as
     * fractions (kraken's softmax probabilities).
     */
    private void scaleCharConfs() {
        if (maxCharConf > 1) {
            for (Word w : charConfWords) {
                w.conf /= 100;
            }
        }
    }

    /**
     * Makes the pages' {@code ppageno} a part number from 1, as ALTO's and METS's are: hOCR numbers
     * physical pages from 0 (the front cover; Tesseract writes {@code ppageno 0} for the first page
     * of its input). Where the numbers repeat (files joined by {@code hocr-combine}, each page 0),
     * they do not number this file's pages: a page that has one is numbered by its place in the file,
     * as its id is. A {@code ppageno} that is not a whole number is not read.
     */
    private void physicalNumbers() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        boolean repeated = false;
        for (Page p : pages) {
            long n = wholeNumber(p.physicalNr);
            if (n < 0) {
                p.physicalNr = null;
            } else {
                repeated |= !seen.add(n);
            }
        }
        for (Page p : pages) {
            if (p.physicalNr != null) {
                p.physicalNr = Long.toString(repeated ? p.index + 1 : wholeNumber(p.physicalNr) + 1);
            }
        }
    }

    /** A number of up to 9 digits, or -1. */
    private static long wholeNumber(String s) {
        if (s == null) {
            return -1;
        }
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(t);
    }

    private void meta(Map<String, String> a) {
        String name = a.get("name");
        String content = a.get("content");
        if (name == null || content == null || content.isBlank()) {
            return;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("ocr-system")) {
            system = content.strip();
            return;
        }
        if (!n.startsWith("dc.")) {
            return;
        }
        String label;
        switch (n.substring(3)) {
            case "title":
                label = Labels.TITLE;
                break;
            case "creator":
                label = Labels.CREATOR;
                break;
            case "contributor":
                label = Labels.CONTRIBUTOR;
                break;
            case "date":
                label = Labels.DATE;
                break;
            case "publisher":
                label = Labels.PUBLISHER;
                break;
            case "subject":
                label = Labels.SUBJECT;
                break;
            case "type":
                label = Labels.TYPE;
                break;
            case "identifier":
                label = Labels.IDENTIFIER;
                break;
            case "rights":
                label = Labels.RIGHTS;
                break;
            case "description":
                label = Labels.DESCRIPTION;
                break;
            case "language": {
                // one language, or several in one value (en, fr; eng+deu)
                List<String> values = labels.computeIfAbsent(Labels.LANGUAGE, k -> new ArrayList<>());
                for (String tag : Languages.tagsIn(content)) {
                    if (!values.contains(tag)) {
                        values.add(tag);
                    }
                }
                return;
            }
            default:
                label = "hocr:" + name;
                break;
        }
        List<String> values = labels.computeIfAbsent(label, k -> new ArrayList<>());
        if (!values.contains(content.strip())) {
            values.add(content.strip());
        }
    }

    private Role start(HtmlTokenizer t) {
        String cls = t.attrs.get("class");
        if (cls == null) {
            return Role.OTHER;
        }
        Role role = Role.OTHER;
        for (String c : cls.strip().split("\\s+")) {
            if (c.equals("ocr_page")) {
                role = Role.PAGE;
            } else if (LINES.contains(c)) {
                role = Role.LINE;
            } else if (c.equals("ocrx_word") || c.equals("ocr_word") || c.equals("xocr_word")) {
                // ocr_word (with an xocr_word inside it): Tesseract 3.01
                role = Role.WORD;
            } else if (BLOCKS.contains(c)) {
                role = Role.BLOCK;
            } else if (ILLUSTRATIONS.contains(c)) {
                role = Role.ILLUSTRATION;
            } else if (c.equals("ocrx_cinfo") && word != null) {
                role = Role.CHAR;
            }
            if (role != Role.OTHER) {
                break;
            }
        }
        String title = t.attrs.getOrDefault("title", "");
        String id = t.attrs.get("id");
        String lang = t.attrs.getOrDefault("lang", t.attrs.get("xml:lang"));
        switch (role) {
            case PAGE: {
                closePage();
                page = new Page();
                page.index = pages.size();
                page.id = id;
                page.lang = lang != null ? lang : documentLang;
                page.lineNumber = t.tokenLine;
                String[] box = bbox(title);
                if (box != null) {
                    page.width = box[2];
                    page.height = box[3];
                }
                String img = property(title, "image");
                if (img == null) {
                    img = property(title, "file"); // OCRopus's ocropus-hocr
                }
                if (img != null) {
                    pageImages.put(Integer.toString(page.index), img);
                }
                page.printedNr = property(title, "lpageno");
                page.physicalNr = property(title, "ppageno");
                break;
            }
            case BLOCK:
            case ILLUSTRATION: {
                ensurePage(t.tokenLine);
                closeImplicitLine();
                if (anonymousBlock) {
                    Boxes.enclose(block, block.lines);
                    block = block.parent;
                    anonymousBlock = false;
                }
                Block b = new Block();
                b.element = role == Role.BLOCK ? firstClass(cls) : firstClass(cls);
                b.illustration = role == Role.ILLUSTRATION;
                b.parent = block;
                b.id = id;
                b.lang = lang;
                b.lineNumber = t.tokenLine;
                b.index = page.blocks.size();
                box(b, title, t.tokenLine);
                page.blocks.add(b);
                if (block != null) {
                    block.children.add(b);
                }
                block = b;
                break;
            }
            case LINE: {
                closeImplicitLine();
                openLine(id, lang, t.tokenLine);
                box(line, title, t.tokenLine);
                lineCharConf = charConfs(title);
                break;
            }
            case CHAR:
                charDepth++;
                if (charText == null) {
                    charText = new StringBuilder();
                }
                break;
            case WORD: {
                if (word != null) {
                    return Role.OTHER; // a word inside a word: its text is the outer word's
                }
                if (line == null) {
                    // a word outside any line (hOCR of tools that give words in paragraphs or areas):
                    // its run of words is one line, boxed by their boxes
                    openLine(null, null, t.tokenLine);
                    implicitLine = true;
                }
                word = new Word();
                word.kind = AltoModel.WORD;
                word.id = id;
                word.lang = lang;
                word.lineNumber = t.tokenLine;
                box(word, title, t.tokenLine);
                String conf = property(title, "x_wconf");
                if (conf != null) {
                    double c = Numbers.parse(conf);
                    if (c >= 0 && c <= 100) {
                        word.conf = c / 100;
                    }
                }
                if (Double.isNaN(word.conf)) {
                    // kraken: a confidence a character, where Tesseract gives the word's
                    charConf(word, charConfs(title));
                }
                wordText = new StringBuilder();
                break;
            }
            default:
                break;
        }
        return role;
    }

    private void openLine(String id, String lang, long lineNumber) {
        ensurePage(lineNumber);
        if (block == null) {
            Block b = new Block();
            b.element = "ocr_carea";
            b.index = page.blocks.size();
            b.lineNumber = lineNumber;
            page.blocks.add(b);
            block = b;
            anonymousBlock = true;
        }
        line = new Line();
        lineCharConf = Double.NaN;
        line.block = block;
        line.id = id;
        line.lang = lang;
        line.lineNumber = lineNumber;
        line.index = page.lines.size();
        line.hasSp = true;
        lineText = new StringBuilder();
        page.lines.add(line);
        block.lines.add(line);
    }

    /** Ends the line made for words outside any line, giving it the box around its words. */
    private void closeImplicitLine() {
        if (!implicitLine) {
            return;
        }
        implicitLine = false;
        if (line == null) {
            return;
        }
        Boxes.enclose(line, line.words);
        line = null;
        lineText = null;
    }

    private static String firstClass(String cls) {
        String s = cls.strip();
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    private void ensurePage(long lineNumber) {
        if (page == null) {
            page = new Page();
            page.index = pages.size();
            page.lang = documentLang;
            page.lineNumber = lineNumber;
        }
    }

    private void end(Role role) {
        switch (role) {
            case CHAR:
                charDepth = Math.max(0, charDepth - 1);
                break;
            case WORD:
                if (word != null && line != null) {
                    String text = SPACES.matcher(charText != null ? charText : wordText).replaceAll(" ").strip();
                    if (!text.isEmpty()) {
                        word.content = text;
                        word.spBefore = !line.words.isEmpty();
                        word.line = line;
                        word.index = page.wordCount++;
                        line.words.add(word);
                    }
                }
                word = null;
                wordText = null;
                charText = null;
                charDepth = 0;
                break;
            case LINE:
                if (implicitLine) {
                    // the words after a line nested in this one, outside both: a line of their own
                    closeImplicitLine();
                    break;
                }
                if (line != null && line.words.isEmpty()) {
                    boolean first = true;
                    for (String s : SPACES.split(lineText)) {
                        if (s.isEmpty()) {
                            continue;
                        }
                        Word w = new Word();
                        w.kind = AltoModel.WORD;
                        w.content = s;
                        w.spBefore = !first;
                        first = false;
                        w.line = line;
                        w.index = page.wordCount++;
                        line.words.add(w);
                        charConf(w, lineCharConf); // words split from a line's text have its confidence
                    }
                }
                line = null;
                lineText = null;
                lineCharConf = Double.NaN;
                break;
            case BLOCK:
            case ILLUSTRATION:
                closeImplicitLine();
                if (anonymousBlock && block != null) {
                    Boxes.enclose(block, block.lines);
                    block = block.parent;
                    anonymousBlock = false;
                }
                if (block != null) {
                    block = block.parent;
                }
                break;
            case PAGE:
                closePage();
                break;
            default:
                break;
        }
    }

    private void closePage() {
        closeImplicitLine();
        if (anonymousBlock && block != null) {
            Boxes.enclose(block, block.lines);
        }
        if (page != null) {
            pages.add(page);
        }
        page = null;
        block = null;
        anonymousBlock = false;
        line = null;
        word = null;
        charText = null;
        charDepth = 0;
    }

    private void box(AltoModel.Boxed b, String title, long lineNumber) {
        String[] box = bbox(title);
        if (box != null) {
            b.hpos = box[0];
            b.vpos = box[1];
            b.width = box[2];
            b.height = box[3];
        }
    }

    /** x, y, w, h of a title's bbox, or null. */
    private static String[] bbox(String title) {
        String v = property(title, "bbox");
        if (v == null) {
            return null;
        }
        String[] p = v.strip().split("\\s+");
        if (p.length < 4) {
            return null;
        }
        double x0 = Numbers.parse(p[0]);
        double y0 = Numbers.parse(p[1]);
        double x1 = Numbers.parse(p[2]);
        double y1 = Numbers.parse(p[3]);
        if (Double.isNaN(x0) || Double.isNaN(y0) || Double.isNaN(x1) || Double.isNaN(y1)) {
            return null;
        }
        return new String[] {p[0], p[1], Long.toString(Math.round(x1 - x0)), Long.toString(Math.round(y1 - y0))};
    }

    /** A property of an hOCR title ("bbox 0 0 10 10; image \"a.png\""), unquoted; or null. */
    static String property(String title, String name) {
        if (title == null) {
            return null;
        }
        for (String part : title.split(";")) {
            String p = part.strip();
            if (p.startsWith(name) && (p.length() == name.length() || Character.isWhitespace(p.charAt(name.length())))) {
                String v = p.substring(name.length()).strip();
                if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }
}
