package org.biglam.lam.iiif.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.biglam.lam.Labels;

/** Maps IIIF metadata labels to lam's uniform label names (dates and languages are read by lam-core's shared vocabulary). */
final class LabelMapping {

    private static final Map<String, String> UNIFORM = new HashMap<>();

    static {
        map(Labels.TITLE, "title", "titles", "main title", "title(s)", "titel", "titre", "titolo", "título");
        map(Labels.CREATOR, "author", "authors", "author(s)", "creator", "creators", "creator(s)", "artist",
                "artists", "maker", "makers", "photographer", "composer", "autor", "auteur", "verfasser",
                "künstler", "author/creator", "creator/author", "scribe");
        map(Labels.CONTRIBUTOR, "contributor", "contributors", "contributor(s)", "editor", "editors",
                "translator", "illustrator", "engraver", "other contributors", "beteiligte", "mitwirkende");
        map(Labels.DATE, "date", "dates", "date statement", "date created", "created", "creation date",
                "publication date", "date of publication", "date issued", "issued", "datum", "date de publication",
                "year", "jahr", "period", "date(s)", "date of creation", "erscheinungsjahr", "entstehungszeit",
                "date of origin", "century");
        map(Labels.LANGUAGE, "language", "languages", "language(s)", "sprache", "langue", "lingua", "idioma",
                "text language");
        map(Labels.SUBJECT, "subject", "subjects", "subject(s)", "topic", "topics", "keywords", "keyword",
                "schlagwort", "schlagworte", "sujet", "sujets");
        map(Labels.GENRE, "genre", "genres", "form", "genre/form", "form/genre", "gattung");
        map(Labels.TYPE, "type", "object type", "resource type", "type of resource", "objekttyp", "dokumenttyp",
                "document type");
        map(Labels.PUBLISHER, "publisher", "publishers", "published by", "verlag", "éditeur", "editeur",
                "imprint", "printer", "drucker");
        map(Labels.PLACE, "place", "places", "place of publication", "place of origin", "place of production",
                "publication place", "origin", "erscheinungsort", "ort", "lieu", "lieu de publication");
        map(Labels.IDENTIFIER, "identifier", "identifiers", "other identifier", "shelfmark", "shelf mark",
                "call number", "signatur", "cote", "isbn", "issn", "urn", "doi", "record id", "object number",
                "accession number", "inventory number", "inventarnummer", "manifest id", "persistent url");
        map(Labels.RIGHTS, "rights", "license", "licence", "copyright", "rights statement", "attribution",
                "terms of use", "access rights", "usage", "lizenz", "rechte", "droits", "conditions of use");
        map(Labels.DESCRIPTION, "description", "descriptions", "summary", "abstract", "note", "notes",
                "beschreibung", "résumé", "inhalt");
        map(Labels.COLLECTION, "collection", "collections", "series", "part of", "sammlung", "reihe",
                "fonds", "is part of", "collection name");
        map(Labels.CLASSIFICATION, "classification", "klassifikation");
    }

    private LabelMapping() {
    }

    private static void map(String uniform, String... labels) {
        for (String l : labels) {
            UNIFORM.put(l, uniform);
        }
    }

    /** The uniform label a metadata label maps to, or null. */
    static String uniform(String metadataLabel) {
        if (metadataLabel == null) {
            return null;
        }
        String k = metadataLabel.strip().toLowerCase(Locale.ROOT);
        if (k.endsWith(":")) {
            k = k.substring(0, k.length() - 1).strip();
        }
        String u = UNIFORM.get(k);
        int paren = k.lastIndexOf(" (");
        if (u == null && paren > 0 && k.endsWith(")")) {
            // a qualified label, e-codices' "Title (English)", "Date of Origin (English)": as the label it qualifies
            u = UNIFORM.get(k.substring(0, paren).strip());
        }
        return u;
    }
}
