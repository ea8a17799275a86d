package org.biglam.lam.oai.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamIOException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.Fetcher;
import org.biglam.lam.spi.AaltoXml;
import org.biglam.lam.spi.SourceProvider;

/**
 * One harvest: the pages of an OAI-PMH list, fetched one at a time through lam-core's
 * {@link Fetcher} (its limits, redirects, retries on 429 and 5xx honouring {@code Retry-After}),
 * with a delay between requests, retries with back-off of a page that failed on the way (a
 * timeout, a transfer cut or too slow, a page cut short), and the end of the list recognised in
 * all its forms. A repeated token, an OAI error or a failure that retries do not cure stops the
 * harvest with an error that names the token to resume from.
 */
public final class OaiSource implements SourceProvider.Source {

    /** Verbs whose answers are lists, paged with resumption tokens. */
    private static final Set<String> LISTS = Set.of("ListRecords", "ListIdentifiers", "ListSets");
    /** Verbs a harvest may name. */
    private static final Set<String> VERBS = Set.of("ListRecords", "ListIdentifiers", "ListSets",
            "ListMetadataFormats", "Identify", "GetRecord");

    private final String input;
    private final String base;
    private final String verb;
    private final Map<String, String> params;
    private final ReadLimits limits;
    private final Fetcher fetcher;
    private final XMLInputFactory factory;
    private final Duration delay;
    private final int retries;
    private final Duration backoff;
    private final boolean getRecords;
    private final boolean tokenWithPrefix;
    private final Set<String> seenTokens = new HashSet<>();
    /** Identifiers of a ListIdentifiers page still to get with GetRecord (oai.get-records). */
    private final Deque<String> toGet = new ArrayDeque<>();

    private String token;
    /** The token of the ListIdentifiers page whose records are being got (oai.get-records). */
    private String identifiersToken;
    private boolean started;
    private boolean done;
    private LamException pending;
    private long lastRequest;
    private int pages;
    private final java.time.Duration maxRetryAfter;
    private final boolean lenient;

    /**
     * Opens a harvest.
     *
     * @param input {@code oai:} followed by the endpoint's URL and the request's arguments
     * @param options the options: limits, and the {@code oai.*} settings
     * @throws IllegalArgumentException for a URL that is not http(s), or a bad argument
     */
    public OaiSource(String input, ReadOptions options) {
        this.input = input;
        String url = input.substring(input.indexOf(':') + 1).strip();
        if (!Fetcher.isHttp(url)) {
            throw new IllegalArgumentException("an OAI-PMH harvest is oai:http(s)://host/path?arguments, not " + input);
        }
        int q = url.indexOf('?');
        this.base = q < 0 ? url : url.substring(0, q);
        this.params = query(q < 0 ? "" : url.substring(q + 1));
        String v = params.remove("verb");
        this.verb = v == null ? "ListRecords" : v;
        if (!VERBS.contains(verb)) {
            throw new IllegalArgumentException("OAI-PMH has no verb '" + verb + "' (verbs: " + VERBS + ")");
        }
        if ((verb.equals("ListRecords") || verb.equals("ListIdentifiers") || verb.equals("GetRecord"))
                && !params.containsKey("metadataPrefix")) {
            params.put("metadataPrefix", "oai_dc");
        }
        this.token = OaiSettings.resume(options) != null ? OaiSettings.resume(options) : params.remove("resumptionToken");
        if (token != null) {
            seenTokens.add(token);
        }
        this.limits = options.limits();
        this.delay = OaiSettings.delay(options);
        this.retries = OaiSettings.retries(options);
        this.backoff = OaiSettings.backoff(options);
        this.getRecords = verb.equals("ListIdentifiers") && OaiSettings.getRecords(options);
        this.tokenWithPrefix = options.flag(OaiSettings.TOKEN_WITH_PREFIX, false);
        this.maxRetryAfter = OaiSettings.maxRetryAfter(options);
        this.lenient = OaiSettings.lenient(options);
        this.fetcher = Fetcher.builder(limits).retries(retries).backoff(backoff)
                .maxRetryAfter(maxRetryAfter)
                .header("Accept", "text/xml, application/xml;q=0.9, */*;q=0.1").build();
        this.factory = AaltoXml.factory(limits);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : q.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The request for the list's next page: the first, or the one of the current token. */
    private String listUrl() {
        StringBuilder sb = new StringBuilder(base).append("?verb=").append(getRecords ? "ListIdentifiers" : verb);
        if (token != null) {
            if (tokenWithPrefix && params.containsKey("metadataPrefix")) {
                sb.append("&metadataPrefix=").append(enc(params.get("metadataPrefix")));
            }
            sb.append("&resumptionToken=").append(enc(token));
        } else {
            params.forEach((k, v) -> sb.append('&').append(enc(k)).append('=').append(enc(v)));
        }
        return sb.toString();
    }

    private String getRecordUrl(String identifier) {
        return base + "?verb=GetRecord&identifier=" + enc(identifier) + "&metadataPrefix="
                + enc(params.getOrDefault("metadataPrefix", "oai_dc"));
    }

    @Override
    public SourceProvider.Page next() throws IOException {
        if (pending != null) {
            LamException e = pending;
            pending = null;
            done = true;
            throw e;
        }
        while (!toGet.isEmpty()) {
            String id = toGet.poll();
            String url = getRecordUrl(id);
            // a failure here resumes from the identifiers' page, whose records are not all had
            Fetched f = fetch(url, identifiersToken);
            if (f.scan.errorCode != null) {
                if (f.scan.errorCode.equals("idDoesNotExist")) {
                    continue;
                }
                if (f.scan.errorCode.equals("cannotDisseminateFormat")) {
                    // this record only (a restricted or odd item): the reader reports it, located
                    // at its request, and the others are got
                    return page(url, f);
                }
                throw oaiError(f, url);
            }
            return page(url, f);
        }
        if (done) {
            return null;
        }
        if (started && token == null) {
            done = true;
            return null;
        }
        started = true;
        String url = listUrl();
        String asked = token;
        Fetched f = fetch(url, asked);
        PageScan s = f.scan;
        if (s.wellFormed && s.root != null && !s.root.equals("OAI-PMH")) {
            done = true;
            throw new LamFormatException("OAI-PMH harvest stopped: the answer to " + where(url, asked)
                    + " is no OAI-PMH response (its root is <" + s.root + ">)" + resume(asked),
                    Location.of(url, null).withLine(Math.max(1, s.rootLine), -1));
        }
        if (s.errorCode != null) {
            done = true;
            if (s.errorCode.equals("noRecordsMatch") || s.errorCode.equals("noSetHierarchy") && verb.equals("ListSets")) {
                return null; // an empty result: no records, or no sets to list
            }
            throw oaiError(f, url);
        }
        if (!LISTS.contains(verb) || s.last()) {
            done = true;
            token = null;
        } else if (!seenTokens.add(s.token)) {
            // the server sends a token it sent before: a loop
            pending = new LamFormatException("OAI-PMH harvest stopped: the server sent resumptionToken '" + s.token
                    + "' again (a loop); the records up to here are read. Request: " + url,
                    Location.of(url, null).withLine(Math.max(1, s.tokenLine), -1));
            token = null;
        } else {
            token = s.token;
        }
        if (!f.scan.wellFormed) {
            // handed on, so that the reader gives the records before the cut and a located problem; then stop
            pending = new LamFormatException("OAI-PMH harvest stopped: the page " + where(url, asked)
                    + (s.unbound ? " uses a namespace prefix it does not declare (" + s.problem
                            + (lenient ? ")" : "; " + OaiSettings.LENIENT + "=true binds the well-known prefixes)")
                            : " is not well-formed after " + retries + " retries (" + s.problem + ")") + resume(asked),
                    Location.of(url, null).withLine(Math.max(1, s.problemLine), -1));
            token = null;
        }
        if (getRecords) {
            identifiersToken = asked;
            toGet.addAll(s.identifiers);
            return next();
        }
        return page(url, f);
    }

    private SourceProvider.Page page(String url, Fetched f) {
        pages++;
        return new SourceProvider.Page(url, "oai-page-" + pages, f.bytes, "oai-pmh");
    }

    private LamException oaiError(Fetched f, String url) {
        return new LamFormatException("OAI-PMH error " + f.scan.errorCode
                + (f.scan.errorText == null || f.scan.errorText.isEmpty() ? "" : " (" + f.scan.errorText + ")")
                + " for " + where(url, tokenOf(url)) + resume(tokenOf(url)),
                Location.of(url, null).withLine(Math.max(1, f.scan.errorLine), -1));
    }

    private String tokenOf(String url) {
        int i = url.indexOf("resumptionToken=");
        if (i < 0) {
            return null;
        }
        int end = url.indexOf('&', i);
        return URLDecoder.decode(url.substring(i + 16, end < 0 ? url.length() : end), StandardCharsets.UTF_8);
    }

    private static String where(String url, String token) {
        return token == null ? url : url + " (resumptionToken '" + token + "')";
    }

    /** How to resume: from the token of the request that failed, or from the start. */
    private String resume(String asked) {
        if (asked == null) {
            return pages == 0 ? "; nothing was harvested" : "";
        }
        return "; resume the harvest with oai.resume=" + asked + " (lam convert --resume '" + asked + "')";
    }

    /** A page's bytes and what the harvester read of it. */
    private static final class Fetched {
        final byte[] bytes;
        final PageScan scan;

        Fetched(byte[] bytes, PageScan scan) {
            this.bytes = bytes;
            this.scan = scan;
        }
    }

    /**
     * Gets one page: after the delay since the last request; a failure on the way (network,
     * timeout, a page cut short) retried with back-off; an HTTP error after the fetcher's own
     * retries, or the last failure, thrown naming the token to resume from.
     */
    private Fetched fetch(String url, String asked) throws IOException {
        URI uri = URI.create(url);
        IOException last = null;
        Fetched cut = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                sleep(backoff.toMillis() << Math.min(attempt - 1, 16));
            }
            politeWait();
            try (Fetcher.Response r = fetcher.get(uri)) {
                lastRequest = System.nanoTime();
                if (r.status() != 200) {
                    done = true;
                    throw new LamIOException("OAI-PMH harvest stopped: HTTP " + r.status() + " for " + where(url, asked)
                            + r.retryAfter().filter(d -> d.compareTo(maxRetryAfter) > 0)
                                    .map(d -> " (Retry-After " + d.toSeconds() + " s, more than oai.max-retry-after)")
                                    .orElse(" after " + retries + " retries") + resume(asked),
                            Location.of(url, null), new IOException("HTTP " + r.status()));
                }
                byte[] bytes = readAll(r.body());
                lastRequest = System.nanoTime();
                PageScan scan = PageScan.of(bytes, factory, lenient);
                if (scan.wellFormed || scan.errorCode != null || scan.unbound) {
                    return new Fetched(bytes, scan);
                }
                cut = new Fetched(bytes, scan);
            } catch (LamException e) {
                throw e;
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                last = e;
            }
            lastRequest = System.nanoTime();
        }
        if (cut != null && last == null) {
            return cut; // handed on, then the harvest stops
        }
        done = true;
        throw new LamIOException("OAI-PMH harvest stopped: " + where(url, asked) + " failed after " + retries
                + " retries (" + (last == null ? "page cut short" : last.getMessage()) + ")" + resume(asked),
                Location.of(url, null), last == null ? new IOException("page cut short") : last);
    }

    private byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes(); // bounded by maxDownloadBytes in the fetcher
    }

    private void politeWait() throws IOException {
        if (lastRequest == 0) {
            return;
        }
        long waited = (System.nanoTime() - lastRequest) / 1_000_000;
        long left = delay.toMillis() - waited;
        if (left > 0) {
            sleep(left);
        }
    }

    private static void sleep(long ms) throws InterruptedIOException {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting between OAI-PMH requests");
        }
    }

    @Override
    public String toString() {
        return "OAI-PMH harvest " + input;
    }
}
