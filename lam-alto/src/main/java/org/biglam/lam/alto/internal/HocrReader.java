package org.biglam.lam.alto.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import org.biglam.lam.LamRecord;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/** Reads one hOCR document, emitting records of the granularity asked for. */
public final class HocrReader implements FormatReader {

    private final ReadContext ctx;
    private final Input input;
    private final HocrParser parser;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private final PageEmitter emitter;
    private final long[] index = {0};
    private int next;
    private final java.util.Set<String> pageIds = new java.util.HashSet<>();

    public HocrReader(Input input, ReadContext ctx) throws IOException {
        this.ctx = ctx;
        this.input = input;
        this.parser = new HocrParser(input.stream(), ctx.location(), ctx.limits(),
                (kind, message, line) -> ctx.warn(kind, message, ctx.location().withLine(line, 0)));
        // hOCR marks no hyphenation: its text is kept as written
        this.emitter = new PageEmitter(ctx, new TextAssembler(false), parser);
    }

    @Override
    public LamRecord next() {
        while (queue.isEmpty()) {
            if (next >= parser.pages().size()) {
                return null;
            }
            Page page = parser.pages().get(next++);
            PageEmitter.PageInfo info = new PageEmitter.PageInfo();
            info.format = "hocr";
            info.prefix = "hocr";
            info.versionLabel = "hocr:system";
            info.version = parser.system();
            String name = input.name();
            // pages of files joined into one (hocr-combine) may all have Tesseract's id page_1: a
            // page whose id an earlier page has is named by its number
            String id = page.id == null || page.id.isBlank() ? null : page.id.strip();
            boolean fresh = id != null && pageIds.add(id);
            info.pageId = page.index == 0 ? name : name + "#page-" + (fresh ? id : page.index + 1);
            info.subIdPrefix = page.index == 0 ? name + "#" : info.pageId + "/";
            String img = imageRef(parser.image(page));
            info.imageUri = Images.resolve(input, img);
            info.imageMime = Images.mime(img);
            info.labels = parser.labels();
            info.factor = 1;
            emitter.emit(page, info, ctx.granularity(), index, queue);
        }
        return queue.poll();
    }

    /**
     * The page image's reference: Tesseract writes the image's path as it was given on the command
     * line, often an absolute path of the machine that ran it ({@code /home/ocr/scans/0001.png}).
     * Such a path is kept where that file is here; else the file of its name beside the hOCR
     * document stands for it (with a warning), as for a Windows path in ALTO.
     */
    private String imageRef(String ref) {
        String r = Images.imageHere(input, ctx, ref, "hocr-image", "the hOCR document", !warnedImage);
        warnedImage |= !java.util.Objects.equals(r, ref);
        return r;
    }

    private boolean warnedImage;
}
