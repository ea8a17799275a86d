package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/** One provider, one Saxon processor, many readers at once. */
class TeiParallelTest {

    @Test
    void aFolderReadInParallelGivesTheSameRecordsAsReadInOrder() {
        ReadOptions o = ReadOptions.builder().format("tei").granularity("paragraph").build();
        List<LamRecord> sequential;
        try (Stream<LamRecord> s = Lam.read(Corpus.dir("tei"), o)) {
            sequential = s.collect(Collectors.toList());
        }
        Set<LamRecord> parallel;
        try (Stream<LamRecord> s = Lam.read(Corpus.dir("tei"), o).parallel()) {
            parallel = s.collect(Collectors.toSet());
        }
        assertThat(sequential).hasSizeGreaterThan(4000);
        assertThat(parallel).hasSameSizeAs(sequential).containsAll(sequential);
    }
}
