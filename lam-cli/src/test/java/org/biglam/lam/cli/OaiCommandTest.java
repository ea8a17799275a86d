package org.biglam.lam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OaiCommandTest {

    @Test
    void theOptionsMakeTheOaiInput() {
        OaiCommand c = new OaiCommand();
        new CommandLine(c).parseArgs("https://host/oai", "-p", "mods", "--set", "maps:old", "--from", "2020-01-01");
        assertThat(c.input()).isEqualTo("oai:https://host/oai?verb=ListRecords&metadataPrefix=mods&set=maps%3Aold&from=2020-01-01");
        OaiCommand sets = new OaiCommand();
        new CommandLine(sets).parseArgs("https://host/oai?key=k", "--verb", "ListSets");
        assertThat(sets.input()).isEqualTo("oai:https://host/oai?key=k&verb=ListSets");
    }

    @Test
    void anEndpointThatCannotBeReachedIsAProblemNamingTheRequest() {
        ConvertCommandTest.Run r = ConvertCommandTest.run("oai", "http://127.0.0.1:9/oai", "-O", "oai.retries=0");
        assertThat(r.exit()).isEqualTo(LamCommand.EXIT_PROBLEMS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("http://127.0.0.1:9/oai?verb=ListRecords&metadataPrefix=oai_dc", "nothing was harvested");
    }
}
