package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PAGE XML as its producers write it: Transkribus tables and line order, glyph-level text, nested groups, OCR-D folders. */
class PageXmlShapesTest {

    private static List<LamRecord> read(String xml, String granularity) {
        return Read.string(xml, "p.xml", ReadOptions.builder().format("page").granularity(granularity).build());
    }

    private static List<String> texts(List<LamRecord> records) {
        return records.stream().map(r -> r.text().orElseThrow()).toList();
    }

    /** As Transkribus exports a page: a TableRegion of TableCells, and TextLines whose order is in their custom attribute. */
    private static final String TRANSKRIBUS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
                <Metadata><Creator>TRP</Creator><Created>2019-03-15T10:12:13.593+01:00</Created>
                    <LastChange>2019-04-02T13:38:09.115+02:00</LastChange></Metadata>
                <Page imageFilename="0001_Kirchenbuch.jpg" imageWidth="2480" imageHeight="3508">
                    <ReadingOrder>
                        <OrderedGroup id="ro_1554205089141" caption="Regions reading order">
                            <RegionRefIndexed index="0" regionRef="r1"/>
                            <RegionRefIndexed index="1" regionRef="Table_1554205072364"/>
                        </OrderedGroup>
                    </ReadingOrder>
                    <TextRegion type="heading" id="r1" custom="readingOrder {index:0;} structure {type:heading;}">
                        <Coords points="100,100 900,100 900,200 100,200"/>
                        <TextLine id="r1l2" custom="readingOrder {index:1;}">
                            <Coords points="100,150 900,150 900,200 100,200"/>
                            <Baseline points="100,195 900,195"/>
                            <TextEquiv><Unicode>second line</Unicode></TextEquiv>
                        </TextLine>
                        <TextLine id="r1l1" custom="readingOrder {index:0;}">
                            <Coords points="100,100 900,100 900,150 100,150"/>
                            <Baseline points="100,145 900,145"/>
                            <TextEquiv><Unicode>first line</Unicode></TextEquiv>
                        </TextLine>
                        <TextEquiv><Unicode>first line
            second line</Unicode></TextEquiv>
                    </TextRegion>
                    <TableRegion id="Table_1554205072364" custom="readingOrder {index:1;}">
                        <Coords points="100,300 2000,300 2000,900 100,900"/>
                        <TableCell row="0" col="0" id="TableCell_1">
                            <Coords points="100,300 100,600 1000,600 1000,300"/>
                            <TextLine id="tc1l1" custom="readingOrder {index:0;}">
                                <Coords points="110,310 990,310 990,360 110,360"/>
                                <TextEquiv><Unicode>Johann Schmidt</Unicode></TextEquiv>
                            </TextLine>
                            <CornerPts>0 1 2 3</CornerPts>
                        </TableCell>
                        <TableCell row="0" col="1" id="TableCell_2">
                            <Coords points="1000,300 1000,600 2000,600 2000,300"/>
                            <TextLine id="tc2l1" custom="readingOrder {index:0;}">
                                <Coords points="1010,310 1990,310 1990,360 1010,360"/>
                                <TextEquiv><Unicode>1843</Unicode></TextEquiv>
                            </TextLine>
                            <CornerPts>0 1 2 3</CornerPts>
                        </TableCell>
                    </TableRegion>
                </Page>
            </PcGts>
            """;

    @Test
    void transkribusTableCellsAreBlocksOfTheirTableAndLinesFollowTheirCustomReadingOrder() {
        assertThat(read(TRANSKRIBUS, "page").get(0).text())
                .hasValue("first line\nsecond line\n\nJohann Schmidt\n\n1843");
        List<LamRecord> lines = read(TRANSKRIBUS, "line");
        assertThat(lines).extracting(LamRecord::id)
                .containsExactly("p.xml#line-r1l1", "p.xml#line-r1l2", "p.xml#line-tc1l1", "p.xml#line-tc2l1");
        assertThat(lines.get(2).images().get(0).region()).hasValue(new Region(110, 310, 880, 50));
        List<LamRecord> blocks = read(TRANSKRIBUS, "block");
        assertThat(blocks).extracting(LamRecord::id)
                .containsExactly("p.xml#block-r1", "p.xml#block-TableCell_1", "p.xml#block-TableCell_2");
        assertThat(blocks.get(1).images().get(0).region()).hasValue(new Region(100, 300, 900, 300));
    }

    @Test
    void aRegionsTypeOrItsCustomStructureTypeIsALabelOfItsBlockLinesAndWords() {
        List<LamRecord> lines = read(TRANSKRIBUS.replace("type=\"heading\" ", "")
                .replace("<TableCell row=\"0\" col=\"0\" id=\"TableCell_1\">",
                        "<TableCell row=\"0\" col=\"0\" id=\"TableCell_1\" custom=\"structure {type:marginalia note;}\">"),
                "line");
        // the heading's type from its custom attribute (Transkribus, eScriptorium); a cell's own and none for the other
        assertThat(lines).extracting(l -> l.label("page:type"))
                .containsExactly(List.of("heading"), List.of("heading"), List.of("marginalia note"), List.of());
        List<LamRecord> blocks = read(NESTED.replace("<pc:TextRegion id=\"r0a\">", "<pc:TextRegion id=\"r0a\" type=\"heading\">")
                .replace("<pc:TextRegion id=\"r0\">", "<pc:TextRegion id=\"r0\" type=\"other\">"), "block");
        assertThat(blocks).extracting(LamRecord::id, b -> b.label("page:type")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("p.xml#block-r0a", List.of("heading", "other")),
                org.assertj.core.groups.Tuple.tuple("p.xml#block-r0b", List.of("other")),
                org.assertj.core.groups.Tuple.tuple("p.xml#block-r0", List.of("other")),
                org.assertj.core.groups.Tuple.tuple("p.xml#block-r1", List.of()));
    }

    @Test
    void linesWithoutACustomIndexEachKeepDocumentOrder() {
        String xml = TRANSKRIBUS.replace("<TextLine id=\"r1l1\" custom=\"readingOrder {index:0;}\">",
                "<TextLine id=\"r1l1\">");
        assertThat(texts(read(xml, "line")).subList(0, 2)).containsExactly("second line", "first line");
    }

    /**
     * A Transkribus page whose regions' order is only in their custom attributes (no ReadingOrder):
     * the table written first, a marginal note without an index, the heading and body after.
     */
    private static final String TRANSKRIBUS_NO_READING_ORDER = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
                <Metadata><Creator>TRP</Creator><Created>2019-03-15T10:12:13.593+01:00</Created>
                    <LastChange>2019-04-02T13:38:09.115+02:00</LastChange></Metadata>
                <Page imageFilename="0002_Kirchenbuch.jpg" imageWidth="2480" imageHeight="3508">
                    <TableRegion id="Table_1" custom="readingOrder {index:2;}">
                        <Coords points="100,900 2000,900 2000,1200 100,1200"/>
                        <TableCell row="0" col="0" id="TableCell_1">
                            <Coords points="100,900 100,1200 1000,1200 1000,900"/>
                            <TextLine id="tc1l1" custom="readingOrder {index:0;}">
                                <Coords points="110,910 990,910 990,960 110,960"/>
                                <TextEquiv><Unicode>Johann Schmidt</Unicode></TextEquiv>
                            </TextLine>
                        </TableCell>
                    </TableRegion>
                    <TextRegion id="r9" type="marginalia">
                        <Coords points="2100,100 2400,100 2400,200 2100,200"/>
                        <TextLine id="r9l1">
                            <Coords points="2100,100 2400,100 2400,200 2100,200"/>
                            <TextEquiv><Unicode>note</Unicode></TextEquiv>
                        </TextLine>
                    </TextRegion>
                    <TextRegion id="r2" custom="readingOrder {index:1;} structure {type:paragraph;}">
                        <Coords points="100,300 900,300 900,500 100,500"/>
                        <TextLine id="r2l2" custom="readingOrder {index:1;}">
                            <Coords points="100,400 900,400 900,500 100,500"/>
                            <TextEquiv><Unicode>body two</Unicode></TextEquiv>
                        </TextLine>
                        <TextLine id="r2l1" custom="readingOrder {index:0;}">
                            <Coords points="100,300 900,300 900,400 100,400"/>
                            <TextEquiv><Unicode>body one</Unicode></TextEquiv>
                        </TextLine>
                    </TextRegion>
                    <TextRegion id="r1" custom="readingOrder {index:0;} structure {type:heading;}">
                        <Coords points="100,100 900,100 900,200 100,200"/>
                        <TextLine id="r1l1" custom="readingOrder {index:0;}">
                            <Coords points="100,100 900,100 900,200 100,200"/>
                            <TextEquiv><Unicode>Heading</Unicode></TextEquiv>
                        </TextLine>
                    </TextRegion>
                </Page>
            </PcGts>
            """;

    @Test
    void withoutAReadingOrderTheRegionsCustomIndexesOrderThemAndRegionsWithoutOneFollow() {
        assertThat(read(TRANSKRIBUS_NO_READING_ORDER, "page").get(0).text())
                .hasValue("Heading\n\nbody one\nbody two\n\nJohann Schmidt\n\nnote");
        assertThat(read(TRANSKRIBUS_NO_READING_ORDER, "block")).extracting(LamRecord::id).containsExactly(
                "p.xml#block-r1", "p.xml#block-r2", "p.xml#block-TableCell_1", "p.xml#block-r9");
        assertThat(read(TRANSKRIBUS_NO_READING_ORDER, "line")).extracting(LamRecord::id).containsExactly(
                "p.xml#line-r1l1", "p.xml#line-r2l1", "p.xml#line-r2l2", "p.xml#line-tc1l1", "p.xml#line-r9l1");
        // an empty ReadingOrder orders nothing: the custom indexes do
        assertThat(read(TRANSKRIBUS_NO_READING_ORDER.replace("<Page imageFilename=\"0002_Kirchenbuch.jpg\" "
                + "imageWidth=\"2480\" imageHeight=\"3508\">", "<Page imageFilename=\"0002_Kirchenbuch.jpg\" "
                + "imageWidth=\"2480\" imageHeight=\"3508\"><ReadingOrder><OrderedGroup id=\"ro1\"/></ReadingOrder>"),
                "page").get(0).text()).hasValue("Heading\n\nbody one\nbody two\n\nJohann Schmidt\n\nnote");
    }

    @Test
    void aReadingOrderWinsOverTheRegionsCustomIndexes() {
        String xml = TRANSKRIBUS_NO_READING_ORDER.replace("imageHeight=\"3508\">", "imageHeight=\"3508\">"
                + "<ReadingOrder><OrderedGroup id=\"ro1\" caption=\"Regions reading order\">"
                + "<RegionRefIndexed index=\"0\" regionRef=\"r2\"/><RegionRefIndexed index=\"1\" regionRef=\"r1\"/>"
                + "</OrderedGroup></ReadingOrder>");
        // the regions it names in its order, the others in document order; lines still by their indexes
        assertThat(read(xml, "page").get(0).text())
                .hasValue("body one\nbody two\n\nHeading\n\nJohann Schmidt\n\nnote");
    }

    /** PRImA's 2010 schema: Point children, PlainText, text only on Glyphs; a nested unordered group. */
    private static final String PRIMA_2010 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19" pcGtsId="pc-00001">
              <Metadata><Creator>PRImA</Creator><Created>2010-05-01T12:00:00</Created>
                <LastChange>2010-05-01T12:00:00</LastChange></Metadata>
              <Page imageFilename="00001.tif" imageWidth="2000" imageHeight="3000">
                <ReadingOrder>
                  <OrderedGroup id="g0">
                    <RegionRefIndexed regionRef="r2" index="1"/>
                    <UnorderedGroupIndexed id="g1" index="0"><RegionRef regionRef="r1"/></UnorderedGroupIndexed>
                  </OrderedGroup>
                </ReadingOrder>
                <TextRegion id="r2" type="paragraph" primaryLanguage="German">
                  <Coords><Point x="100" y="500"/><Point x="900" y="500"/><Point x="900" y="600"/><Point x="100" y="600"/></Coords>
                  <TextLine id="l2">
                    <Coords><Point x="100" y="500"/><Point x="900" y="600"/></Coords>
                    <Word id="w1">
                      <Coords><Point x="100" y="500"/><Point x="300" y="600"/></Coords>
                      <Glyph id="g1"><Coords><Point x="100" y="500"/><Point x="150" y="600"/></Coords>
                        <TextEquiv conf="0.9"><Unicode>D</Unicode></TextEquiv></Glyph>
                      <Glyph id="g2"><Coords><Point x="150" y="500"/><Point x="200" y="600"/></Coords>
                        <TextEquiv conf="0.7"><Unicode>e</Unicode></TextEquiv></Glyph>
                      <Glyph id="g3"><Coords><Point x="200" y="500"/><Point x="300" y="600"/></Coords>
                        <TextEquiv index="2" conf="0.1"><Unicode>v</Unicode></TextEquiv>
                        <TextEquiv index="1" conf="0.5"><Unicode>r</Unicode></TextEquiv></Glyph>
                    </Word>
                    <Word id="w2">
                      <Coords><Point x="350" y="500"/><Point x="500" y="600"/></Coords>
                      <Glyph id="g4"><TextEquiv><Unicode>H</Unicode></TextEquiv></Glyph>
                      <Glyph id="g5"><TextEquiv><PlainText>und</PlainText></TextEquiv></Glyph>
                    </Word>
                  </TextLine>
                </TextRegion>
                <TextRegion id="r1" type="heading">
                  <Coords><Point x="100" y="100"/><Point x="900" y="200"/></Coords>
                  <TextLine id="l1">
                    <Coords><Point x="100" y="100"/><Point x="900" y="200"/></Coords>
                    <TextEquiv><PlainText>KAPITEL EINS</PlainText></TextEquiv>
                  </TextLine>
                </TextRegion>
              </Page>
            </PcGts>
            """;

    @Test
    void wordsWithTextOnlyOnTheirGlyphsTakeTheGlyphsText() {
        LamRecord page = read(PRIMA_2010, "page").get(0);
        assertThat(page.text()).hasValue("KAPITEL EINS\n\nDer Hund");
        assertThat(page.label("language")).containsExactly("de");
        List<LamRecord> words = read(PRIMA_2010, "word");
        assertThat(texts(words)).containsExactly("KAPITEL", "EINS", "Der", "Hund");
        assertThat(words.get(2).id()).isEqualTo("p.xml#word-w1");
        assertThat(words.get(2).images().get(0).region()).hasValue(new Region(100, 500, 200, 100));
        // the mean of its glyphs' confidence (each glyph's TextEquiv of lowest index); none if a glyph has none
        assertThat(words.get(2).confidence().getAsDouble()).isCloseTo((0.9 + 0.7 + 0.5) / 3, within(1e-9));
        assertThat(words.get(3).confidence()).isEmpty();
    }

    /**
     * An OCR-D processor's words: one with its text but no confidence (only its glyphs are scored),
     * one with text only on its glyphs, one scored itself and on its glyphs.
     */
    private static final String OCRD_GLYPHS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <pc:PcGts xmlns:pc="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
              <pc:Metadata><pc:Creator>OCR-D</pc:Creator><pc:Created>2021-03-01T10:00:00</pc:Created>
                <pc:LastChange>2021-03-01T10:00:00</pc:LastChange></pc:Metadata>
              <pc:Page imageFilename="OCR-D-IMG/0001.tif" imageWidth="1000" imageHeight="1500">
                <pc:TextRegion id="r1"><pc:Coords points="100,100 900,100 900,200 100,200"/>
                  <pc:TextLine id="l1"><pc:Coords points="100,100 900,100 900,200 100,200"/>
                    <pc:Word id="w1"><pc:Coords points="100,100 300,100 300,200 100,200"/>
                      <pc:Glyph id="w1g1"><pc:Coords points="100,100 150,100 150,200 100,200"/>
                        <pc:TextEquiv conf="0.9"><pc:Unicode>D</pc:Unicode></pc:TextEquiv></pc:Glyph>
                      <pc:Glyph id="w1g2"><pc:Coords points="150,100 200,100 200,200 150,200"/>
                        <pc:TextEquiv conf="0.6"><pc:Unicode>a</pc:Unicode></pc:TextEquiv></pc:Glyph>
                      <pc:Glyph id="w1g3"><pc:Coords points="200,100 300,100 300,200 200,200"/>
                        <pc:TextEquiv conf="0.9"><pc:Unicode>s</pc:Unicode></pc:TextEquiv></pc:Glyph>
                      <pc:TextEquiv><pc:Unicode>Das</pc:Unicode></pc:TextEquiv>
                    </pc:Word>
                    <pc:Word id="w2"><pc:Coords points="350,100 500,100 500,200 350,200"/>
                      <pc:Glyph id="w2g1"><pc:Coords points="350,100 400,100 400,200 350,200"/>
                        <pc:TextEquiv conf="0.8"><pc:Unicode>i</pc:Unicode></pc:TextEquiv></pc:Glyph>
                      <pc:Glyph id="w2g2"><pc:Coords points="400,100 450,100 450,200 400,200"/>
                        <pc:TextEquiv conf="0.8"><pc:Unicode>s</pc:Unicode></pc:TextEquiv></pc:Glyph>
                      <pc:Glyph id="w2g3"><pc:Coords points="450,100 500,100 500,200 450,200"/>
                        <pc:TextEquiv conf="0.5"><pc:Unicode>t</pc:Unicode></pc:TextEquiv></pc:Glyph>
                    </pc:Word>
                    <pc:Word id="w3"><pc:Coords points="550,100 700,100 700,200 550,200"/>
                      <pc:Glyph id="w3g1"><pc:Coords points="550,100 700,100 700,200 550,200"/>
                        <pc:TextEquiv conf="0.2"><pc:Unicode>a</pc:Unicode></pc:TextEquiv></pc:Glyph>
                      <pc:TextEquiv conf="0.95"><pc:Unicode>a</pc:Unicode></pc:TextEquiv>
                    </pc:Word>
                  </pc:TextLine>
                </pc:TextRegion>
              </pc:Page>
            </pc:PcGts>
            """;

    @Test
    void aWordWithoutAConfidenceOfItsOwnHasItsGlyphsMeanAndOneWithItsOwnKeepsIt() {
        List<LamRecord> words = read(OCRD_GLYPHS, "word");
        assertThat(texts(words)).containsExactly("Das", "ist", "a");
        assertThat(words.get(0).confidence().getAsDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(words.get(1).confidence().getAsDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(words.get(2).confidence().getAsDouble()).isCloseTo(0.95, within(1e-9));
        LamRecord line = read(OCRD_GLYPHS, "line").get(0);
        assertThat(line.text()).hasValue("Das ist a");
        assertThat(line.quality().orElseThrow().scoredWords()).isEqualTo(3);
        assertThat(line.confidence().getAsDouble()).isCloseTo((0.8 + 0.7 + 0.95) / 3, within(1e-9));
        // a glyph without a confidence: the word has none
        assertThat(read(OCRD_GLYPHS.replace("<pc:TextEquiv conf=\"0.6\">", "<pc:TextEquiv>"), "word").get(0)
                .confidence()).isEmpty();
    }

    /** OCR-D: a group that orders the regions nested in its parent region, named by the group's regionRef. */
    private static final String NESTED = """
            <pc:PcGts xmlns:pc="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
              <pc:Page imageFilename="OCR-D-IMG/OCR-D-IMG_0001.tif" imageWidth="1000" imageHeight="1500">
                <pc:ReadingOrder>
                  <pc:OrderedGroup id="ro0">
                    <pc:OrderedGroupIndexed id="ro1" index="0" regionRef="r0">
                      <pc:RegionRefIndexed index="1" regionRef="r0b"/>
                      <pc:RegionRefIndexed index="0" regionRef="r0a"/>
                    </pc:OrderedGroupIndexed>
                    <pc:RegionRefIndexed index="1" regionRef="r1"/>
                  </pc:OrderedGroup>
                </pc:ReadingOrder>
                <pc:TextRegion id="r1"><pc:Coords points="100,600 900,600 900,700 100,700"/>
                  <pc:TextLine id="r1l1"><pc:Coords points="100,600 900,600 900,700 100,700"/>
                    <pc:TextEquiv><pc:Unicode>After the box</pc:Unicode></pc:TextEquiv></pc:TextLine>
                </pc:TextRegion>
                <pc:TextRegion id="r0"><pc:Coords points="100,100 900,100 900,500 100,500"/>
                  <pc:TextRegion id="r0b"><pc:Coords points="100,300 900,300 900,500 100,500"/>
                    <pc:TextLine id="r0bl1"><pc:Coords points="100,300 900,300 900,400 100,400"/>
                      <pc:TextEquiv><pc:Unicode>Body</pc:Unicode></pc:TextEquiv></pc:TextLine>
                  </pc:TextRegion>
                  <pc:TextRegion id="r0a"><pc:Coords points="100,100 900,100 900,200 100,200"/>
                    <pc:TextLine id="r0al1"><pc:Coords points="100,100 900,100 900,200 100,200"/>
                      <pc:TextEquiv><pc:Unicode>Heading</pc:Unicode></pc:TextEquiv></pc:TextLine>
                  </pc:TextRegion>
                  <pc:TextLine id="r0l1"><pc:Coords points="100,450 900,450 900,500 100,500"/>
                    <pc:TextEquiv><pc:Unicode>own line of the box</pc:Unicode></pc:TextEquiv></pc:TextLine>
                </pc:TextRegion>
              </pc:Page>
            </pc:PcGts>
            """;

    @Test
    void aGroupOrdersTheRegionsNestedInItsOwnRegion() {
        assertThat(read(NESTED, "page").get(0).text())
                .hasValue("Heading\n\nBody\n\nown line of the box\n\nAfter the box");
    }

    @Test
    void theTextOfARegionThatRepeatsItsNestedRegionsTextIsNotReadTwice() {
        // OCR-D's consolidation of TextEquivs gives a parent region the text of the regions in it
        String xml = """
                <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
                  <Page imageFilename="a.png" imageWidth="1000" imageHeight="1000">
                    <TextRegion id="r0"><Coords points="0,0 1000,0 1000,1000 0,1000"/>
                      <TextRegion id="r0a"><Coords points="0,0 1000,0 1000,100 0,100"/>
                        <TextLine id="l1"><Coords points="0,0 1000,0 1000,100 0,100"/>
                          <TextEquiv><Unicode>Heading</Unicode></TextEquiv></TextLine>
                        <TextEquiv><Unicode>Heading</Unicode></TextEquiv>
                      </TextRegion>
                      <TextRegion id="r0b"><Coords points="0,100 1000,100 1000,200 0,200"/>
                        <TextEquiv><Unicode>Body</Unicode></TextEquiv>
                      </TextRegion>
                      <TextEquiv><Unicode>Heading
                Body</Unicode></TextEquiv>
                    </TextRegion>
                    <TextRegion id="r1"><Coords points="0,300 1000,300 1000,400 0,400"/>
                      <TextRegion id="r1a"><Coords points="0,300 1000,300 1000,400 0,400"/></TextRegion>
                      <TextEquiv><Unicode>Only here</Unicode></TextEquiv>
                    </TextRegion>
                  </Page>
                </PcGts>
                """;
        assertThat(read(xml, "page").get(0).text()).hasValue("Heading\n\nBody\n\nOnly here");
    }

    @Test
    void aRegionWithoutCoordsIsBoxedByItsLines() {
        // eScriptorium puts lines that are in no region into an eSc_dummyblock_ without Coords
        String xml = """
                <PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
                  <Page imageFilename="f12r.jpg" imageWidth="3000" imageHeight="4000">
                    <TextRegion id="eSc_dummyblock_">
                      <TextLine id="eSc_line_3"><Coords points="100,100 500,100 500,200 100,200"/>
                        <Baseline points="100,190 500,190"/><TextEquiv><Unicode>Marginal</Unicode></TextEquiv></TextLine>
                      <TextLine id="eSc_line_4"><Coords points="120,210 400,210 400,300 120,300"/>
                        <TextEquiv><Unicode>note</Unicode></TextEquiv></TextLine>
                    </TextRegion>
                  </Page>
                </PcGts>
                """;
        assertThat(read(xml, "block")).singleElement().satisfies(b -> {
            assertThat(b.text()).hasValue("Marginal\nnote");
            assertThat(b.images().get(0).region()).hasValue(new Region(100, 100, 400, 200));
        });
    }

    @Test
    void anImageNamedRelativeToTheFolderAboveIsFoundThere(@TempDir Path dir) throws IOException {
        // OCR-D: images named relative to the workspace; Transkribus: PAGE files in page/ below their images
        Files.createDirectories(dir.resolve("OCR-D-IMG"));
        Files.write(dir.resolve("OCR-D-IMG/OCR-D-IMG_0001.tif"), new byte[] {1});
        Files.createDirectories(dir.resolve("OCR-D-GT-PAGE"));
        Path page = dir.resolve("OCR-D-GT-PAGE/OCR-D-GT-PAGE_0001.xml");
        Files.writeString(page, NESTED);
        assertThat(Read.all(dir, ReadOptions.builder().format("page").build()).get(0).images().get(0).uri())
                .isEqualTo(dir.resolve("OCR-D-IMG/OCR-D-IMG_0001.tif").toUri().toString());
        // beside the PAGE file, that one is taken
        Files.createDirectories(dir.resolve("OCR-D-GT-PAGE/OCR-D-IMG"));
        Files.write(dir.resolve("OCR-D-GT-PAGE/OCR-D-IMG/OCR-D-IMG_0001.tif"), new byte[] {1});
        assertThat(Read.all(dir, ReadOptions.builder().format("page").build()).get(0).images().get(0).uri())
                .isEqualTo(dir.resolve("OCR-D-GT-PAGE/OCR-D-IMG/OCR-D-IMG_0001.tif").toUri().toString());
    }

    @Test
    void tesseractsAbsoluteImagePathNotOnThisMachineStandsForTheFileBeside(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("eng.xml");
        Files.writeString(page, NESTED.replace("OCR-D-IMG/OCR-D-IMG_0001.tif", "/tmp/nowhere-" + System.nanoTime() + "/eng.png"));
        List<org.biglam.lam.Problem> problems = new java.util.ArrayList<>();
        List<LamRecord> r = Read.all(page, ReadOptions.builder().format("page").onProblem(problems::add).build());
        assertThat(r.get(0).images().get(0).uri()).isEqualTo(dir.resolve("eng.png").toUri().toString());
        assertThat(problems).extracting(org.biglam.lam.Problem::kind).containsExactly("page-image");
    }

    @Test
    void anAbsoluteImagePathHereButOutsideTheReadsRootIsNotFollowedTheFileBesideStandsForIt(@TempDir Path dir)
            throws IOException {
        // a file that exists on this machine, outside the folder read: the origin rule keeps lam out of it
        Path outside = Files.createDirectories(dir.resolve("elsewhere")).resolve("eng.png");
        Files.write(outside, new byte[] {1});
        Path folder = Files.createDirectories(dir.resolve("pages"));
        Path page = folder.resolve("eng.xml");
        Files.writeString(page, NESTED.replace("OCR-D-IMG/OCR-D-IMG_0001.tif", outside.toString()));
        List<org.biglam.lam.Problem> problems = new java.util.ArrayList<>();
        List<LamRecord> r = Read.all(page, ReadOptions.builder().format("page").onProblem(problems::add).build());
        assertThat(r.get(0).images().get(0).uri()).isEqualTo(folder.resolve("eng.png").toUri().toString());
        assertThat(problems).extracting(org.biglam.lam.Problem::kind).containsExactly("page-image");
        // inside the folder read, the absolute path is the image
        Path inside = folder.resolve("scan.png");
        Files.write(inside, new byte[] {1});
        Files.writeString(page, NESTED.replace("OCR-D-IMG/OCR-D-IMG_0001.tif", inside.toString()));
        assertThat(Read.all(page, ReadOptions.builder().format("page").build()).get(0).images().get(0).uri())
                .isEqualTo(inside.toUri().toString());
    }

    @Test
    void aPageXmlFileWithAnEmptyUnicodeHasItsPlainText() {
        String xml = PRIMA_2010.replace("<PlainText>KAPITEL EINS</PlainText>", "<PlainText>KAPITEL EINS</PlainText><Unicode/>");
        assertThat(read(xml, "line").get(0).text()).hasValue("KAPITEL EINS");
    }

    @Test
    void anImageFoundNowhereIsNamedBesideThePageFileAsBefore(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("p.xml");
        Files.writeString(page, NESTED);
        assertThat(Read.all(page, ReadOptions.builder().format("page").build()).get(0).images().get(0).uri())
                .isEqualTo(dir.resolve("OCR-D-IMG/OCR-D-IMG_0001.tif").toUri().toString());
    }
}
