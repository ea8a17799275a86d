package org.biglam.lam.alto.internal;

import org.biglam.lam.spi.AaltoXml;
import java.util.ArrayDeque;
import org.biglam.lam.LamRecord;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/** Reads one PAGE XML file, emitting records of the granularity asked for. */
public final class PageXmlReader implements FormatReader {

    private final ReadContext ctx;
    private final Input input;
    private final PageXmlParser parser;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private boolean done;

    public PageXmlReader(Input input, ReadContext ctx) {
        this.ctx = ctx;
        this.input = input;
        this.parser = new PageXmlParser(AaltoXml.factory(ctx.limits()), input.stream(), ctx.location(), ctx.limits(),
                (kind, message, line) -> ctx.warn(kind, message, ctx.location().withLine(line, 0)));
    }

    @Override
    public LamRecord next() {
        if (!done) {
            done = true;
            Page page = parser.read();
            if (page != null) {
                PageEmitter.PageInfo info = new PageEmitter.PageInfo();
                info.format = "page";
                info.prefix = "page";
                info.versionLabel = "page:version";
                info.version = parser.version();
                info.pageId = input.name();
                info.subIdPrefix = input.name() + "#";
                String img = Images.imageHere(input, ctx, parser.imageFilename(), "page-image", "the PAGE document",
                        true);
                info.imageUri = Images.resolve(input, imageRef(input, img));
                info.imageMime = Images.mime(parser.imageFilename());
                info.factor = 1;
                info.unit = "pixel";
                // PAGE marks no hyphenation: its text is kept as written
                PageEmitter emitter = new PageEmitter(ctx, new TextAssembler(false), parser);
                emitter.emit(page, info, ctx.granularity(), new long[] {0}, queue);
            }
        }
        return queue.poll();
    }

    /**
     * The image reference of a PAGE file read from a folder, as the tools that write PAGE lay files
     * out: beside the PAGE file; else, where it is not there but is in the folder above, that one.
     * OCR-D names images relative to the workspace ({@code OCR-D-IMG/0001.tif} from
     * {@code OCR-D-GT-PAGE/0001.xml}), Transkribus exports its PAGE files in a {@code page} folder
     * below their images.
     */
    static String imageRef(Input input, String ref) {
        if (ref == null || ref.isBlank() || input.file().isEmpty()) {
            return ref;
        }
        String s = ref.strip();
        if (Images.isAbsoluteUri(s) || Images.notPortable(s) || s.startsWith("/")) {
            return ref;
        }
        try {
            java.nio.file.Path dir = input.file().get().toAbsolutePath().getParent();
            if (dir == null || dir.getParent() == null || java.nio.file.Files.exists(dir.resolve(s))
                    || !java.nio.file.Files.isRegularFile(dir.getParent().resolve(s))) {
                return ref;
            }
            return "../" + s;
        } catch (RuntimeException e) {
            return ref; // a name the file system cannot take
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
