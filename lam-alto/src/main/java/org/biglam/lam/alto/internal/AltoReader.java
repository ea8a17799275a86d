package org.biglam.lam.alto.internal;

import java.util.ArrayDeque;
import org.biglam.lam.LamRecord;
import org.biglam.lam.alto.AltoOptions;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/** Reads one ALTO file, page by page, emitting records of the granularity asked for. */
public final class AltoReader implements FormatReader {

    private final ReadContext ctx;
    private final Input input;
    private final String granularity;
    private final AltoOptions options;
    private final AltoParser parser;
    private final PageEmitter emitter;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private final long[] index = {0};
    private boolean done;
    private String imageUri;
    private String imageMime;
    private double factor;
    private boolean headerDone;

    /**
     * @param input the ALTO input
     * @param ctx the context
     */
    public AltoReader(Input input, ReadContext ctx) {
        this(input, ctx, null);
    }

    /**
     * A reader on a given StAX factory: for the benchmark that compares parsers. The product uses
     * the one above (Aalto's readers shared by guarded loops, see
     * {@link org.biglam.lam.spi.AaltoXml#sharedReader}).
     *
     * @param input the ALTO input
     * @param ctx the context
     * @param factory a StAX factory set up without DTDs or external entities, or null for lam's own
     */
    public AltoReader(Input input, ReadContext ctx, javax.xml.stream.XMLInputFactory factory) {
        this.ctx = ctx;
        this.input = input;
        this.granularity = ctx.granularity();
        this.options = AltoOptions.from(ctx.options());
        boolean blocks = !"page".equals(granularity);
        boolean lines = "line".equals(granularity);
        boolean words = "word".equals(granularity);
        this.parser = new AltoParser(factory, input.stream(), ctx.location(), ctx.limits(),
                new AltoParser.Needs(blocks, lines, words, words),
                (kind, message, line) -> ctx.warn(kind, message, ctx.location().withLine(line, 0)));
        this.emitter = new PageEmitter(ctx, new TextAssembler(options.hyphenation() == AltoOptions.Hyphenation.JOIN),
                parser);
    }

    @Override
    public LamRecord next() {
        while (queue.isEmpty()) {
            if (done) {
                return null;
            }
            Page page = parser.nextPage();
            if (page == null) {
                done = true;
                return null;
            }
            if (!headerDone) {
                header();
            }
            PageEmitter.PageInfo info = new PageEmitter.PageInfo();
            info.format = "alto";
            String name = input.name();
            info.pageId = page.index == 0 ? name
                    : name + "#page-" + (page.id != null && !page.id.isBlank() ? page.id.strip() : page.index + 1);
            info.subIdPrefix = page.index == 0 ? name + "#" : info.pageId + "/";
            info.imageUri = imageUri;
            info.imageMime = imageMime;
            info.factor = factor;
            info.unit = parser.unit();
            info.version = parser.version();
            emitter.emit(page, info, granularity, index, queue);
        }
        return queue.poll();
    }

    private void header() {
        headerDone = true;
        // an absolute path of the machine that ran the OCR (Tesseract writes the one it was given)
        String fileName = Images.imageHere(input, ctx, parser.fileName(), "alto-image", "the ALTO file", true);
        imageUri = Images.resolve(input, fileName);
        if (fileName != null && Images.notPortable(fileName.strip())) {
            ctx.warn("alto-image", "the image file name '" + fileName + "' is a path on another machine; "
                    + "its file name is taken beside the ALTO file", ctx.location());
        }
        imageMime = Images.mime(fileName);
        double dpi = !Double.isNaN(parser.dpi()) ? parser.dpi() : options.resolution();
        factor = Images.factor(parser.unit(), dpi);
        if (parser.version() == null) {
            ctx.warn("alto-version", "ALTO under an unknown namespace '" + parser.namespace()
                    + "': read as ALTO", ctx.location());
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
