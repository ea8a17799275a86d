package org.biglam.lam.lido.internal;

import static org.biglam.lam.lido.internal.LidoNames.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Labels;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.spi.ImageLinks;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Texts;
import org.biglam.lam.spi.XmlRecordReader;
import org.biglam.lam.spi.vocab.Dates;

/**
 * Reads LIDO event by event from a parser standing on a {@code lidoWrap} or {@code lido} start, and
 * hands out one record per {@code lido} element. Memory: one object record.
 */
public final class LidoParser implements XmlRecordReader.Parser {

    /** LIDO's namespace (1.0 and 1.1 share it). */
    public static final String NS = "http://www.lido-schema.org";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** An open element of the record: its name, its own text and the attributes the mapping reads. */
    private static final class Frame {
        /** Its name's number ({@link LidoNames}), in any namespace; 0 for a name the mapping does not read. */
        int code;
        /** Whether it is LIDO's (or a {@code skos:prefLabel}). */
        boolean lido;
        /** The LIDO context names of it and the elements it is in ({@link LidoNames#CONTEXT}, bit {@code code}). */
        long open;
        /** The frame of the nearest term holder, it or one it is in ({@link LidoNames#TERM_HOLDERS}); -1 if none. */
        int holder;
        /** Whether its own text is kept (the mapping reads it). */
        boolean keepText;
        /** Whether it is an eventType's conceptID. */
        boolean conceptId;
        /** Its own text, as the parser's text events give it. */
        char[] text = new char[64];
        int length;
        String type;
        String pref;
        String added;
    }

    private static final class Actor {
        final List<String> names = new ArrayList<>(1);
        final List<String> roles = new ArrayList<>(1);
        /** Whether {@link #names} are preferred ones (then no other name joins them). */
        boolean preferred;
    }

    private static final class Event {
        final List<String> types = new ArrayList<>(1);
        /** The eventType's conceptIDs and skos:Concept URIs. */
        final List<String> typeIds = new ArrayList<>(1);
        final List<Actor> actors = new ArrayList<>(1);
        final List<String> displayActors = new ArrayList<>(0);
        final List<String> displayDates = new ArrayList<>(1);
        String earliest;
        String latest;
        final List<String> places = new ArrayList<>(1);
        final List<String> displayPlaces = new ArrayList<>(0);
        final List<String> materials = new ArrayList<>(0);
        final List<String> techniques = new ArrayList<>(0);
        final List<String> materialsTech = new ArrayList<>(0);
    }

    private static final class Resource {
        /** Each link: as written, its representation's type ("" if none), and whether that names a thumbnail. */
        final List<Link> links = new ArrayList<>(2);
        final List<String> rights = new ArrayList<>(1);
        String representationType;
    }

    private static final class Link {
        final String href;
        final String type;
        final boolean thumb;

        Link(String href, String type) {
            this.href = href;
            this.type = type;
            this.thumb = isThumb(type);
        }
    }

    /**
     * The labels an object's elements give, in order, kept until its end, when they follow the
     * uniform labels made from all of them (title, creator, date, description).
     */
    private static final class Pending {
        private String[] pairs = new String[32];
        private int n;

        void label(String name, String value) {
            if (value == null) {
                return;
            }
            if (n + 2 > pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[n++] = name;
            pairs[n++] = value;
        }

        void labels(String name, List<String> values) {
            for (int i = 0; i < values.size(); i++) {
                label(name, values.get(i));
            }
        }

        void to(LamRecord.Builder b) {
            for (int i = 0; i < n; i += 2) {
                b.label(pairs[i], pairs[i + 1]);
            }
        }
    }

    /** The values of one object while it is read. */
    private static final class Obj {
        final long line;
        final List<String> recIds = new ArrayList<>(1);
        final List<String> titles = new ArrayList<>(1);
        final List<String> preferredTitles = new ArrayList<>(1);
        final Pending b = new Pending();
        final List<String> descriptions = new ArrayList<>(1);
        final List<ImageRef> images = new ArrayList<>(1);
        final List<String> manifests = new ArrayList<>(0);
        final List<String> imageRights = new ArrayList<>(0);
        final String[] measurement = new String[3];
        final List<String> creators = new ArrayList<>(1);
        final List<String> dates = new ArrayList<>(1);
        final List<String> otherDates = new ArrayList<>(1);
        boolean production;
        /** The open subjectActor's or subjectPlace's display name, taken if it gives no name of its own. */
        String subjectDisplay;
        boolean subjectNamed;
        Event event;
        Actor actor;
        Resource resource;
        long chars;

        Obj(long line) {
            this.line = line;
        }
    }

    private final XMLStreamReader r;
    private final ReadContext ctx;
    private final LamRecord envelope;
    private final String name;
    private final Consumer<LamRecord> out;
    private final int maxBytes;
    private final Frame[] frames;
    private char[] scratch = new char[256];
    /** How many {@code relatedWorksWrap} elements are open in the record (what is inside them is not the object's). */
    private int related;
    /** The namespace last seen, and whether it was LIDO's (the parser gives the same string again). */
    private String lastNs;
    private boolean lastNsLido;
    private int depth;
    private int recordDepth = -1;
    private Obj obj;
    private long index;
    private boolean done;
    private boolean warnedSize;

    /**
     * @param r the parser, standing on a {@code lidoWrap} or {@code lido} start
     * @param ctx the context
     * @param envelope what an envelope knows of the record, or null for a file
     * @param name the input's name, for ids of records without {@code lidoRecID}
     * @param out takes each record
     */
    public LidoParser(XMLStreamReader r, ReadContext ctx, LamRecord envelope, String name, Consumer<LamRecord> out) {
        this.r = r;
        this.ctx = ctx;
        this.envelope = envelope;
        this.name = name;
        this.out = out;
        this.maxBytes = ctx.limits().maxRecordBytes();
        this.frames = new Frame[Math.max(16, ctx.limits().maxNestingDepth() + 2)];
        depth = 1;
        if ("lido".equals(r.getLocalName())) {
            startRecord();
        }
    }

    /** Whether the root element has ended. */
    @Override
    public boolean done() {
        return done;
    }

    /** How many records were handed out. */
    public long records() {
        return index;
    }

    /**
     * Reads events and acts on them until it has handed out a record (or met one too large) or the
     * element it started on has ended.
     *
     * @throws XMLStreamException if the XML is not well-formed
     */
    @Override
    public void step() throws XMLStreamException {
        long records = index;
        do {
            event(r.next());
        } while (index == records && !done);
    }

    private void event(int e) {
        switch (e) {
            case XMLStreamConstants.START_ELEMENT:
                depth++;
                if (obj == null) {
                    if (NAMES.code(r.getLocalName()) == LIDO && NS.equals(r.getNamespaceURI())) {
                        startRecord();
                    }
                } else {
                    start();
                }
                break;
            case XMLStreamConstants.END_ELEMENT:
                if (obj != null) {
                    end();
                }
                depth--;
                if (depth == 0) {
                    done = true;
                }
                break;
            case XMLStreamConstants.CHARACTERS:
            case XMLStreamConstants.CDATA:
            case XMLStreamConstants.SPACE:
                if (obj != null && depth - recordDepth >= 0) {
                    Frame f = frames[depth - recordDepth];
                    int n = r.getTextLength();
                    obj.chars += n;
                    if (f.keepText && obj.chars <= maxBytes) {
                        if (f.length + n > f.text.length) {
                            f.text = java.util.Arrays.copyOf(f.text, Math.max(f.text.length * 2, f.length + n));
                        }
                        System.arraycopy(r.getTextCharacters(), r.getTextStart(), f.text, f.length, n);
                        f.length += n;
                    }
                }
                break;
            case XMLStreamConstants.END_DOCUMENT:
                done = true;
                break;
            default:
                break;
        }
    }

    private long line() {
        javax.xml.stream.Location l = r.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    private void startRecord() {
        recordDepth = depth;
        related = 0;
        obj = new Obj(line());
        push();
    }

    private void push() {
        int i = depth - recordDepth;
        if (i >= frames.length) {
            throw new LamLimitExceededException("LIDO nested deeper than maxNestingDepth ("
                    + (frames.length - 2) + ")", ctx.location().withLine(line(), 0));
        }
        Frame f = frames[i];
        if (f == null) {
            f = new Frame();
            frames[i] = f;
        }
        int code = NAMES.code(r.getLocalName());
        String ns = r.getNamespaceURI();
        if (ns != lastNs) {
            lastNs = ns;
            lastNsLido = NS.equals(ns);
        }
        boolean lido = lastNsLido || code == PREF_LABEL && SKOS.equals(ns);
        f.code = code;
        f.lido = lido;
        Frame up = i > 0 ? frames[i - 1] : null;
        f.open = (up != null ? up.open : 0) | (lido ? OPEN[code] : 0);
        f.holder = lido && in(TERM_HOLDERS, code) ? i : up != null ? up.holder : -1;
        f.keepText = lido && in(TEXT, code);
        f.conceptId = false;
        if (up != null && up.code == EVENT_TYPE && up.lido && obj.event != null) {
            // the event type's identifier: a conceptID, or LIDO 1.1's skos:Concept's rdf:about
            if (lido && "conceptID".equals(r.getLocalName())) {
                f.conceptId = true;
                f.keepText = true;
            } else if (SKOS.equals(ns) && "Concept".equals(r.getLocalName())) {
                String about = r.getAttributeValue(RDF, "about");
                if (about != null && !about.isBlank()) {
                    add(obj.event.typeIds, about.strip());
                }
            }
        }
        if (lido && code == RELATED_WORKS_WRAP) {
            related++;
        }
        f.length = 0;
        if (f.text.length > 1 << 16) {
            f.text = new char[64];
        }
        f.type = null;
        f.pref = null;
        f.added = null;
        for (int a = 0, n = r.getAttributeCount(); a < n; a++) {
            switch (ATTRIBUTES.code(r.getAttributeLocalName(a))) {
                case ATTR_TYPE:
                    f.type = r.getAttributeValue(a);
                    break;
                case ATTR_PREF:
                    f.pref = r.getAttributeValue(a);
                    break;
                case ATTR_ADDED:
                    f.added = r.getAttributeValue(a);
                    break;
                default:
                    break;
            }
        }
    }

    private void start() {
        push();
        Frame f = frames[depth - recordDepth];
        if (!f.lido) {
            return;
        }
        switch (f.code) {
            case EVENT:
                if (has(EVENT_SET)) {
                    obj.event = new Event();
                }
                break;
            case ACTOR_IN_ROLE:
                if (obj.event != null) {
                    obj.actor = new Actor();
                }
                break;
            case RESOURCE_SET:
                obj.resource = new Resource();
                break;
            case RESOURCE_REPRESENTATION:
                if (obj.resource != null) {
                    obj.resource.representationType = f.type;
                }
                break;
            case SUBJECT_ACTOR:
            case SUBJECT_PLACE:
                obj.subjectDisplay = null;
                obj.subjectNamed = false;
                break;
            default:
                break;
        }
    }

    /**
     * Whether an open LIDO element of the record (above the current) has this name, one of
     * {@link LidoNames#CONTEXT}.
     */
    private boolean has(int code) {
        assert (CONTEXT & 1L << code) != 0 && code < 64 : "not a LIDO context name: " + code;
        return (frames[depth - recordDepth - 1].open & 1L << code) != 0;
    }

    /** The number of the current element's parent's name (in any namespace). */
    private int parent() {
        return frames[depth - recordDepth - 1].code;
    }

    private static void add(List<String> list, String v) {
        if (v != null && !list.contains(v)) {
            list.add(v);
        }
    }

    /** Runs of white space (and no-break spaces) to one space, stripped; null when nothing is left. */
    private String clean(char[] in, int len) {
        if (Texts.isCollapsed(in, 0, len, true)) {
            return new String(in, 0, len);
        }
        if (scratch.length < len) {
            scratch = new char[Math.max(len, scratch.length * 2)];
        }
        char[] out = scratch;
        int n = 0;
        boolean space = false;
        for (int i = 0; i < len; i++) {
            char c = in[i];
            if (c > ' ' && c < 0x7f) {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c;
            } else if (Character.isWhitespace(c) || c == '\u00a0') {
                space = n > 0;
            } else {
                if (space) {
                    out[n++] = ' ';
                }
                space = false;
                out[n++] = c;
            }
        }
        if (scratch.length > 1 << 16) {
            scratch = new char[256];
        }
        return n == 0 ? null : new String(out, 0, n);
    }

    private void end() {
        int i = depth - recordDepth;
        Frame f = frames[i];
        if (i == 0) {
            finishRecord();
            return;
        }
        if (f.lido && f.code == RELATED_WORKS_WRAP) {
            related--;
        }
        if (!f.lido || related > 0) {
            return;
        }
        String v = f.keepText ? clean(f.text, f.length) : null;
        if (f.conceptId) {
            if (v != null && obj.event != null) {
                add(obj.event.typeIds, v);
            }
            return;
        }
        int n = f.code;
        Pending b = obj.b;
        switch (n) {
            case LIDO_REC_ID:
                if (i == 1) {
                    add(obj.recIds, v);
                    if (v != null) {
                        b.label(Labels.IDENTIFIER, v);
                    }
                }
                return;
            case OBJECT_PUBLISHED_ID:
                if (v != null) {
                    b.label(Labels.IDENTIFIER, v);
                    b.label("lido:objectPublishedID", v);
                }
                return;
            case TERM:
            case PREF_LABEL:
                term(f, v);
                return;
            case APPELLATION_VALUE:
                appellation(f, v);
                return;
            case EVENT:
                if (obj.event != null && has(EVENT_SET)) {
                    event(obj.event);
                    obj.event = null;
                }
                return;
            case ACTOR_IN_ROLE:
                if (obj.event != null && obj.actor != null) {
                    obj.event.actors.add(obj.actor);
                    obj.actor = null;
                }
                return;
            case RESOURCE_SET:
                if (obj.resource != null) {
                    resource(obj.resource);
                    obj.resource = null;
                }
                return;
            case SUBJECT_ACTOR:
            case SUBJECT_PLACE:
                if (!obj.subjectNamed && obj.subjectDisplay != null) {
                    b.label(Labels.SUBJECT, obj.subjectDisplay);
                }
                obj.subjectDisplay = null;
                return;
            case MEASUREMENTS_SET:
                StringBuilder m = new StringBuilder();
                for (int k = 0; k < 3; k++) {
                    if (obj.measurement[k] != null) {
                        m.append(m.length() > 0 ? " " : "").append(obj.measurement[k]);
                        obj.measurement[k] = null;
                    }
                }
                if (m.length() > 0) {
                    b.label("lido:measurement", m.toString());
                }
                return;
            default:
                break;
        }
        if (v == null) {
            return;
        }
        switch (n) {
            // an event's own dates are in its eventDate (an actor's vitalDatesActor has them too)
            case DISPLAY_DATE:
                if (obj.event != null && has(EVENT_DATE)) {
                    add(obj.event.displayDates, v);
                }
                break;
            case EARLIEST_DATE:
                if (obj.event != null && obj.event.earliest == null && has(EVENT_DATE)) {
                    obj.event.earliest = v;
                }
                break;
            case LATEST_DATE:
                if (obj.event != null && obj.event.latest == null && has(EVENT_DATE)) {
                    obj.event.latest = v;
                }
                break;
            case DISPLAY_ACTOR_IN_ROLE:
                if (obj.event != null) {
                    add(obj.event.displayActors, v);
                }
                break;
            case DISPLAY_PLACE:
                if (has(SUBJECT_PLACE)) {
                    subjectDisplay(v);
                } else if (obj.event != null) {
                    add(obj.event.displayPlaces, v);
                }
                break;
            case DISPLAY_ACTOR:
                if (has(SUBJECT_ACTOR)) {
                    subjectDisplay(v);
                }
                break;
            case DISPLAY_MATERIALS_TECH:
                if (obj.event != null) {
                    add(obj.event.materialsTech, v);
                }
                break;
            case DISPLAY_SUBJECT:
                b.label(Labels.SUBJECT, v);
                break;
            case DESCRIPTIVE_NOTE_VALUE:
                if (has(OBJECT_DESCRIPTION_SET)) {
                    add(obj.descriptions, v);
                }
                break;
            case DISPLAY_OBJECT_MEASUREMENTS:
                b.label("lido:measurements", v);
                break;
            case MEASUREMENT_TYPE:
                if (has(MEASUREMENTS_SET) && obj.measurement[0] == null) {
                    obj.measurement[0] = v;
                }
                break;
            case MEASUREMENT_VALUE:
                if (has(MEASUREMENTS_SET) && obj.measurement[1] == null) {
                    obj.measurement[1] = v;
                }
                break;
            case MEASUREMENT_UNIT:
                if (has(MEASUREMENTS_SET) && obj.measurement[2] == null) {
                    obj.measurement[2] = v;
                }
                break;
            case WORK_ID:
                if (has(REPOSITORY_SET)) {
                    b.label(Labels.IDENTIFIER, v);
                    b.label("lido:workID", v);
                }
                break;
            case CREDIT_LINE:
                if (obj.resource != null) {
                    add(obj.resource.rights, v);
                } else if (has(RIGHTS_WORK_SET)) {
                    b.label(Labels.RIGHTS, v);
                }
                break;
            case LINK_RESOURCE:
                if (obj.resource != null) {
                    String type = obj.resource.representationType;
                    obj.resource.links.add(new Link(v, type == null ? "" : type));
                }
                break;
            case INSCRIPTION_TRANSCRIPTION:
                b.label("lido:inscription", v);
                break;
            case RECORD_ID:
                b.label("lido:recordID", v);
                break;
            case RECORD_INFO_LINK:
                b.label("lido:recordInfoLink", v);
                break;
            default:
                break;
        }
    }

    private void term(Frame f, String v) {
        if (v == null || "yes".equals(f.added)) {
            return;
        }
        int h = frames[depth - recordDepth - 1].holder;
        if (h < 0) {
            return;
        }
        Frame holder = frames[h];
        Pending b = obj.b;
        switch (holder.code) {
            case OBJECT_WORK_TYPE:
                b.label(Labels.GENRE, v);
                break;
            case CLASSIFICATION:
                String t = holder.type == null ? "" : holder.type.toLowerCase(Locale.ROOT);
                if (t.contains("europeana:type") || t.endsWith("europeana_type")) {
                    b.label(Labels.TYPE, v);
                } else {
                    b.label(Labels.CLASSIFICATION, v);
                }
                break;
            case EVENT_TYPE:
                if (obj.event != null) {
                    add(obj.event.types, v);
                }
                break;
            case ROLE_ACTOR:
                if (obj.actor != null) {
                    add(obj.actor.roles, v);
                }
                break;
            case TERM_MATERIALS_TECH:
                if (obj.event != null) {
                    String mt = holder.type == null ? "" : holder.type.toLowerCase(Locale.ROOT);
                    add(mt.contains("techni") || mt.contains("tecnic") || mt.contains("técnic")
                            || mt.endsWith("lido00131") ? obj.event.techniques
                            : obj.event.materials, v);
                }
                break;
            case SUBJECT_CONCEPT:
                b.label(Labels.SUBJECT, v);
                break;
            case RIGHTS_TYPE:
                if (obj.resource != null) {
                    add(obj.resource.rights, v);
                } else if (has(RIGHTS_WORK_SET)) {
                    b.label(Labels.RIGHTS, v);
                } else if (has(RECORD_RIGHTS)) {
                    b.label("lido:recordRights", v);
                }
                break;
            case CULTURE:
                b.label("lido:culture", v);
                break;
            case CATEGORY:
                b.label("lido:category", v);
                break;
            case PERIOD_NAME:
                b.label("lido:period", v);
                break;
            case MEASUREMENT_TYPE:
                if (has(MEASUREMENTS_SET) && obj.measurement[0] == null) {
                    obj.measurement[0] = v;
                }
                break;
            case MEASUREMENT_UNIT:
                if (has(MEASUREMENTS_SET) && obj.measurement[2] == null) {
                    obj.measurement[2] = v;
                }
                break;
            case RESOURCE_TYPE:
                if (obj.resource != null) {
                    obj.b.label("lido:resourceType", v);
                }
                break;
            default:
                break;
        }
    }

    private void subjectDisplay(String v) {
        if (obj.subjectDisplay == null) {
            obj.subjectDisplay = v;
        }
    }

    private void appellation(Frame f, String v) {
        if (v == null) {
            return;
        }
        int p = parent();
        Pending b = obj.b;
        if (has(SUBJECT_ACTOR) || has(SUBJECT_PLACE)) {
            obj.subjectNamed = true;
        }
        if (p == TITLE_SET) {
            add(isPreferred(f.pref) ? obj.preferredTitles : obj.titles, v);
        } else if (p == NAME_ACTOR_SET) {
            if (has(SUBJECT_ACTOR)) {
                b.label(Labels.SUBJECT, v);
            } else if (obj.actor != null && has(ACTOR_IN_ROLE)) {
                Actor a = obj.actor;
                if (isPreferred(f.pref)) {
                    if (!a.preferred) {
                        a.names.clear();
                        a.preferred = true;
                    }
                    add(a.names, v);
                } else if (a.names.isEmpty()) {
                    add(a.names, v);
                }
            }
        } else if (p == NAME_PLACE_SET) {
            if (has(SUBJECT_PLACE)) {
                b.label(Labels.SUBJECT, v);
            } else if (obj.event != null && has(EVENT_PLACE) && !has(PART_OF_PLACE)) {
                add(obj.event.places, v);
            } else if (has(REPOSITORY_LOCATION) && !has(PART_OF_PLACE)) {
                b.label("lido:repositoryLocation", v);
            }
        } else if (p == LEGAL_BODY_NAME) {
            if (obj.resource != null && has(RIGHTS_HOLDER)) {
                add(obj.resource.rights, v);
            } else if (has(REPOSITORY_NAME)) {
                b.label(Labels.COLLECTION, v);
            } else if (has(RIGHTS_WORK_SET)) {
                b.label(Labels.RIGHTS, v);
            } else if (has(RECORD_SOURCE)) {
                b.label("lido:recordSource", v);
            }
        } else if (p == SUBJECT_OBJECT || has(SUBJECT_EVENT)) {
            b.label(Labels.SUBJECT, v);
        }
    }

    /**
     * Whether a {@code lido:pref} says preferred: {@code preferred} (LIDO 1.0) or LIDO 1.1's term
     * {@code http://terminology.lido-schema.org/lido00169}.
     */
    private static boolean isPreferred(String pref) {
        return pref != null && ("preferred".equals(pref) || pref.endsWith("lido00169"));
    }

    /**
     * Whether an event is a production: untyped, or a term or identifier of its type names one.
     * An event typed only by an identifier that is not a production's (an acquisition's
     * {@code conceptID}) is not.
     */
    private static boolean isProduction(Event e) {
        if (e.types.isEmpty() && e.typeIds.isEmpty()) {
            return true;
        }
        return namesProduction(e.types) || namesProduction(e.typeIds);
    }

    private static boolean namesProduction(List<String> types) {
        for (String t : types) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.contains("production") || l.contains("herstellung") || l.contains("creation")
                    || l.contains("création") || l.contains("entstehung") || l.contains("produzione")
                    || l.contains("creazione") || l.contains("vervaardiging") || l.contains("producción")
                    || l.contains("creación") || l.contains("design") || l.contains("entwurf")
                    || l.endsWith("lido00007") || l.endsWith("lido00012") || l.endsWith("lido00224")) {
                return true;
            }
        }
        return false;
    }

    private void event(Event e) {
        Pending b = obj.b;
        String d = null;
        if (e.earliest != null || e.latest != null) {
            d = Dates.span(Dates.isoYear(e.earliest), Dates.isoYear(e.latest));
        }
        if (d == null) {
            for (String dd : e.displayDates) {
                d = Dates.normalise(dd);
                if (d != null) {
                    break;
                }
            }
        }
        String type = !e.types.isEmpty() ? e.types.get(0) : !e.typeIds.isEmpty() ? e.typeIds.get(0) : "event";
        if (isProduction(e)) {
            obj.production = true;
            boolean named = false;
            for (Actor a : e.actors) {
                if (a.names.isEmpty()) {
                    continue;
                }
                named = true;
                String nm = a.names.get(0);
                add(obj.creators, nm);
                b.label("lido:actorInRole", a.roles.isEmpty() ? nm : nm + " (" + String.join(", ", a.roles) + ")");
            }
            // no actor named (none, or only actorIDs): the display forms
            if (!named) {
                for (String da : e.displayActors) {
                    add(obj.creators, da);
                }
            }
            add(obj.dates, d);
            b.labels("lido:displayDate", e.displayDates);
            b.labels(Labels.PLACE, e.places.isEmpty() ? e.displayPlaces : e.places);
            b.labels("lido:material", e.materials);
            b.labels("lido:technique", e.techniques);
            b.labels("lido:materialsTech", e.materialsTech);
        } else {
            add(obj.otherDates, d);
            for (String dd : e.displayDates) {
                b.label("lido:event", type + ": " + dd);
            }
            if (e.displayDates.isEmpty()) {
                b.label("lido:event", d != null ? type + ": " + d : type);
            }
        }
    }

    private void resource(Resource res) {
        boolean others = false;
        for (Link l : res.links) {
            if (!l.thumb) {
                others = true;
            }
        }
        String rights = null;
        for (Link l : res.links) {
            if (others && l.thumb) {
                continue;
            }
            String u = ImageLinks.clean(l.href);
            if (u == null) {
                continue;
            }
            if (ImageLinks.isManifest(u) || l.type.toLowerCase(Locale.ROOT).contains("manifest")) {
                add(obj.manifests, u);
                continue;
            }
            ImageRef img = ImageLinks.image(ctx.input(), l.href);
            if (img != null && !obj.images.contains(img)) {
                obj.images.add(img);
                if (!res.rights.isEmpty()) {
                    if (rights == null) {
                        rights = res.rights.size() == 1 ? res.rights.get(0) : String.join("; ", res.rights);
                    }
                    String uri = img.uri();
                    obj.imageRights.add(new StringBuilder(uri.length() + 1 + rights.length()).append(uri).append(' ')
                            .append(rights).toString());
                }
            }
        }
    }

    private static boolean isThumb(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.contains("thumb") || t.endsWith("lido00464") || t.contains("preview");
    }

    /** A record's location, made only for a problem or a warning. */
    private Location at(long i, String id, Obj o) {
        return ctx.location().withIndex(i).withRecordId(id).withLine(o.line, 0);
    }

    private void finishRecord() {
        Obj o = obj;
        obj = null;
        long i = index++;
        String id = !o.recIds.isEmpty() ? o.recIds.get(0) : envelope != null ? envelope.id() : name + "#" + (i + 1);
        if (envelope != null && i > 0) {
            id = envelope.id() + "#" + (o.recIds.isEmpty() ? Long.toString(i + 1) : o.recIds.get(0));
        }
        if (o.chars > maxBytes) {
            ctx.problem(new LamLimitExceededException("LIDO record " + id + " has more text than maxRecordBytes ("
                    + maxBytes + " bytes)", at(i, id, o)));
            return;
        }
        List<String> titles = o.preferredTitles;
        for (String t : o.titles) {
            add(titles, t);
        }
        if (titles.isEmpty()) {
            if (!warnedSize) {
                warnedSize = true;
                ctx.warn("lido-title", "a LIDO record without a title (titleSet)", at(i, id, o));
            }
        }
        // the uniform labels first, then the prefixed ones as they were added
        LamRecord.Builder fin = envelope != null ? envelope.toBuilder().format("lido").id(id) : LamRecord.builder(id, "lido");
        if (envelope == null) {
            fin.source(ctx.source(i, -1, o.line));
            fin.group(id);
        }
        fin.labels(Labels.TITLE, titles);
        fin.labels(Labels.CREATOR, o.creators);
        fin.labels(Labels.DATE, o.production || o.dates.size() > 0 ? o.dates : o.otherDates);
        fin.labels(Labels.DESCRIPTION, o.descriptions);
        o.b.to(fin);
        fin.labels("iiif:manifest", o.manifests);
        fin.labels("lido:imageRights", o.imageRights);
        for (ImageRef img : o.images) {
            fin.image(img);
        }
        if (!o.descriptions.isEmpty()) {
            fin.text(o.descriptions.size() == 1 ? o.descriptions.get(0) : String.join("\n\n", o.descriptions));
        }
        out.accept(fin.build());
    }
}
