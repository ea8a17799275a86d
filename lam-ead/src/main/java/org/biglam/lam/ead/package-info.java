/**
 * EAD 2002 and EAD3 finding aids as lam records: {@link org.biglam.lam.ead.EadFormat} (format id
 * {@code ead}) gives one record per archival component, the collection-level {@code archdesc}
 * included (granularity {@code component}), or one per finding aid ({@code collection}), streamed.
 */
@NullMarked
package org.biglam.lam.ead;

import org.jspecify.annotations.NullMarked;
