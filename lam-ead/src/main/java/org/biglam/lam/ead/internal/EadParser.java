package org.biglam.lam.ead.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Labels;
import org.biglam.lam.Location;
import org.biglam.lam.spi.Entities;
import org.biglam.lam.spi.ImageLinks;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.XmlRecordReader;
import org.biglam.lam.spi.vocab.Dates;
import org.biglam.lam.spi.vocab.Languages;

/**
 * Reads one EAD finding aid (2002 or EAD3) event by event from a parser standing on its {@code ead}
 * start, and hands out a record per component (the {@code archdesc} included) or one per finding aid.
 *
 * <p>Memory is one component's own values plus, for each open ancestor, its title, position and
 * repository: a component's record is made when its first child component starts (children come last
 * in a component) or when it ends; the {@code archdesc} record, whose notes may follow its
 * {@code dsc}, when the {@code archdesc} ends.
 */
public final class EadParser implements XmlRecordReader.Parser {

    /** The namespaces of EAD: 2002, EAD3, EAD3's undeprecated variant, and none. */
    public static final Set<String> NAMESPACES = Set.of("urn:isbn:1-931666-22-9",
            "http://ead3.archivists.org/schema/", "http://ead3.archivists.org/schema/undeprecated/", "");

    private enum Kind {
        FAID, FATITLE, TITLE, UNITID, UNITDATE, DATESTRUCT, ORIGINATION, LANGMAT, PHYSDESC, EXTENT3, CONTAINER,
        REPOSITORY, PHYSLOC, DAODESC, NOTE, RIGHTS, TERM
    }

    /** One component (or the archdesc) while it is open; a component's is used again for a later one. */
    private static final class Unit {
        boolean archdesc;
        int depth;
        /** Its place among its parent's children (from 1). */
        int nth;
        /** Its position ({@code c2.1.3}; empty for the archdesc) once made, else null. */
        String pos;
        long line;
        Unit parent;
        String idAttr;
        String level;
        int children;
        int nest;
        boolean emitted;
        String pathTitle;
        /** The last path made for its children, and the collection-level title it was made with. */
        String childPath;
        String childPathTop;
        boolean childPathMade;
        final List<String> titles = new ArrayList<>(1);
        final List<String> unitids = new ArrayList<>(1);
        final List<String> dates = new ArrayList<>(1);
        final List<String> rawDates = new ArrayList<>(1);
        final List<String> creators = new ArrayList<>(1);
        final List<String> languages = new ArrayList<>(1);
        final List<String> extents = new ArrayList<>(1);
        final List<String> physdesc = new ArrayList<>(0);
        final List<String> containers = new ArrayList<>(1);
        final List<String> repositories = new ArrayList<>(0);
        final List<String> physloc = new ArrayList<>(0);
        final List<String> daodescs = new ArrayList<>(0);
        final List<String> descriptions = new ArrayList<>(0);
        final List<String> rights = new ArrayList<>(0);
        final List<String> places = new ArrayList<>(0);
        final List<String> subjects = new ArrayList<>(0);
        final List<String> genres = new ArrayList<>(0);
        final List<String> manifests = new ArrayList<>(0);
        final List<ImageRef> images = new ArrayList<>(0);
        /** Links whose role is a thumbnail: its images only when it has no other. */
        final List<ImageRef> thumbnails = new ArrayList<>(0);
        /** Its text while it is one note (most often), else null and the notes in {@link #text}. */
        String note;
        final StringBuilder text = new StringBuilder();
        boolean tooBig;

        /** Its one note, if so, into {@link #text}, to add more. */
        void joinNotes() {
            if (note != null) {
                text.append(note);
                note = null;
            }
        }

        Unit set(boolean archdesc, int depth, int nth, long line, Unit parent) {
            this.archdesc = archdesc;
            this.depth = depth;
            this.nth = nth;
            this.pos = archdesc ? "" : null;
            this.line = line;
            this.parent = parent;
            return this;
        }

        /** Forgets everything, to be used for another component. */
        void clear() {
            parent = null;
            idAttr = null;
            level = null;
            children = 0;
            nest = 0;
            emitted = false;
            pathTitle = null;
            childPath = null;
            childPathTop = null;
            childPathMade = false;
            titles.clear();
            unitids.clear();
            dates.clear();
            rawDates.clear();
            creators.clear();
            languages.clear();
            extents.clear();
            physdesc.clear();
            containers.clear();
            repositories.clear();
            physloc.clear();
            daodescs.clear();
            descriptions.clear();
            rights.clear();
            places.clear();
            subjects.clear();
            genres.clear();
            manifests.clear();
            images.clear();
            thumbnails.clear();
            note = null;
            if (text.capacity() > 4096) {
                text.setLength(0);
                text.trimToSize();
            } else {
                text.setLength(0);
            }
            tooBig = false;
        }
    }

    private final XMLStreamReader r;
    private final Input input;
    private final ReadContext ctx;
    private final boolean collection;
    private final LamRecord envelope;
    private final Consumer<LamRecord> out;
    private final int maxBytes;
    private final String defaultId;

    private final String ns;
    private int depth;
    private int headerDepth = -1;
    private int dscDepth = -1;
    private int controlaccessDepth = -1;
    /** The depth of the open {@code dao}, {@code daogrp} or {@code daoset} (outside notes), else -1. */
    private int daoDepth = -1;
    private String faId;
    private String faTitle;
    private String faFilingTitle;
    private final ArrayDeque<Unit> units = new ArrayDeque<>();
    /** Components' units done with, to be used again (up to 64: as many as the deepest nesting seen). */
    private final ArrayDeque<Unit> spare = new ArrayDeque<>();
    private Unit arch;
    private long recordIndex;
    private boolean done;

    // the one capture that may be open
    private Kind cap;
    private int capDepth;
    private String capLabel;
    private final Text.Buf sb = new Text.Buf();
    private int skipDepth = -1;
    private int mark = -1;
    private String markAttr;
    private boolean markSeen;
    private String dateFrom;
    private String dateTo;
    private String dateSingle;
    /** In a {@code unitdatestructured}: whether a from/to date was given, where its daterange's text starts, how many dates it gave. */
    private boolean fromSeen;
    private boolean toSeen;
    private int dateStart;
    private int dateParts;
    private boolean overflow;
    private int parts;
    /** The term's element, for a term (a name's parts are joined by commas, a subject's by dashes). */
    private Element capElement;

    // for the collection granularity: the titles of the components, as a table of contents
    private final StringBuilder contents = new StringBuilder();
    private long components;
    private boolean contentsFull;
    private boolean warnedLate;
    private boolean warnedUntitled;

    /**
     * @param r the parser, standing on the {@code ead} element's start
     * @param ctx the context: options, problems, the input for relative links
     * @param collection whether to make one record per finding aid instead of one per component
     * @param envelope what an envelope knows of the record (an OAI header), or null for a file
     * @param defaultId the finding aid's id when it names none (the input's name, the envelope's id)
     * @param out takes each record
     */
    public EadParser(XMLStreamReader r, ReadContext ctx, boolean collection, LamRecord envelope, String defaultId,
            Consumer<LamRecord> out) {
        this.r = r;
        this.ctx = ctx;
        this.input = ctx.input();
        this.collection = collection;
        this.envelope = envelope;
        this.out = out;
        this.maxBytes = ctx.limits().maxRecordBytes();
        this.faId = envelope != null ? envelope.id() : null;
        this.defaultId = defaultId;
        String n = r.getNamespaceURI();
        this.ns = n == null ? "" : n;
        depth = 1;
    }

    /** Whether the finding aid's end has been read. */
    @Override
    public boolean done() {
        return done;
    }

    /**
     * Reads events and acts on them until a record is made or the finding aid ends (at its end, leaves
     * the parser on its end tag).
     *
     * @throws XMLStreamException if the XML is not well-formed
     */
    @Override
    public void step() throws XMLStreamException {
        long made = recordIndex;
        do {
            event();
        } while (!done && recordIndex == made);
    }

    private void event() throws XMLStreamException {
        int e = r.next();
        switch (e) {
            case XMLStreamConstants.START_ELEMENT:
                depth++;
                start();
                break;
            case XMLStreamConstants.END_ELEMENT:
                end();
                depth--;
                if (depth == 0) {
                    done = true;
                }
                break;
            case XMLStreamConstants.CHARACTERS:
            case XMLStreamConstants.CDATA:
            case XMLStreamConstants.SPACE:
                if (cap != null && skipDepth < 0) {
                    if (sb.length() + r.getTextLength() > maxBytes) {
                        overflow = true;
                    } else {
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                break;
            case XMLStreamConstants.ENTITY_REFERENCE:
                entity();
                break;
            case XMLStreamConstants.END_DOCUMENT:
                done = true;
                break;
            default:
                break;
        }
    }

    /**
     * A reference to an entity a DTD would declare: a character entity of the ISO sets that EAD 2002's
     * DTD includes ({@code &eacute;}, {@code &mdash;}) is its character; any other is refused, as its
     * DTD is never read and nothing is expanded (entity bombs, external entities).
     */
    private void entity() {
        String name = r.getLocalName();
        String value = Entities.value(name);
        if (value == null) {
            throw new LamFormatException("entity &" + name + "; is not a character entity lam knows: entities "
                    + "declared in a DTD are not expanded (external entities and entity expansion are refused)",
                    ctx.location().withLine(line(), column()));
        }
        if (cap != null && skipDepth < 0) {
            sb.append(value);
        }
    }

    private int column() {
        javax.xml.stream.Location l = r.getLocation();
        return l == null ? 0 : l.getColumnNumber();
    }

    private boolean ours() {
        String n = r.getNamespaceURI();
        return n == ns || ns.equals(n == null ? "" : n);
    }

    private String attr(String local) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if (local.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private long line() {
        javax.xml.stream.Location l = r.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    private void begin(Kind kind) {
        cap = kind;
        capDepth = depth;
        sb.clear();
        mark = -1;
        markAttr = null;
        markSeen = false;
        overflow = false;
        parts = 0;
        capElement = null;
        dateFrom = null;
        dateTo = null;
        dateSingle = null;
        fromSeen = false;
        toSeen = false;
        dateStart = 0;
        dateParts = 0;
    }

    private void start() {
        if (skipDepth >= 0) {
            return;
        }
        if (!ours()) {
            if (cap != null) {
                sb.append(' ');
            }
            return;
        }
        String n = r.getLocalName();
        Element el = Element.of(n);
        if (!units.isEmpty() && r.getAttributeCount() > 0 && "internal".equals(attr("audience"))) {
            // in the archdesc only: the header and the archdesc itself are marked so on whole finding aids
            internal(el);
            return;
        }
        if (cap != null) {
            inside(el);
            return;
        }
        Unit u = units.peek();
        switch (el) {
            case COMPONENT:
                if (u != null && (dscDepth >= 0 || !u.archdesc)) {
                    component(u);
                    return;
                }
                break;
            case HEADER:
                if (u == null) {
                    headerDepth = depth;
                }
                return;
            case FAID:
                if (headerDepth >= 0) {
                    begin(Kind.FAID);
                }
                return;
            case TITLEPROPER:
                if (headerDepth >= 0 && faTitle == null) {
                    begin(Kind.FATITLE);
                    capLabel = attr("type");
                    if (capLabel == null) {
                        capLabel = attr("localtype"); // EAD3's name for it
                    }
                }
                return;
            case ARCHDESC:
                if (u == null) {
                    arch = new Unit().set(true, depth, 0, line(), null);
                    units.push(arch);
                    String level = attr("level");
                    units.peek().level = "otherlevel".equals(level) && attr("otherlevel") != null ? attr("otherlevel")
                            : level;
                }
                return;
            case DSC:
                if (u != null && dscDepth < 0) {
                    dscDepth = depth;
                }
                return;
            default:
                break;
        }
        if (u == null) {
            return;
        }
        if (u.emitted && !u.archdesc) {
            if (!warnedLate) {
                warnedLate = true;
                ctx.warn("ead-order", "a component's description after its child components is left out",
                        ctx.location().withLine(line(), 0));
            }
            return;
        }
        if (controlaccessDepth >= 0 && el != Element.CONTROLACCESS && el != Element.HEAD) {
            String label = el == Element.GEOGNAME ? Labels.PLACE : el == Element.GENREFORM ? Labels.GENRE
                    : el.subject() ? Labels.SUBJECT : null;
            if (label != null) {
                begin(Kind.TERM);
                capLabel = label;
                capElement = el;
            }
            return;
        }
        switch (el) {
            case CONTROLACCESS:
                controlaccessDepth = depth;
                break;
            case UNITTITLE:
                begin(Kind.TITLE);
                break;
            case UNITID:
                begin(Kind.UNITID);
                break;
            case UNITDATE:
                begin(Kind.UNITDATE);
                capLabel = attr("normal");
                break;
            case UNITDATESTRUCTURED:
                begin(Kind.DATESTRUCT);
                break;
            case ORIGINATION:
                begin(Kind.ORIGINATION);
                break;
            case LANGMATERIAL:
                begin(Kind.LANGMAT);
                break;
            case PHYSDESC:
                begin(Kind.PHYSDESC);
                break;
            case PHYSDESCSTRUCTURED:
                begin(Kind.EXTENT3);
                break;
            case CONTAINER:
                String type = attr("type");
                if (type == null) {
                    type = attr("localtype");
                }
                begin(Kind.CONTAINER);
                capLabel = type;
                break;
            case REPOSITORY:
                begin(Kind.REPOSITORY);
                break;
            case PHYSLOC:
                begin(Kind.PHYSLOC);
                break;
            case DAO:
                dao(u);
                if (daoDepth < 0) {
                    daoDepth = depth;
                }
                break;
            case DAOGRP:
                if (daoDepth < 0) {
                    daoDepth = depth;
                }
                break;
            case DAODESC:
                begin(Kind.DAODESC);
                break;
            case DESCRIPTIVENOTE:
                if (daoDepth >= 0) {
                    begin(Kind.DAODESC);
                }
                break;
            case NOTE:
                begin(Kind.NOTE);
                capLabel = n;
                break;
            case RIGHTS:
                begin(Kind.RIGHTS);
                break;
            default:
                break;
        }
    }

    /**
     * An element for staff only ({@code audience="internal"}: an unpublished component, a processing
     * note, ArchivesSpace's internal URIs) inside the {@code archdesc} is left out with all it holds;
     * a component still counts among its parent's children, so that its siblings' positions are the
     * document's.
     */
    private void internal(Element el) {
        skipDepth = depth;
        Unit u = units.peek();
        if (el == Element.COMPONENT && cap == null && u != null && (dscDepth >= 0 || !u.archdesc)) {
            u.children++;
        }
    }

    private void dao(Unit u) {
        String href = attr("href");
        if (href == null || href.isBlank()) {
            String title = attr("linktitle");
            if (title == null) {
                title = attr("title");
            }
            if (title != null && !title.isBlank() && u.daodescs.isEmpty()) {
                u.daodescs.add(title.strip());
            }
            return;
        }
        String cleaned = ImageLinks.clean(href);
        if (ImageLinks.isManifest(cleaned)) {
            if (!u.manifests.contains(cleaned)) {
                u.manifests.add(cleaned);
            }
        } else {
            ImageRef img = ImageLinks.image(input, href);
            String role = attr("role");
            if (role == null) {
                role = attr("linkrole"); // EAD3's
            }
            // ArchivesSpace's file versions of one object: Image-Thumbnail next to Image-Service, Image-Master
            List<ImageRef> to = role != null && role.toLowerCase(java.util.Locale.ROOT).contains("thumbnail")
                    ? u.thumbnails : u.images;
            if (img != null && !to.contains(img)) {
                to.add(img);
            }
        }
        String title = attr("linktitle");
        if (title == null) {
            title = attr("title");
        }
        if (title != null && !title.isBlank() && u.daodescs.isEmpty()) {
            u.daodescs.add(title.strip());
        }
    }

    /** An element inside a capture: only what it does to the text. */
    private void inside(Element el) {
        if (skipDepth >= 0) {
            return;
        }
        if (el == Element.LB) {
            sb.append(' ');
            return;
        }
        if ((cap == Kind.NOTE || cap == Kind.RIGHTS) && el == Element.HEAD) {
            skipDepth = depth;
            return;
        }
        if (el == Element.DAO && !units.isEmpty()) {
            dao(units.peek());
            return;
        }
        switch (cap) {
            case TITLE:
                if (el == Element.UNITDATE && mark < 0) {
                    mark = sb.length();
                    markAttr = attr("normal");
                }
                break;
            case DATESTRUCT:
                if (el == Element.DATERANGE) {
                    sb.append(Text.SEP);
                    dateStart = sb.length();
                    mark = -1;
                    dateFrom = null;
                    dateTo = null;
                    fromSeen = false;
                    toSeen = false;
                } else if (el == Element.FROMDATE) {
                    dateFrom = attr("standarddate");
                    fromSeen = true;
                } else if (el == Element.TODATE) {
                    dateTo = attr("standarddate");
                    toSeen = true;
                    mark = sb.length();
                } else if (el == Element.DATESINGLE) {
                    sb.append(Text.SEP);
                    dateStart = sb.length();
                    dateSingle = attr("standarddate");
                }
                break;
            case ORIGINATION:
            case TERM:
                if (el == Element.NAME && cap == Kind.ORIGINATION) {
                    sb.append(Text.SEP);
                    markSeen = true;
                    parts = 0;
                } else if (el == Element.PART) {
                    if (parts++ > 0) {
                        sb.append(cap == Kind.TERM && capElement != Element.NAME ? " -- " : ", ");
                    }
                } else if (el == Element.EMPH && attr("altrender") != null && partBefore()) {
                    // Archives Hub: <persname><emph altrender="a">Darwin</emph><emph altrender="forenames">...
                    sb.append(cap == Kind.TERM && capElement != Element.NAME ? " -- " : ", ");
                }
                break;
            case EXTENT3:
                if (el == Element.DESCRIPTIVENOTE) {
                    skipDepth = depth;
                } else {
                    sb.append(' ');
                }
                break;
            case REPOSITORY:
                if (el == Element.ADDRESS && sb.clean() != null) {
                    skipDepth = depth; // the repository's name came first: its address is not its name
                } else if (el.block()) {
                    sb.append(' ');
                }
                break;
            case LANGMAT:
                if (el == Element.LANGUAGE) {
                    String code = attr("langcode");
                    String tag = Languages.toBcp47(code);
                    sb.append(Text.SEP);
                    if (tag != null) {
                        add(units.peek().languages, tag);
                        markSeen = true;
                    } else {
                        mark = sb.length();
                    }
                }
                break;
            case PHYSDESC:
                if (el == Element.EXTENT) {
                    mark = sb.length();
                    markSeen = true;
                }
                break;
            default:
                if (el.block()) {
                    sb.append(cap == Kind.NOTE || cap == Kind.RIGHTS ? Text.SEP : ' ');
                } else if (el == Element.EVENT) {
                    sb.append(' ');
                }
                break;
        }
    }

    private void insideEnd(Element el) {
        if (cap == Kind.DATESTRUCT && (el == Element.DATERANGE || el == Element.DATESINGLE)) {
            structuredDate(el == Element.DATERANGE);
        } else if (cap == Kind.TITLE && el == Element.UNITDATE && mark >= 0) {
            String raw = sb.clean(mark, sb.length());
            Unit u = units.peek();
            if (raw != null && u != null) {
                date(u, raw, markAttr);
            }
            mark = -1;
        } else if (cap == Kind.LANGMAT && el == Element.LANGUAGE && mark >= 0) {
            String v = sb.clean(mark, sb.length());
            if (v != null) {
                for (String t : Languages.tagsIn(v)) {
                    add(units.peek().languages, t);
                    markSeen = true;
                }
            }
            mark = -1;
        } else if (cap == Kind.PHYSDESC && el == Element.EXTENT && mark >= 0) {
            String v = sb.clean(mark, sb.length());
            if (v != null) {
                add(units.peek().extents, v);
            }
            mark = -1;
        } else if ((cap == Kind.NOTE || cap == Kind.RIGHTS) && el.block()) {
            sb.append(Text.SEP);
        } else if (cap == Kind.DAODESC && el.block()) {
            sb.append(' ');
        }
    }

    private void end() {
        if (skipDepth >= 0) {
            if (depth == skipDepth) {
                skipDepth = -1;
            }
            return;
        }
        if (cap == null && depth != headerDepth && depth != controlaccessDepth && depth != dscDepth
                && depth != daoDepth && (units.isEmpty() || depth != units.peek().depth)) {
            return; // nothing open ends here (most end tags): the namespace need not be asked
        }
        if (!ours()) {
            return;
        }
        if (cap != null) {
            if (depth == capDepth) {
                finish();
                cap = null;
            } else {
                insideEnd(Element.of(r.getLocalName()));
            }
            return;
        }
        if (depth == headerDepth) {
            headerDepth = -1;
        }
        if (depth == controlaccessDepth) {
            controlaccessDepth = -1;
        }
        if (depth == daoDepth) {
            daoDepth = -1;
        }
        if (depth == dscDepth && units.size() == 1) {
            dscDepth = -1;
        }
        Unit u = units.peek();
        if (u != null && depth == u.depth) {
            units.pop();
            if (u.archdesc) {
                if (collection) {
                    emitCollection(u);
                } else {
                    emit(u);
                }
            } else {
                if (!u.emitted) {
                    emitComponent(u);
                }
                u.clear();
                if (spare.size() < 64) {
                    spare.push(u);
                }
            }
        }
    }

    private static void add(List<String> list, String v) {
        if (v != null && !list.contains(v)) {
            list.add(v);
        }
    }

    private void date(Unit u, String raw, String normal) {
        add(u.rawDates, raw);
        String d = normal != null && !normal.isBlank() ? Dates.normalise(normal) : null;
        if (d == null) {
            d = Dates.normalise(raw);
        }
        add(u.dates, d);
    }

    /**
     * Whether the name or term being read has text since its last part began (an {@code emph} part
     * after it is a new part), and that text does not end with a separator already.
     */
    private boolean partBefore() {
        for (int i = sb.length() - 1; i >= 0; i--) {
            char c = sb.charAt(i);
            if (c == Text.SEP) {
                return false;
            }
            if (!Character.isWhitespace(c)) {
                return c != ',' && c != ';' && c != ':' && c != '-' && c != '(';
            }
        }
        return false;
    }

    /**
     * One date of a {@code unitdatestructured} ended (a {@code daterange} or a {@code datesingle};
     * a {@code dateset} has several): its {@code standarddate}s as a year or a span, else its text.
     */
    private void structuredDate(boolean range) {
        Unit u = units.peek();
        if (u == null) {
            return;
        }
        String raw;
        String d = null;
        if (range) {
            int m = mark >= dateStart ? mark : sb.length();
            String a = sb.clean(dateStart, m);
            String z = mark >= dateStart ? sb.clean(mark, sb.length()) : null;
            raw = a == null ? z : z == null ? a : a + "-" + z;
            String lo = dateFrom == null ? null : Dates.isoYear(dateFrom);
            String hi = dateTo == null ? null : Dates.isoYear(dateTo);
            if (!(fromSeen && lo == null || toSeen && hi == null)) {
                d = Dates.span(lo, hi); // a from or to date without a standard form: its text says more
            }
        } else {
            raw = sb.clean(dateStart, sb.length());
            d = dateSingle == null ? null : Dates.normalise(dateSingle);
        }
        if (d == null && raw != null) {
            d = Dates.normalise(raw);
        }
        add(u.rawDates, raw);
        add(u.dates, d);
        dateParts++;
        mark = -1;
    }

    /** The capture's element ended: put its value where it belongs. */
    private void finish() {
        if (overflow && cap == Kind.NOTE && !units.isEmpty()) {
            units.peek().tooBig = true;
        } else if (overflow) {
            ctx.warn("ead-size", "a " + cap.name().toLowerCase(java.util.Locale.ROOT)
                    + " longer than maxRecordBytes was cut", ctx.location().withLine(line(), 0));
        }
        Unit u = units.peek();
        switch (cap) {
            case FAID:
                if (faId == null) {
                    faId = sb.clean();
                }
                return;
            case FATITLE:
                String t = sb.clean();
                if (t != null) {
                    if ("filing".equalsIgnoreCase(capLabel)) {
                        if (faFilingTitle == null) {
                            faFilingTitle = t;
                        }
                    } else {
                        faTitle = t;
                    }
                }
                return;
            default:
                break;
        }
        if (u == null) {
            return;
        }
        switch (cap) {
            case TITLE:
                add(u.titles, sb.clean());
                break;
            case UNITID:
                add(u.unitids, sb.clean());
                break;
            case UNITDATE:
                String raw = sb.clean();
                if (raw != null || capLabel != null) {
                    date(u, raw != null ? raw : capLabel, capLabel);
                }
                break;
            case DATESTRUCT:
                if (dateParts > 0) {
                    break;
                }
                String rawS = sb.clean();
                if (mark > 0) {
                    String a = sb.clean(0, mark);
                    String z = sb.clean(mark, sb.length());
                    rawS = a == null ? z : z == null ? a : a + "-" + z;
                }
                String d = null;
                if (dateFrom != null || dateTo != null) {
                    d = Dates.span(Dates.isoYear(dateFrom), Dates.isoYear(dateTo));
                } else if (dateSingle != null) {
                    d = Dates.normalise(dateSingle);
                }
                if (d == null && rawS != null) {
                    d = Dates.normalise(rawS);
                }
                add(u.rawDates, rawS);
                add(u.dates, d);
                break;
            case ORIGINATION:
                int first = markSeen ? sb.indexOf(Text.SEP) : 0;
                for (String c : sb.terms(Math.max(0, first))) {
                    add(u.creators, c);
                }
                break;
            case TERM:
                String term = sb.term();
                add(Labels.PLACE.equals(capLabel) ? u.places : Labels.GENRE.equals(capLabel) ? u.genres : u.subjects,
                        term);
                break;
            case LANGMAT:
                if (!markSeen) {
                    for (String tag : Languages.tagsIn(sb.clean())) {
                        add(u.languages, tag);
                    }
                }
                break;
            case PHYSDESC:
                if (!markSeen) {
                    add(u.physdesc, sb.clean());
                }
                break;
            case EXTENT3:
                add(u.extents, sb.clean());
                break;
            case CONTAINER:
                String c = sb.clean();
                if (c != null) {
                    add(u.containers, capLabel != null && !capLabel.isBlank() ? capLabel.strip() + " " + c : c);
                }
                break;
            case REPOSITORY:
                add(u.repositories, sb.clean());
                break;
            case PHYSLOC:
                add(u.physloc, sb.clean());
                break;
            case DAODESC:
                add(u.daodescs, sb.clean());
                break;
            case NOTE:
                String note = sb.paragraphs('\n');
                if (note != null) {
                    if ("abstract".equals(capLabel)) {
                        add(u.descriptions, note.replace('\n', ' '));
                    }
                    if (u.note == null && u.text.length() == 0) {
                        if (note.length() > maxBytes) {
                            u.tooBig = true;
                        } else {
                            u.note = note;
                        }
                        break;
                    }
                    u.joinNotes();
                    if (u.text.length() > 0) {
                        u.text.append("\n\n");
                    }
                    if (u.text.length() + note.length() > maxBytes) {
                        u.tooBig = true;
                    } else {
                        u.text.append(note);
                    }
                }
                break;
            case RIGHTS:
                String rights = sb.paragraphs('\n');
                if (rights != null) {
                    add(u.rights, rights.replace('\n', ' '));
                }
                break;
            default:
                break;
        }
    }

    /** A child component starts: its parent's record is complete. */
    private void component(Unit parent) {
        if (!parent.archdesc && !parent.emitted) {
            emitComponent(parent);
        }
        parent.children++;
        Unit u = spare.isEmpty() ? new Unit() : spare.pop();
        u.set(false, depth, parent.children, line(), parent);
        u.nest = parent.nest + 1;
        u.idAttr = attr("id");
        String level = attr("level");
        u.level = "otherlevel".equals(level) && attr("otherlevel") != null ? attr("otherlevel") : level;
        units.push(u);
    }

    /**
     * A component's position: {@code c} and its place among its parent's children, after its
     * parent's position and a dot ({@code c2.1.3}); made when first asked for (most components have ids).
     */
    private static String pos(Unit u) {
        if (u.pos == null) {
            String above = pos(u.parent);
            u.pos = above.isEmpty() ? "c" + u.nth : above + "." + u.nth;
        }
        return u.pos;
    }

    private String faId() {
        if (faId == null) {
            faId = defaultId;
        }
        return faId;
    }

    private String collectionTitle() {
        if (faTitle != null) {
            return faTitle;
        }
        if (faFilingTitle != null) {
            return faFilingTitle;
        }
        return arch != null && !arch.titles.isEmpty() ? arch.titles.get(0) : null;
    }

    private String title(Unit u) {
        if (!u.titles.isEmpty()) {
            return u.titles.get(0);
        }
        if (!u.daodescs.isEmpty()) {
            return u.daodescs.get(0);
        }
        if (!u.unitids.isEmpty()) {
            return u.unitids.get(0);
        }
        if (!u.rawDates.isEmpty()) {
            return u.rawDates.get(0);
        }
        return null;
    }

    private void emitComponent(Unit u) {
        u.emitted = true;
        u.pathTitle = title(u);
        components++;
        if (collection) {
            if (!contentsFull && u.pathTitle != null) {
                if (contents.length() + u.pathTitle.length() + 64 > maxBytes / 2) {
                    contentsFull = true;
                    ctx.warn("ead-size", "the finding aid's list of components was cut at maxRecordBytes / 2",
                            ctx.location().withLine(u.line, 0));
                } else {
                    contents.append('\n');
                    for (int i = 1; i < u.nest; i++) {
                        contents.append("  ");
                    }
                    contents.append(u.pathTitle);
                }
            }
            release(u);
            return;
        }
        emit(u);
        release(u);
    }

    /** After its record: only what its descendants need (title, position, repository). */
    private static void release(Unit u) {
        u.note = null;
        u.text.setLength(0);
        u.text.trimToSize();
    }

    private LamRecord.Builder builder(String id) {
        LamRecord.Builder b = envelope != null ? envelope.toBuilder().format("ead").id(id)
                : LamRecord.builder(id, "ead");
        return b;
    }

    private void emit(Unit u) {
        String fa = faId();
        String id;
        if (u.archdesc) {
            id = fa;
        } else if (u.idAttr != null && !u.idAttr.isBlank()) {
            id = fa + "#" + u.idAttr.strip();
        } else {
            id = fa + "#" + pos(u);
        }
        long index = recordIndex++;
        if (u.tooBig) {
            ctx.problem(new LamLimitExceededException("EAD component " + id + " has more text than maxRecordBytes ("
                    + maxBytes + " bytes)", at(index, id, u)));
            return;
        }
        LamRecord.Builder b = builder(id);
        if (envelope == null) {
            b.source(ctx.source(index, -1, u.line));
        }
        b.group(fa);
        String title = title(u);
        if (title != null) {
            b.label(Labels.TITLE, title);
            b.labels(Labels.TITLE, u.titles);
        } else if (!warnedUntitled) {
            warnedUntitled = true;
            ctx.warn("ead-title", "a component has no unittitle, daodesc, unitid or unitdate: no title",
                    at(index, id, u));
        }
        if (!u.archdesc && !u.titles.isEmpty()) {
            b.label(Labels.PART, u.titles.get(0));
        }
        String coll = collectionTitle();
        if (coll != null) {
            b.label(Labels.COLLECTION, coll);
        }
        if (!u.archdesc && u.parent != null) {
            String path = childPath(u.parent, coll);
            if (path != null) {
                b.label("ead:path", path);
            }
        }
        labels(b, Labels.DATE, u.dates);
        labels(b, "ead:unitdate", u.rawDates);
        labels(b, Labels.CREATOR, u.creators);
        labels(b, Labels.IDENTIFIER, u.unitids);
        labels(b, Labels.LANGUAGE, u.languages);
        labels(b, Labels.PLACE, u.places);
        labels(b, Labels.SUBJECT, u.subjects);
        labels(b, Labels.GENRE, u.genres);
        labels(b, Labels.RIGHTS, u.rights);
        labels(b, Labels.DESCRIPTION, u.descriptions);
        if (u.level != null && !u.level.isBlank()) {
            b.label("ead:level", u.level.strip());
        }
        labels(b, "ead:extent", u.extents);
        labels(b, "ead:physdesc", u.physdesc);
        labels(b, "ead:container", u.containers);
        List<String> repo = u.repositories;
        for (Unit a = u.parent; repo.isEmpty() && a != null; a = a.parent) {
            repo = a.repositories; // else the nearest ancestor's that has one
        }
        labels(b, "ead:repository", repo);
        labels(b, "ead:physloc", u.physloc);
        labels(b, "iiif:manifest", u.manifests);
        List<ImageRef> images = u.images.isEmpty() ? u.thumbnails : u.images;
        for (int i = 0, n = images.size(); i < n; i++) {
            b.image(images.get(i));
        }
        if (u.note != null) {
            b.text(u.note);
        } else if (u.text.length() > 0) {
            b.text(u.text.toString());
        }
        out.accept(b.build());
    }

    /** A label's values, if it has any (most of a component's lists are empty). */
    private static void labels(LamRecord.Builder b, String name, List<String> values) {
        for (int i = 0, n = values.size(); i < n; i++) {
            b.label(name, values.get(i));
        }
    }

    /**
     * The path of titles a child of this unit gets: the collection-level title (the archdesc's, else
     * the finding aid's), then the components' down to this one, joined by {@code " > "}; null when
     * none has a title. Made once for all its children while the collection-level title stays.
     */
    private static String childPath(Unit p, String coll) {
        Unit top = p;
        while (top.parent != null) {
            top = top.parent;
        }
        return childPathBelow(p, top.archdesc ? (top.titles.isEmpty() ? coll : top.titles.get(0)) : null);
    }

    /** The same below the collection-level title {@code t}: its parent's child path, then its own title. */
    private static String childPathBelow(Unit p, String t) {
        if (p.archdesc) {
            return t;
        }
        if (p.childPathMade && p.childPathTop == t) {
            return p.childPath;
        }
        String above = p.parent == null ? t : childPathBelow(p.parent, t);
        String own = p.pathTitle;
        String path = above == null ? own : own == null ? above : above + " > " + own;
        p.childPath = path;
        p.childPathTop = t;
        p.childPathMade = true;
        return path;
    }

    /** A record's location, made only for a problem or a warning. */
    private Location at(long index, String id, Unit u) {
        return ctx.location().withIndex(index).withRecordId(id).withLine(u.line, 0);
    }

    private void emitCollection(Unit u) {
        if (contents.length() > 0) {
            u.joinNotes();
            if (u.text.length() > 0) {
                u.text.append("\n\n");
            }
            u.text.append(contents, 1, contents.length());
        }
        emit(u);
    }

    /** The number of components read so far (the archdesc not counted). */
    public long components() {
        return components;
    }

    /** The number of records handed out so far. */
    public long records() {
        return recordIndex;
    }

    /** A finding aid that gave no record (it has no {@code archdesc}) is a problem. */
    @Override
    public void finish(Location at) {
        if (recordIndex == 0) {
            ctx.problem(new LamFormatException("an EAD finding aid without archdesc: no record", at));
        }
    }
}
