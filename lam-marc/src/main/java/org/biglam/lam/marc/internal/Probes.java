package org.biglam.lam.marc.internal;

import java.util.Optional;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.Sniff;

/** Content probes of the three MARC formats. */
public final class Probes {

    private Probes() {
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean digits(byte[] h, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (!digit(h[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * ISO 2709: a leader of five digits of length, "22" indicator and subfield code counts, five
     * digits of base address and the "4500" entry map (UNIMARC's "450 " too), then directory
     * digits: a full match. A leader whose length, status, type and base address are sane but whose
     * counts or entry map are damaged (blanks, as some exports write), or whose first directory tag
     * has a blank in it: a solid match. A byte order mark and blank lines before the leader are
     * passed over.
     */
    public static MatchStrength iso2709(byte[] h, int len) {
        // what web exports put before the first record: a byte order mark, blank lines
        int lead = Sniff.utf8ByteOrderMark(h, len);
        while (lead < len && lead < 64
                && (h[lead] == '\n' || h[lead] == '\r' || h[lead] == ' ' || h[lead] == '\t')) {
            lead++;
        }
        if (lead > 0) {
            return lead < len ? iso2709(java.util.Arrays.copyOfRange(h, lead, len), len - lead) : MatchStrength.NO_MATCH;
        }
        if (len < 24 || !digits(h, 0, 5) || !digits(h, 12, 5)) {
            return MatchStrength.NO_MATCH;
        }
        boolean entryMap = h[20] == '4' && h[21] == '5' && h[22] == '0' && (h[23] == '0' || h[23] == ' ');
        boolean counts = h[10] == '2' && h[11] == '2';
        boolean directory = true;
        boolean tagBlank = false;
        if (len >= 36) {
            directory = digits(h, 27, 9);
            for (int i = 24; i < 27; i++) {
                if (h[i] == ' ') {
                    tagBlank = true;
                } else if (!Character.isLetterOrDigit(h[i] & 0xff)) {
                    directory = false;
                }
            }
        }
        if (entryMap && counts && directory && !tagBlank) {
            return MatchStrength.FULL_MATCH;
        }
        if (!directory || len < 36) {
            return MatchStrength.NO_MATCH;
        }
        if (entryMap || counts) {
            return MatchStrength.SOLID_MATCH;
        }
        int length = (h[0] - '0') * 10000 + (h[1] - '0') * 1000 + (h[2] - '0') * 100 + (h[3] - '0') * 10 + h[4] - '0';
        int base = (h[12] - '0') * 10000 + (h[13] - '0') * 1000 + (h[14] - '0') * 100 + (h[15] - '0') * 10 + h[16] - '0';
        boolean status = h[5] >= 'a' && h[5] <= 'z' && h[6] >= 'a' && h[6] <= 'z';
        boolean sane = base >= 37 && base < length && base <= len && h[base - 1] == Iso2709Decoder.FT;
        return status && sane ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
    }

    /**
     * MARCXML: the MARC namespace on the root, a full match; a {@code collection} or
     * {@code record} root without namespace holding a {@code leader}, or an OAI-PMH or SRU response
     * carrying MARC records, a solid match; an OAI-PMH response of Dublin Core records, weak.
     */
    public static MatchStrength marcXml(byte[] h, int len) {
        Optional<Sniff.XmlRoot> root = Sniff.xmlRoot(h, len);
        if (root.isEmpty()) {
            return MatchStrength.NO_MATCH;
        }
        Sniff.XmlRoot r = root.get();
        if (r.namespace().equals(MarcXmlRecordReader.MARC_NS) || r.namespace().equals(MarcXmlRecordReader.MARCXCHANGE_NS_1)
                || r.namespace().equals(MarcXmlRecordReader.MARCXCHANGE_NS_2)) {
            return MatchStrength.FULL_MATCH;
        }
        // markers looked for in the bytes (Sniff.containsAscii): a document that is not MARC is not decoded
        boolean leader = has(h, len, "<leader>") || has(h, len, ":leader>") || has(h, len, "<leader ");
        if (r.namespace().isEmpty() && (r.localName().equals("collection") || r.localName().equals("record"))) {
            return leader || has(h, len, "<controlfield") || has(h, len, "<datafield")
                    ? MatchStrength.SOLID_MATCH : MatchStrength.WEAK_MATCH;
        }
        if (has(h, len, MarcXmlRecordReader.MARC_NS) || has(h, len, "info:lc/xmlns/marcxchange")
                || (leader && has(h, len, "datafield"))) {
            return MatchStrength.SOLID_MATCH;
        }
        if (r.localName().equals("OAI-PMH") && has(h, len, MarcXmlRecordReader.OAI_DC_NS)) {
            return MatchStrength.WEAK_MATCH;
        }
        return MatchStrength.NO_MATCH;
    }

    private static boolean has(byte[] h, int len, String ascii) {
        return Sniff.containsAscii(h, len, ascii);
    }

    /**
     * MarcEdit's mnemonic text: the first line that is not blank starts with {@code =LDR} and two
     * blanks, and the next with {@code =} and a tag, a full match; {@code =LDR} alone, solid.
     */
    public static MatchStrength mrk(byte[] h, int len) {
        int i = Sniff.utf8ByteOrderMark(h, len);
        while (i < len && (h[i] == '\n' || h[i] == '\r' || h[i] == ' ' || h[i] == '\t')) {
            i++;
        }
        if (i + 6 > len || h[i] != '=' || h[i + 1] != 'L' || h[i + 2] != 'D' || h[i + 3] != 'R') {
            return MatchStrength.NO_MATCH;
        }
        int eol = i;
        while (eol < len && h[eol] != '\n') {
            eol++;
        }
        int next = eol + 1;
        if (h[i + 4] == ' ' && next + 6 <= len && h[next] == '=' && digit(h[next + 1]) && digit(h[next + 2])
                && digit(h[next + 3]) && h[next + 4] == ' ') {
            return MatchStrength.FULL_MATCH;
        }
        return MatchStrength.SOLID_MATCH;
    }

    /**
     * MARC-in-JSON: an object (or array of objects, or one a line) with "leader" and "fields"
     * keys, a solid match; full if the leader has the ISO 2709 shape.
     */
    public static MatchStrength marcJson(byte[] h, int len) {
        char c = Sniff.firstChar(h, len);
        if (c != '{' && c != '[') {
            return MatchStrength.NO_MATCH;
        }
        String text = Sniff.text(h, len);
        int leader = text.indexOf("\"leader\"");
        boolean fields = text.contains("\"fields\"");
        if (leader < 0 || !fields) {
            return leader >= 0 || (fields && text.contains("\"subfields\"")) ? MatchStrength.WEAK_MATCH
                    : MatchStrength.NO_MATCH;
        }
        int colon = text.indexOf(':', leader + 8);
        int quote = colon < 0 ? -1 : text.indexOf('"', colon);
        if (quote > 0 && quote + 25 <= text.length()) {
            String v = text.substring(quote + 1, quote + 25);
            if (v.substring(0, 5).chars().allMatch(Character::isDigit) && v.endsWith("4500")) {
                return MatchStrength.FULL_MATCH;
            }
        }
        return MatchStrength.SOLID_MATCH;
    }
}
