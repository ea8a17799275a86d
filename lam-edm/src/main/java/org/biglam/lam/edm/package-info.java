/**
 * Europeana EDM as lam records: {@link org.biglam.lam.edm.EdmFormat} (format id {@code edm}) gives one
 * record per {@code edm:ProvidedCHO}, from the provider's values (on the CHO in external EDM, on the
 * provider's {@code ore:Proxy} in internal EDM).
 */
@NullMarked
package org.biglam.lam.edm;

import org.jspecify.annotations.NullMarked;
