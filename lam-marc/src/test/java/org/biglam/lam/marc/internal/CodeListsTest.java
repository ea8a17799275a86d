package org.biglam.lam.marc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The code lists kept as data in the module: each line well formed, no code twice, no empty word,
 * and a few entries that must read as the lists have them.
 */
class CodeListsTest {

    private static List<String[]> rows(String name) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Codes.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    out.add(line.split("\t", -1));
                }
            }
        }
        return out;
    }

    private static void wellFormed(String name, int columns, Pattern key) throws IOException {
        Set<String> seen = new HashSet<>();
        List<String[]> rows = rows(name);
        assertThat(rows).as(name).isNotEmpty();
        for (String[] r : rows) {
            String line = String.join("\\t", r);
            assertThat(r).as(name + ": " + line).hasSize(columns);
            String k = String.join(" ", java.util.Arrays.copyOf(r, columns - 1));
            assertThat(k).as(name + ": code of " + line).matches(key);
            assertThat(seen.add(k)).as(name + ": " + k + " twice").isTrue();
            String word = r[columns - 1];
            assertThat(word).as(name + ": word of " + line).isNotBlank().isEqualTo(word.strip());
        }
    }

    @Test
    void countriesAreCodesOfTwoOrThreeLettersOnceEach() throws IOException {
        wellFormed("countries.tsv", 2, Pattern.compile("[a-z]{2,3}"));
        assertThat(Codes.marcCountry("enk")).isEqualTo("England");
        assertThat(Codes.marcCountry("nyu")).isEqualTo("New York (State)");
        assertThat(Codes.marcCountry("gg ")).isEqualTo("Guernsey");
        // a code the list has discontinued, still in older records
        assertThat(Codes.marcCountry("ur ")).isEqualTo("Soviet Union");
        // a code given to another place: the current one
        assertThat(Codes.marcCountry("ai")).isEqualTo("Armenia (Republic)");
        assertThat(Codes.marcCountry("zz")).isNull();
    }

    @Test
    void relatorsAreThreeLettersOrThreeDigitsOnceEach() throws IOException {
        wellFormed("relators.tsv", 2, Pattern.compile("[a-z]{3}|[0-9]{3}"));
        assertThat(Codes.relator("aut")).isEqualTo("author");
        assertThat(Codes.relator("ill.")).isEqualTo("illustrator");
        assertThat(Codes.relator("aus")).isEqualTo("screenwriter");
        assertThat(Codes.relator("070")).isEqualTo("author");
        assertThat(Codes.relator("730")).isEqualTo("translator");
        assertThat(Codes.relator("440")).isEqualTo("illustrator");
        assertThat(Codes.relator("xyz")).isNull();
    }

    @Test
    void unimarcGenreTablesHaveCodesOfTheirWidth() throws IOException {
        wellFormed("unimarc-genres.tsv", 3, Pattern.compile("(105/4-7|105/11|106/0) [a-z]|140/(9-16|17-18) [a-z]{2}"));
        assertThat(Codes.unimarcGenre("105/11", "a")).isEqualTo("fiction");
        assertThat(Codes.unimarcGenre("140/17-18", "aa")).isEqualTo("poetry");
        assertThat(Codes.unimarcGenre("106/0", "r")).isNull();
    }
}
