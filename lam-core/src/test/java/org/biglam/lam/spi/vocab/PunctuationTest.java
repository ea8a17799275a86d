package org.biglam.lam.spi.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PunctuationTest {

    @Test
    void trimsIsbdPunctuation() {
        assertThat(Punctuation.trim("A history of Whitby /")).isEqualTo("A history of Whitby");
        assertThat(Punctuation.trim("London :")).isEqualTo("London");
        assertThat(Punctuation.trim("Charlton, Lionel,")).isEqualTo("Charlton, Lionel");
        assertThat(Punctuation.trim("History.")).isEqualTo("History");
        assertThat(Punctuation.trim("Tolkien, J.R.R.")).isEqualTo("Tolkien, J.R.R.");
        assertThat(Punctuation.trim("[London]")).isEqualTo("London");
        assertThat(Punctuation.trim("[London")).isEqualTo("London");
        // a cataloguer's supplied title closed by the ISBD period
        assertThat(Punctuation.trim("[Map of Whitby].")).isEqualTo("Map of Whitby");
        assertThat(Punctuation.trimEnd("[Map of Whitby].")).isEqualTo("[Map of Whitby]");
        assertThat(Punctuation.trim("Paris ; New York")).isEqualTo("Paris ; New York");
    }

    @Test
    void trimsIsbdPunctuationButKeepsThePeriodOfAbbreviationsAndInitials() {
        // headings as they stand in the corpus's records (LCSH, names, titles)
        String[][] cases = {
            {"Comic books, strips, etc.", "Comic books, strips, etc."},
            {"Smith, J.", "Smith, J."},
            {"Pride and prejudice /", "Pride and prejudice"},
            {"Austen, Jane,", "Austen, Jane"},
            {"Fiction.", "Fiction"},
            {"Great Britain.", "Great Britain"},
            {"Tolkien, J. R. R.", "Tolkien, J. R. R."},
            {"Davis, Sammy, Jr.", "Davis, Sammy, Jr."},
            {"Ford Motor Co.", "Ford Motor Co."},
            {"Harcourt, Brace & Co.,", "Harcourt, Brace & Co."},
            {"Little, Brown and Co.", "Little, Brown and Co."},
            {"U.S. Dept. of Justice,", "U.S. Dept. of Justice"},
            {"Washington, D.C. :", "Washington, D.C."},
            {"1775-1817.", "1775-1817"},
            {"Sisters", "Sisters"},
            {"Manufacturing consent :", "Manufacturing consent"},
            {"Ed. by John Smith.", "Ed. by John Smith"},
            {"المكتبة،", "المكتبة"},
            {"\u200fتهران :\u200f", "تهران"},
        };
        for (String[] c : cases) {
            assertThat(Punctuation.trim(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void recognisesPlaceholdersForAnUnknownPlaceOrPublisher() {
        for (String p : new String[] {"[S.l.]", "[s.n.]", "[s.n.]،", "s.n.,", "[S.l. :", "[Place of publication not identified]",
            "[publisher not identified]", "[o.O.]", "[б.и.]", "[sine loco]"}) {
            assertThat(Punctuation.placeholder(p)).as(p).isTrue();
        }
        for (String p : new String[] {"Sl", "S.L. Publishing", "London", "Snow", "[London]"}) {
            assertThat(Punctuation.placeholder(p)).as(p).isFalse();
        }
    }

    @Test
    void trimEndKeepsBracketsButTrimsTheSameEnds() {
        assertThat(Punctuation.trimEnd("Brief] /")).isEqualTo("Brief]");
        assertThat(Punctuation.trimEnd("[London] :")).isEqualTo("[London]");
        assertThat(Punctuation.trimEnd("Leiden :")).isEqualTo("Leiden");
        assertThat(Punctuation.trimEnd("E.J. Brill,")).isEqualTo("E.J. Brill");
        assertThat(Punctuation.trimEnd("1905.")).isEqualTo("1905");
        assertThat(Punctuation.trimEnd("Who killed Cock Robin?")).isEqualTo("Who killed Cock Robin?");
        assertThat(Punctuation.trimEnd("Help!")).isEqualTo("Help!");
        assertThat(Punctuation.trimEnd("Ford Motor Co.")).isEqualTo("Ford Motor Co.");
        assertThat(Punctuation.trimEnd("Smith, J.")).isEqualTo("Smith, J.");
    }
}
