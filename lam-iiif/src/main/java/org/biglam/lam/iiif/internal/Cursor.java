package org.biglam.lam.iiif.internal;

import java.io.IOException;

/** Work on the reader's stack: a collection's members or a manifest's canvases. */
interface Cursor {
    /**
     * Does one piece of work: adds records to the reader's queue, or pushes a cursor, or neither.
     * Returns false, having done nothing, when exhausted.
     */
    boolean step() throws IOException;
}
