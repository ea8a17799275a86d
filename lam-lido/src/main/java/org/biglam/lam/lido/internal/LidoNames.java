package org.biglam.lam.lido.internal;

import org.biglam.lam.spi.XmlNames;

/**
 * The LIDO element names the mapping reads, as numbers, so that {@link LidoParser} dispatches with a
 * {@code switch} over ints. A name it does not read is 0; the numbers follow {@link #NAMES}, and there
 * may be any number of them. What the mapping asks of a number is looked up in tables indexed by it
 * ({@link #TEXT}, {@link #TERM_HOLDERS}); the names it asks about as ancestors of an element
 * ({@link #CONTEXT}, at most 63 of them, each below 64) also have a bit each in a {@code long} that
 * the parser keeps per open element ({@link #OPEN}).
 */
final class LidoNames {

    static final int EVENT_SET = 1;
    static final int OBJECT_DESCRIPTION_SET = 2;
    static final int MEASUREMENTS_SET = 3;
    static final int REPOSITORY_SET = 4;
    static final int RIGHTS_WORK_SET = 5;
    static final int RECORD_RIGHTS = 6;
    static final int SUBJECT_ACTOR = 7;
    static final int ACTOR_IN_ROLE = 8;
    static final int SUBJECT_PLACE = 9;
    static final int EVENT_PLACE = 10;
    static final int PART_OF_PLACE = 11;
    static final int REPOSITORY_LOCATION = 12;
    static final int RIGHTS_HOLDER = 13;
    static final int REPOSITORY_NAME = 14;
    static final int RECORD_SOURCE = 15;
    static final int SUBJECT_EVENT = 16;
    static final int LIDO = 17;
    static final int RELATED_WORKS_WRAP = 18;
    static final int EVENT = 19;
    static final int RESOURCE_SET = 20;
    static final int RESOURCE_REPRESENTATION = 21;
    static final int LIDO_REC_ID = 22;
    static final int OBJECT_PUBLISHED_ID = 23;
    static final int TERM = 24;
    static final int PREF_LABEL = 25;
    static final int APPELLATION_VALUE = 26;
    static final int DISPLAY_DATE = 27;
    static final int EARLIEST_DATE = 28;
    static final int LATEST_DATE = 29;
    static final int DISPLAY_ACTOR_IN_ROLE = 30;
    static final int DISPLAY_PLACE = 31;
    static final int DISPLAY_MATERIALS_TECH = 32;
    static final int DISPLAY_SUBJECT = 33;
    static final int DESCRIPTIVE_NOTE_VALUE = 34;
    static final int DISPLAY_OBJECT_MEASUREMENTS = 35;
    static final int MEASUREMENT_TYPE = 36;
    static final int MEASUREMENT_VALUE = 37;
    static final int MEASUREMENT_UNIT = 38;
    static final int WORK_ID = 39;
    static final int CREDIT_LINE = 40;
    static final int LINK_RESOURCE = 41;
    static final int INSCRIPTION_TRANSCRIPTION = 42;
    static final int RECORD_ID = 43;
    static final int RECORD_INFO_LINK = 44;
    static final int OBJECT_WORK_TYPE = 45;
    static final int CLASSIFICATION = 46;
    static final int EVENT_TYPE = 47;
    static final int ROLE_ACTOR = 48;
    static final int TERM_MATERIALS_TECH = 49;
    static final int SUBJECT_CONCEPT = 50;
    static final int RIGHTS_TYPE = 51;
    static final int CULTURE = 52;
    static final int CATEGORY = 53;
    static final int EVENT_METHOD = 54;
    static final int RECORD_TYPE = 55;
    static final int RESOURCE_TYPE = 56;
    static final int TITLE_SET = 57;
    static final int NAME_ACTOR_SET = 58;
    static final int NAME_PLACE_SET = 59;
    static final int LEGAL_BODY_NAME = 60;
    static final int SUBJECT_OBJECT = 61;
    static final int EVENT_DATE = 62;
    static final int DISPLAY_ACTOR = 63;
    static final int PERIOD_NAME = 64;

    /** The names in the order of their numbers. */
    private static final String[] LIST = {
            "eventSet", "objectDescriptionSet", "measurementsSet", "repositorySet", "rightsWorkSet", "recordRights",
            "subjectActor", "actorInRole", "subjectPlace", "eventPlace", "partOfPlace", "repositoryLocation",
            "rightsHolder", "repositoryName", "recordSource", "subjectEvent", "lido", "relatedWorksWrap", "event",
            "resourceSet", "resourceRepresentation", "lidoRecID", "objectPublishedID", "term", "prefLabel",
            "appellationValue", "displayDate", "earliestDate", "latestDate", "displayActorInRole", "displayPlace",
            "displayMaterialsTech", "displaySubject", "descriptiveNoteValue", "displayObjectMeasurements",
            "measurementType", "measurementValue", "measurementUnit", "workID", "creditLine", "linkResource",
            "inscriptionTranscription", "recordID", "recordInfoLink", "objectWorkType", "classification",
            "eventType", "roleActor", "termMaterialsTech", "subjectConcept", "rightsType", "culture", "category",
            "eventMethod", "recordType", "resourceType", "titleSet", "nameActorSet", "namePlaceSet", "legalBodyName",
            "subjectObject", "eventDate", "displayActor", "periodName"};

    /** The names, numbered 1, 2, ... in this order (the constants above). */
    static final XmlNames NAMES = new XmlNames(LIST);

    /** The elements whose term names what a {@code term} (or {@code skos:prefLabel}) in them is, by number. */
    static final boolean[] TERM_HOLDERS = set(OBJECT_WORK_TYPE, CLASSIFICATION, EVENT_TYPE, ROLE_ACTOR,
            TERM_MATERIALS_TECH, SUBJECT_CONCEPT, RIGHTS_TYPE, CULTURE, CATEGORY, MEASUREMENT_TYPE, MEASUREMENT_UNIT,
            EVENT_METHOD, RECORD_TYPE, RESOURCE_TYPE, PERIOD_NAME);

    /** The elements whose own text the mapping reads (the text of any other is not kept), by number. */
    static final boolean[] TEXT = set(LIDO_REC_ID, OBJECT_PUBLISHED_ID, TERM, PREF_LABEL, APPELLATION_VALUE,
            DISPLAY_DATE, EARLIEST_DATE, LATEST_DATE, DISPLAY_ACTOR_IN_ROLE, DISPLAY_PLACE, DISPLAY_MATERIALS_TECH,
            DISPLAY_SUBJECT, DESCRIPTIVE_NOTE_VALUE, DISPLAY_OBJECT_MEASUREMENTS, MEASUREMENT_TYPE, MEASUREMENT_VALUE,
            MEASUREMENT_UNIT, WORK_ID, CREDIT_LINE, LINK_RESOURCE, INSCRIPTION_TRANSCRIPTION, RECORD_ID,
            RECORD_INFO_LINK, DISPLAY_ACTOR);

    /**
     * The elements the mapping asks about as ancestors ({@code LidoParser.has}): bit {@code code} each,
     * so their numbers must be below 64.
     */
    static final long CONTEXT = bits(EVENT_SET, OBJECT_DESCRIPTION_SET, MEASUREMENTS_SET, REPOSITORY_SET,
            RIGHTS_WORK_SET, RECORD_RIGHTS, SUBJECT_ACTOR, ACTOR_IN_ROLE, SUBJECT_PLACE, EVENT_PLACE, PART_OF_PLACE,
            REPOSITORY_LOCATION, RIGHTS_HOLDER, REPOSITORY_NAME, RECORD_SOURCE, SUBJECT_EVENT, EVENT_DATE);

    /** By number: the element's bit in {@link #CONTEXT}, or 0 for a name the mapping does not ask about so. */
    static final long[] OPEN = open();

    /** The attributes the mapping reads (in any namespace). */
    static final int ATTR_TYPE = 1;
    static final int ATTR_PREF = 2;
    static final int ATTR_ADDED = 3;
    static final XmlNames ATTRIBUTES = new XmlNames("type", "pref", "addedSearchTerm");

    private LidoNames() {
    }

    /** Whether a set of names ({@link #TEXT}, {@link #TERM_HOLDERS}) holds the name with this number. */
    static boolean in(boolean[] set, int code) {
        return set[code];
    }

    /** How many names there are: the numbers run from 1 to this. */
    static int count() {
        return LIST.length;
    }

    private static boolean[] set(int... codes) {
        boolean[] s = new boolean[count() + 1];
        for (int c : codes) {
            s[c] = true;
        }
        return s;
    }

    private static long bits(int... codes) {
        long b = 0;
        for (int c : codes) {
            if (c <= 0 || c >= 64) {
                throw new AssertionError("a LIDO name asked about as an ancestor needs a number from 1 to 63: " + c);
            }
            b |= 1L << c;
        }
        return b;
    }

    private static long[] open() {
        long[] o = new long[count() + 1];
        for (int c = 1; c < 64 && c <= count(); c++) {
            o[c] = CONTEXT & 1L << c;
        }
        return o;
    }

    static {
        if (NAMES.code("eventSet") != EVENT_SET || NAMES.code("displayActor") != DISPLAY_ACTOR
                || NAMES.code("periodName") != PERIOD_NAME || PERIOD_NAME != count()) {
            throw new AssertionError("LIDO names out of step with their numbers");
        }
    }
}
