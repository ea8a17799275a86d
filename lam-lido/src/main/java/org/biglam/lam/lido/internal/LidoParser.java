package org.biglam.lam.lido.internal;

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
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** An open element of the record: its name, its own text and the attributes the mapping reads. */
    private static final class Frame {
        String name;
        boolean lido;
        /** Its own text, as the parser's text events give it. */
        char[] text = new char[64];
        int length;
        String type;
        String pref;
        String lang;
        String added;
    }

    private static final class Actor {
        final List<String> names = new ArrayList<>(1);
        final List<String> roles = new ArrayList<>(1);
    }

    private static final class Event {
        final List<String> types = new ArrayList<>(1);
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
        final List<String[]> links = new ArrayList<>(2);
        final List<String> rights = new ArrayList<>(1);
        String representationType;
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
    private static final String[] TERM_HOLDERS = {"objectWorkType", "classification", "eventType", "roleActor",
        "termMaterialsTech", "subjectConcept", "rightsType", "culture", "category", "measurementType",
        "measurementUnit", "eventMethod", "recordType", "resourceType"};
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
     * Reads the next event and acts on it.
     *
     * @throws XMLStreamException if the XML is not well-formed
     */
    @Override
    public void step() throws XMLStreamException {
        int e = r.next();
        switch (e) {
            case XMLStreamConstants.START_ELEMENT:
                depth++;
                if (obj == null) {
                    if ("lido".equals(r.getLocalName()) && NS.equals(r.getNamespaceURI())) {
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
                    if (obj.chars <= maxBytes) {
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
        f.name = r.getLocalName();
        String ns = r.getNamespaceURI();
        f.lido = NS.equals(ns) || SKOS.equals(ns) && "prefLabel".equals(f.name);
        if (f.lido && "relatedWorksWrap".equals(f.name)) {
            related++;
        }
        f.length = 0;
        if (f.text.length > 1 << 16) {
            f.text = new char[64];
        }
        f.type = null;
        f.pref = null;
        f.lang = null;
        f.added = null;
        for (int a = 0, n = r.getAttributeCount(); a < n; a++) {
            String an = r.getAttributeLocalName(a);
            switch (an) {
                case "type":
                    f.type = r.getAttributeValue(a);
                    break;
                case "pref":
                    f.pref = r.getAttributeValue(a);
                    break;
                case "lang":
                    if (XML_NS.equals(r.getAttributeNamespace(a))) {
                        f.lang = r.getAttributeValue(a);
                    }
                    break;
                case "addedSearchTerm":
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
        switch (f.name) {
            case "event":
                if (has("eventSet")) {
                    obj.event = new Event();
                }
                break;
            case "actorInRole":
                if (obj.event != null) {
                    obj.actor = new Actor();
                }
                break;
            case "resourceSet":
                obj.resource = new Resource();
                break;
            case "resourceRepresentation":
                if (obj.resource != null) {
                    obj.resource.representationType = f.type;
                }
                break;
            default:
                break;
        }
    }

    /** Whether an open element of the record has this name. */
    private boolean has(String n) {
        for (int i = depth - recordDepth - 1; i >= 0; i--) {
            if (frames[i].lido && n.equals(frames[i].name)) {
                return true;
            }
        }
        return false;
    }

    /** The nearest open element (above the current) with one of these names, or null. */
    private Frame nearest(String... names) {
        for (int i = depth - recordDepth - 1; i >= 0; i--) {
            Frame f = frames[i];
            if (!f.lido) {
                continue;
            }
            for (String n : names) {
                if (n.equals(f.name)) {
                    return f;
                }
            }
        }
        return null;
    }

    private String parent() {
        int i = depth - recordDepth - 1;
        return i >= 0 ? frames[i].name : "";
    }

    private static void add(List<String> list, String v) {
        if (v != null && !list.contains(v)) {
            list.add(v);
        }
    }

    /** Runs of white space (and no-break spaces) to one space, stripped; null when nothing is left. */
    private String clean(char[] in, int len) {
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
        if (f.lido && "relatedWorksWrap".equals(f.name)) {
            related--;
        }
        if (!f.lido || related > 0) {
            return;
        }
        String v = clean(f.text, f.length);
        String n = f.name;
        Pending b = obj.b;
        switch (n) {
            case "lidoRecID":
                if (i == 1) {
                    add(obj.recIds, v);
                    if (v != null) {
                        b.label(Labels.IDENTIFIER, v);
                    }
                }
                return;
            case "objectPublishedID":
                if (v != null) {
                    b.label(Labels.IDENTIFIER, v);
                    b.label("lido:objectPublishedID", v);
                }
                return;
            case "term":
            case "prefLabel":
                term(f, v);
                return;
            case "appellationValue":
                appellation(f, v);
                return;
            case "event":
                if (obj.event != null && has("eventSet")) {
                    event(obj.event);
                    obj.event = null;
                }
                return;
            case "actorInRole":
                if (obj.event != null && obj.actor != null) {
                    obj.event.actors.add(obj.actor);
                    obj.actor = null;
                }
                return;
            case "resourceSet":
                if (obj.resource != null) {
                    resource(obj.resource);
                    obj.resource = null;
                }
                return;
            case "measurementsSet":
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
            case "displayDate":
                if (obj.event != null) {
                    add(obj.event.displayDates, v);
                }
                break;
            case "earliestDate":
                if (obj.event != null && obj.event.earliest == null) {
                    obj.event.earliest = v;
                }
                break;
            case "latestDate":
                if (obj.event != null && obj.event.latest == null) {
                    obj.event.latest = v;
                }
                break;
            case "displayActorInRole":
                if (obj.event != null) {
                    add(obj.event.displayActors, v);
                }
                break;
            case "displayPlace":
                if (obj.event != null) {
                    add(obj.event.displayPlaces, v);
                }
                break;
            case "displayMaterialsTech":
                if (obj.event != null) {
                    add(obj.event.materialsTech, v);
                }
                break;
            case "displaySubject":
                b.label(Labels.SUBJECT, v);
                break;
            case "descriptiveNoteValue":
                if (has("objectDescriptionSet")) {
                    add(obj.descriptions, v);
                }
                break;
            case "displayObjectMeasurements":
                b.label("lido:measurements", v);
                break;
            case "measurementType":
                if (has("measurementsSet") && obj.measurement[0] == null) {
                    obj.measurement[0] = v;
                }
                break;
            case "measurementValue":
                if (has("measurementsSet") && obj.measurement[1] == null) {
                    obj.measurement[1] = v;
                }
                break;
            case "measurementUnit":
                if (has("measurementsSet") && obj.measurement[2] == null) {
                    obj.measurement[2] = v;
                }
                break;
            case "workID":
                if (has("repositorySet")) {
                    b.label(Labels.IDENTIFIER, v);
                    b.label("lido:workID", v);
                }
                break;
            case "creditLine":
                if (obj.resource != null) {
                    add(obj.resource.rights, v);
                } else if (has("rightsWorkSet")) {
                    b.label(Labels.RIGHTS, v);
                }
                break;
            case "linkResource":
                if (obj.resource != null) {
                    String type = obj.resource.representationType;
                    obj.resource.links.add(new String[] {v, type == null ? "" : type});
                }
                break;
            case "inscriptionTranscription":
                b.label("lido:inscription", v);
                break;
            case "recordID":
                b.label("lido:recordID", v);
                break;
            case "recordInfoLink":
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
        Frame holder = nearest(TERM_HOLDERS);
        if (holder == null) {
            return;
        }
        Pending b = obj.b;
        switch (holder.name) {
            case "objectWorkType":
                b.label(Labels.GENRE, v);
                break;
            case "classification":
                String t = holder.type == null ? "" : holder.type.toLowerCase(Locale.ROOT);
                if (t.contains("europeana:type") || t.endsWith("europeana_type")) {
                    b.label(Labels.TYPE, v);
                } else {
                    b.label(Labels.CLASSIFICATION, v);
                }
                break;
            case "eventType":
                if (obj.event != null) {
                    add(obj.event.types, v);
                }
                break;
            case "roleActor":
                if (obj.actor != null) {
                    add(obj.actor.roles, v);
                }
                break;
            case "termMaterialsTech":
                if (obj.event != null) {
                    String mt = holder.type == null ? "" : holder.type.toLowerCase(Locale.ROOT);
                    add(mt.contains("technique") || mt.endsWith("lido00131") ? obj.event.techniques
                            : obj.event.materials, v);
                }
                break;
            case "subjectConcept":
                b.label(Labels.SUBJECT, v);
                break;
            case "rightsType":
                if (obj.resource != null) {
                    add(obj.resource.rights, v);
                } else if (has("rightsWorkSet")) {
                    b.label(Labels.RIGHTS, v);
                } else if (has("recordRights")) {
                    b.label("lido:recordRights", v);
                }
                break;
            case "culture":
                b.label("lido:culture", v);
                break;
            case "category":
                b.label("lido:category", v);
                break;
            case "measurementType":
                if (has("measurementsSet") && obj.measurement[0] == null) {
                    obj.measurement[0] = v;
                }
                break;
            case "measurementUnit":
                if (has("measurementsSet") && obj.measurement[2] == null) {
                    obj.measurement[2] = v;
                }
                break;
            case "resourceType":
                if (obj.resource != null) {
                    obj.b.label("lido:resourceType", v);
                }
                break;
            default:
                break;
        }
    }

    private void appellation(Frame f, String v) {
        if (v == null) {
            return;
        }
        String p = parent();
        Pending b = obj.b;
        if (p.equals("titleSet")) {
            add("preferred".equals(f.pref) ? obj.preferredTitles : obj.titles, v);
        } else if (p.equals("nameActorSet")) {
            if (has("subjectActor")) {
                b.label(Labels.SUBJECT, v);
            } else if (obj.actor != null && has("actorInRole")) {
                if (obj.actor.names.isEmpty() || "preferred".equals(f.pref)) {
                    add(obj.actor.names, v);
                }
            }
        } else if (p.equals("namePlaceSet")) {
            if (has("subjectPlace")) {
                b.label(Labels.SUBJECT, v);
            } else if (obj.event != null && has("eventPlace") && !has("partOfPlace")) {
                add(obj.event.places, v);
            } else if (has("repositoryLocation") && !has("partOfPlace")) {
                b.label("lido:repositoryLocation", v);
            }
        } else if (p.equals("legalBodyName")) {
            if (obj.resource != null && has("rightsHolder")) {
                add(obj.resource.rights, v);
            } else if (has("repositoryName")) {
                b.label(Labels.COLLECTION, v);
            } else if (has("rightsWorkSet")) {
                b.label(Labels.RIGHTS, v);
            } else if (has("recordSource")) {
                b.label("lido:recordSource", v);
            }
        } else if (p.equals("subjectObject") || has("subjectEvent")) {
            b.label(Labels.SUBJECT, v);
        }
    }

    private static boolean isProduction(Event e) {
        if (e.types.isEmpty()) {
            return true;
        }
        for (String t : e.types) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.contains("production") || l.contains("herstellung") || l.contains("creation")
                    || l.contains("création") || l.contains("entstehung") || l.contains("produzione")
                    || l.contains("creazione") || l.contains("vervaardiging") || l.contains("producción")
                    || l.contains("creación") || l.contains("designing") || l.contains("entwurf")
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
        String type = e.types.isEmpty() ? "event" : e.types.get(0);
        if (isProduction(e)) {
            obj.production = true;
            for (Actor a : e.actors) {
                if (a.names.isEmpty()) {
                    continue;
                }
                String nm = a.names.get(0);
                add(obj.creators, nm);
                b.label("lido:actorInRole", a.roles.isEmpty() ? nm : nm + " (" + String.join(", ", a.roles) + ")");
            }
            if (e.actors.isEmpty()) {
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
                b.label("lido:event", type);
            }
        }
    }

    private void resource(Resource res) {
        boolean others = false;
        for (String[] l : res.links) {
            if (!isThumb(l[1])) {
                others = true;
            }
        }
        for (String[] l : res.links) {
            if (others && isThumb(l[1])) {
                continue;
            }
            String u = ImageLinks.clean(l[0]);
            if (u == null) {
                continue;
            }
            if (ImageLinks.isManifest(u) || l[1].toLowerCase(Locale.ROOT).contains("manifest")) {
                add(obj.manifests, u);
                continue;
            }
            ImageRef img = ImageLinks.image(ctx.input(), l[0]);
            if (img != null && !obj.images.contains(img)) {
                obj.images.add(img);
                if (!res.rights.isEmpty()) {
                    obj.imageRights.add(img.uri() + " " + String.join("; ", res.rights));
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
