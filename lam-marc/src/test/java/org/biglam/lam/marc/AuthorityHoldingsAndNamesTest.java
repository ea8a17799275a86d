package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;

import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/** Authority and holdings records; codes in words (the names option). */
class AuthorityHoldingsAndNamesTest {

    @Test
    void readsAnAuthorityRecordAsItsHeadingWithSeeFromFormsAndSources() {
        byte[] rec = MarcBytes.utf8().type("z ").leader("00000nz  a2200000n  4500").control("001", "n79032879")
                .control("008", "790319n| acannaabn          |a aaa      ")
                .field("010", "  ", "an  79032879 ")
                .field("100", "1 ", "aAusten, Jane,", "d1775-1817")
                .field("400", "1 ", "aAusten, Jane,", "d1775-1817", "xCorrespondence")
                .field("400", "1 ", "aOsten, Dzheĭn,", "d1775-1817")
                .field("500", "1 ", "aLefroy, Anna Austen,", "d1793-1872")
                .field("670", "  ", "aHer Pride and prejudice, 1813.")
                .field("670", "  ", "aWikipedia, 12 March 2020", "b(Jane Austen; English novelist)")
                .bytes();
        LamRecord r = Reading.skip(rec, "auth.mrc", ReadOptions.builder()).records.get(0);
        assertThat(r.label("title")).containsExactly("Austen, Jane, 1775-1817");
        assertThat(r.label("creator")).isEmpty();
        assertThat(r.label("marc:see-from")).containsExactly("Austen, Jane, 1775-1817 -- Correspondence",
                "Osten, Dzheĭn, 1775-1817");
        assertThat(r.label("marc:see-also")).containsExactly("Lefroy, Anna Austen, 1793-1872");
        assertThat(r.label("marc:source")).containsExactly("Her Pride and prejudice, 1813.",
                "Wikipedia, 12 March 2020 (Jane Austen; English novelist)");
        assertThat(r.label("marc:kind")).containsExactly("established heading");
        assertThat(r.label("type")).containsExactly("authority");
        assertThat(r.label("identifier")).containsExactly("n79032879", "lccn:n79032879");
    }

    @Test
    void readsAUnimarcAuthorityRecordAsItsHeading() {
        byte[] rec = MarcBytes.utf8().leader("00000cx  a2200000   45  ").control("001", "026927608")
                .control("003", "http://www.idref.fr/026927608")
                .field("100", "  ", "a19930113afrey50      ba")
                .field("200", " 1", "aAusten", "bJane", "f1775-1817")
                .field("400", " 1", "aOsten", "bDžejn", "f1775-1817")
                .field("400", " 1", "aAusten", "bJane", "f1775-1817", "xCorrespondance")
                .field("810", "  ", "aPride and prejudice / Jane Austen, 1813")
                .bytes();
        LamRecord r = Reading.skip(rec, "a.mrc", ReadOptions.builder()).records.get(0);
        assertThat(r.label("marc:flavour")).containsExactly("unimarc");
        assertThat(r.label("title")).containsExactly("Austen, Jane, 1775-1817");
        assertThat(r.label("marc:see-from")).containsExactly("Osten, Džejn, 1775-1817",
                "Austen, Jane, 1775-1817 -- Correspondance");
        assertThat(r.label("marc:source")).containsExactly("Pride and prejudice / Jane Austen, 1813");
        assertThat(r.label("type")).containsExactly("authority");
        assertThat(r.label("identifier")).containsExactly("026927608", "http://www.idref.fr/026927608");
        assertThat(r.label("date")).isEmpty();
    }

    @Test
    void readsUnimarcHoldingsRecordsAsHoldingsLinkedToTheirBibliographicRecord() {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(UnimarcTest.book(MarcBytes.utf8(), "bib-1", "50  ").bytes());
        // UNIMARC/Holdings: leader/06 'a' single-part item holdings (a text in a bibliographic record)
        file.writeBytes(MarcBytes.utf8().leader("00000nax  22000001  45  ").control("001", "hold-1")
                .control("004", "bib-1")
                .field("100", "  ", "a20240101afrey50      ba")
                .field("170", "  ", "a1")
                .field("252", "1 ", "aFR-751052116", "bRéserve des livres rares", "c58 rue de Richelieu, Paris",
                        "jRES-Y2-1234")
                .field("801", " 0", "aFR", "bBnF", "c20240101")
                .bytes());
        // a MARC 21 holdings record in the same file keeps its own mapping
        file.writeBytes(MarcBytes.utf8().leader("00000nx   2200000   4500").control("001", "hold-2")
                .control("004", "bib-1")
                .field("852", "01", "aDLC", "bgen", "hH75", "i.26")
                .bytes());
        Reading r = Reading.skip(file.toByteArray(), "mixed-holdings.mrc", ReadOptions.builder());
        assertThat(r.errors()).isEmpty();
        assertThat(r.ids()).containsExactly("bib-1", "hold-1", "hold-2");
        LamRecord bib = r.records.get(0);
        LamRecord h = r.records.get(1);
        assertThat(bib.label("type")).containsExactly("text", "monograph");
        assertThat(bib.group()).isEmpty();
        assertThat(h.label("marc:flavour")).containsExactly("unimarc");
        assertThat(h.label("type")).containsExactly("holdings");
        assertThat(h.group()).hasValue("bib-1");
        assertThat(h.label("marc:location")).containsExactly("FR-751052116, Réserve des livres rares");
        assertThat(h.label("marc:call-number")).containsExactly("RES-Y2-1234");
        assertThat(h.label("identifier")).containsExactly("hold-1");
        assertThat(h.label("title")).isEmpty();
        assertThat(h.label("date")).isEmpty();
        LamRecord m21 = r.records.get(2);
        assertThat(m21.label("marc:flavour")).isEmpty();
        assertThat(m21.label("type")).containsExactly("holdings");
        assertThat(m21.label("marc:call-number")).containsExactly("H75 .26");
        assertThat(m21.group()).hasValue("bib-1");
        // the same in MarcEdit's text, where no decoder saw the bytes
        String mrk = "=LDR  00000nax\\22000001\\45\\\n=001  hold-1\n=004  bib-1\n"
                + "=252  1\\$aFR-751052116$bRéserve des livres rares$jRES-Y2-1234\n";
        LamRecord m = Reading.skip(mrk.getBytes(java.nio.charset.StandardCharsets.UTF_8), "h.mrk",
                ReadOptions.builder()).records.get(0);
        assertThat(m.labels()).isEqualTo(h.labels());
        assertThat(m.group()).isEqualTo(h.group());
    }

    @Test
    void linksHoldingsRecordsToTheirBibliographicRecordByGroup() {
        Reading r = Reading.file(Corpus.file("marc21/marc4j/test/resources/sample1.mrc"),
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP));
        LamRecord bib = r.records.get(0);
        LamRecord holdings = r.records.get(1);
        assertThat(bib.id()).isEqualTo("370589");
        assertThat(holdings.label("type")).containsExactly("holdings");
        assertThat(holdings.group()).hasValue(bib.id());
        assertThat(holdings.label("marc:call-number")).containsExactly("H 75 .26");
        assertThat(holdings.label("marc:location")).containsExactly("gen");
        assertThat(holdings.label("title")).isEmpty();
        assertThat(bib.group()).isEmpty();
    }

    @Test
    void givesLanguagesCountriesAndRolesInWordsWhenAsked() {
        byte[] rec = WriteFixtures.book(MarcBytes.utf8(), "w-1", "Words", "Chabon, Michael")
                .field("041", "1 ", "aengfre")
                .field("700", "1 ", "aKavalier, Joe,", "eillustrator,", "4ill", "4aut")
                .field("710", "2 ", "aRandom House,", "4http://id.loc.gov/vocabulary/relators/pbl")
                .bytes();
        ReadOptions.Builder words = ReadOptions.builder().set("marc.names", "true");
        LamRecord r = Reading.skip(rec, "w.mrc", words).records.get(0);
        assertThat(r.label("language")).containsExactly("en", "fr");
        assertThat(r.label("marc:language-name")).containsExactly("English", "French");
        assertThat(r.label("marc:country")).containsExactly("England");
        assertThat(r.label("role")).containsExactly("Kavalier, Joe: illustrator", "Kavalier, Joe: author",
                "Random House: publisher");
        LamRecord plain = Reading.skip(rec, "w.mrc", ReadOptions.builder()).records.get(0);
        assertThat(plain.label("role")).isEmpty();
        assertThat(plain.label("marc:country")).isEmpty();
        assertThat(plain.label("marc:language-name")).isEmpty();

        LamRecord uni = Reading.skip(UnimarcTest.book(MarcBytes.utf8(), "u-1", "50  ").bytes(), "u.mrc",
                ReadOptions.builder().set("marc.names", "true")).records.get(0);
        assertThat(uni.label("marc:language-name")).containsExactly("French", "English");
        assertThat(uni.label("marc:country")).containsExactly("France");
        assertThat(uni.label("role")).containsExactly("Dvořák, Antonín, 1841-1904: composer", "Brontë, Zoë: translator");
    }
}
