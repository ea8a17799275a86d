package org.biglam.lam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.RecordSource;
import org.biglam.lam.spi.Fetcher;
import org.biglam.lam.spi.Origin;
import org.biglam.lam.spi.ReadContext;

/**
 * The origin rule applied to every record a reader gives, whatever the format: an image reference
 * the record's document may not lead to is left out, with a warning.
 */
final class References {

    private References() {
    }

    /**
     * The record, or a copy without the image references its origin refuses.
     *
     * @param r the record
     * @param input the input it was read from
     * @param ctx where to warn
     * @param index the record's ordinal in the input
     * @return the record to emit
     */
    static LamRecord images(LamRecord r, LeafInput input, ReadContext ctx, long index) {
        List<ImageRef> images = r.images();
        if (images.isEmpty()) {
            return r;
        }
        Origin origin = input.origin();
        RecordSource src = r.source().orElse(null);
        boolean followed = false;
        if (!origin.remote() && src != null && Fetcher.isHttp(src.uri()) && !src.uri().equals(input.uri())) {
            // a record of a document fetched over http(s) (a referenced manifest, say)
            origin = origin.follow(src.uri());
            followed = true;
        }
        List<ImageRef> kept = null;
        for (int i = 0; i < images.size(); i++) {
            ImageRef img = images.get(i);
            String uri = img.uri();
            // the records of a page (its lines, words) name the same image: check it once
            if (!followed && uri.equals(input.lastAllowedImage)) {
                if (kept != null) {
                    kept.add(img);
                }
                continue;
            }
            Optional<String> no = origin.refusal(uri);
            if (no.isEmpty()) {
                if (!followed) {
                    input.lastAllowedImage = uri;
                }
                if (kept != null) {
                    kept.add(img);
                }
                continue;
            }
            if (kept == null) {
                kept = new ArrayList<>(images.subList(0, i));
            }
            Location where = ctx.location().withIndex(index).withRecordId(r.id());
            ctx.warn(Origin.WARNING_KIND, "image left out: " + no.get(), where);
        }
        if (kept == null) {
            return r;
        }
        LamRecord.Builder b = r.toBuilder().clearImages();
        kept.forEach(b::image);
        return b.build();
    }
}
