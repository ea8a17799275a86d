package org.biglam.lam.edm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;

/** Shapes of RDF/XML that providers' EDM takes, beyond the basic fixtures. */
class EdmShapesTest {

    private static final FormatHarness EDM = new FormatHarness("edm");

    @Test
    void severalChosWithTheirAggregationsFirstAndContextualClassesAfter() {
        List<LamRecord> rs = EDM.read(EdmFormatTest.fixture("several-chos.xml"), ReadOptions.defaults());
        assertThat(FormatHarness.ids(rs)).containsExactly("#cho1", "#cho2");
        LamRecord still = rs.get(0);
        assertThat(still.label("title")).containsExactly("Stillleben", "Still life");
        // no English prefLabel: the first one
        assertThat(still.label("creator")).containsExactly("Jan Davidsz. de Heem");
        // en-GB is English
        assertThat(still.label("subject")).containsExactly("still lifes");
        assertThat(still.label("place")).containsExactly("Amsterdam");
        // a time span with only edm:begin and edm:end is its interval, not its URI
        assertThat(still.label("dcterms:created")).containsExactly("1645/1655");
        assertThat(still.label("date")).containsExactly("1645/1655", "1650");
        assertThat(still.images()).extracting(ImageRef::uri).containsExactly("https://museum.example.org/img/1.jpg",
                "https://museum.example.org/img/1b.jpg");
        assertThat(still.label("rights")).containsExactly("http://creativecommons.org/publicdomain/mark/1.0/");
        LamRecord vase = rs.get(1);
        // a reference by rdf:nodeID to a blank node typed by rdf:type
        assertThat(vase.label("creator")).containsExactly("Anonymous potter");
        assertThat(vase.label("type")).containsExactly("3D");
        assertThat(vase.images()).extracting(ImageRef::uri).containsExactly("https://museum.example.org/img/2.jpg");
        assertThat(vase.label("rights")).containsExactly("http://rightsstatements.org/vocab/InC/1.0/");
    }

    @Test
    void parseTypeResourceRdfIdNodeIdsAndAnInheritedLanguage() {
        List<LamRecord> rs = EDM.read(EdmFormatTest.fixture("rdf-forms.xml"), ReadOptions.defaults());
        assertThat(FormatHarness.ids(rs)).containsExactly("http://example.org/cho/1", "#cho3");
        LamRecord card = rs.get(0);
        // xml:lang on rdf:RDF holds for the literals inside, unless they say otherwise
        assertThat(card.label("dc:title@fr")).containsExactly("Carte postale");
        assertThat(card.label("dc:title@en")).containsExactly("Postcard");
        assertThat(card.label("dc:type@fr")).isEmpty();
        // rdf:parseType="Resource": the property's value is a blank node with these properties
        assertThat(card.label("dcterms:temporal")).containsExactly("1900-1910");
        assertThat(card.label("date")).containsExactly("1900/1910");
        assertThat(card.label("edm:type")).containsExactly("TEXT");
        assertThat(card.text()).contains("Vue du port.");
        // rdf:ID="cho3" is what rdf:resource="#cho3" names: the aggregation's rights and image are its
        LamRecord third = rs.get(1);
        assertThat(third.label("title")).containsExactly("Troisième");
        assertThat(third.label("rights")).containsExactly("http://rightsstatements.org/vocab/NoC-US/1.0/");
        assertThat(third.images()).extracting(ImageRef::uri).containsExactly("http://example.org/img/3.jpg");
        // a blank node that is described nowhere gives nothing (its made-up name means nothing)
        assertThat(third.label("creator")).isEmpty();
    }

    @Test
    void landingPagesDocumentsAndSoundsDescribedAsWebResourcesAreNotImages() {
        LamRecord r = EDM.read(EdmFormatTest.fixture("internal-media.xml"), ReadOptions.defaults()).get(0);
        assertThat(r.label("edm:profile")).containsExactly("internal");
        // the IIIF image only: the viewer page (isShownAt, text/html) is no view of the object, and the
        // PDF and the MP3 are its media
        assertThat(r.images()).extracting(ImageRef::uri)
                .containsExactly("https://example.org/iiif/2/abc/full/full/0/default.jpg");
        assertThat(r.label("edm:isShownAt")).containsExactly("https://example.org/viewer/abc");
        assertThat(r.label("edm:media")).containsExactly("https://example.org/files/abc.pdf",
                "https://example.org/media/abc.mp3");
        assertThat(r.label("creator")).containsExactly("Goethe, Johann Wolfgang von");
        assertThat(r.label("dc:title@de")).containsExactly("Der Titel");
        assertThat(r.label("dc:creator@de")).isEmpty();
    }
}
