package org.biglam.lam.oai;

import org.biglam.lam.ReadOptions;
import org.biglam.lam.oai.internal.OaiSource;
import org.biglam.lam.spi.SourceProvider;

/**
 * Harvests an OAI-PMH endpoint: the input {@code oai:https://host/oai?metadataPrefix=oai_dc&set=S&from=2020-01-01}
 * (to {@code Lam.read}, {@code Lam.open} or {@code lam convert}) fetches the list page by page, one
 * page in memory at a time, and reads each as the {@code oai-pmh} format (each record's metadata
 * to the module that reads its namespace).
 *
 * <p>The URL's arguments are the request's: {@code verb} ({@code ListRecords} by default;
 * {@code ListIdentifiers}, {@code ListSets}, {@code ListMetadataFormats}, {@code Identify},
 * {@code GetRecord}), {@code metadataPrefix} ({@code oai_dc} by default), {@code set},
 * {@code from}, {@code until}, {@code identifier}, and {@code resumptionToken} to resume.
 *
 * <p>Requests go through lam-core's {@link org.biglam.lam.spi.Fetcher}: the limits of
 * {@link org.biglam.lam.ReadLimits} (timeouts, size, redirects, low speed), retries on 429 and 5xx
 * honouring {@code Retry-After} up to a cap. Settings:
 * <ul>
 * <li>{@code oai.delay}: wait between requests, default 1 s ({@code 500}, {@code 500ms}, {@code 2s});</li>
 * <li>{@code oai.retries}: retries of a failed page, default 3; {@code oai.backoff}: first back-off, doubled
 *     each time, default 2 s; {@code oai.max-retry-after}: the longest {@code Retry-After} honoured,
 *     default 2 min;</li>
 * <li>{@code oai.resume}: a resumption token to start from;</li>
 * <li>{@code oai.get-records}: with {@code verb=ListIdentifiers}, {@code true} gets each record with
 *     {@code GetRecord};</li>
 * <li>{@code oai.token-with-prefix}: {@code true} sends {@code metadataPrefix} again with each token, for
 *     servers that want it;</li>
 * <li>{@code oai.deleted}: {@code skip} (default) or {@code emit}, as for saved pages.</li>
 * </ul>
 *
 * <p>The list ends at a page without a {@code resumptionToken} or with an empty one (with or without
 * {@code cursor} and {@code completeListSize}). {@code noRecordsMatch} is an empty harvest. A
 * repeated token, another OAI error, an HTTP error after the retries or a page that stays cut short
 * stops the harvest with a problem located at the request URL that names the token to resume from;
 * the records before it have been read.
 *
 * @since 0.1
 */
public final class OaiHarvest implements SourceProvider {

    /** Creates the provider (ServiceLoader calls this). */
    public OaiHarvest() {
    }

    @Override
    public String scheme() {
        return "oai";
    }

    @Override
    public String description() {
        return "OAI-PMH harvest (oai:https://host/oai?metadataPrefix=...)";
    }

    @Override
    public Source open(String input, ReadOptions options) {
        return new OaiSource(input, options);
    }
}
