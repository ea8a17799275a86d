package org.biglam.lam.marc.internal;

import org.biglam.lam.marc.MarcOptions;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * MARC 21 or UNIMARC: the one rule that tells them apart by a record's content, used by every
 * reader (ISO 2709 on the raw bytes, before decoding; the others on the marc4j record).
 */
public final class Flavours {

    /** Each record by its content. */
    static final int AUTO = 0;
    /** Every record MARC 21. */
    static final int MARC21 = 1;
    /** Every record UNIMARC. */
    static final int UNIMARC = 2;

    private Flavours() {
    }

    /**
     * The flavour option as a constant.
     *
     * @param option {@link MarcOptions#flavour()}
     * @return AUTO, MARC21 or UNIMARC
     */
    static int of(String option) {
        switch (option) {
            case MarcOptions.FLAVOUR_MARC21:
                return MARC21;
            case MarcOptions.FLAVOUR_UNIMARC:
                return UNIMARC;
            default:
                return AUTO;
        }
    }

    /**
     * Whether a record is UNIMARC: it has no 245 (MARC 21's title, which every MARC 21
     * bibliographic record has) and either a 200 (UNIMARC's title; MARC 21 defines no 200) or a
     * 100 of UNIMARC's shape (general processing data: eight digits of date entered, then a
     * lowercase letter for the type of date, where MARC 21 has a personal name).
     *
     * @param has245 whether it has a 245
     * @param has200 whether it has a 200
     * @param f100a the first 100 $a, or null
     * @return whether it is UNIMARC
     */
    static boolean unimarc(boolean has245, boolean has200, String f100a) {
        if (has245) {
            return false;
        }
        return has200 || unimarc100(f100a);
    }

    /**
     * Whether a record is a UNIMARC holdings record (UNIMARC/Holdings): no 245 nor 200, the 004 that
     * names its bibliographic record, and a 252 (location and call number, which MARC 21 does not
     * define) or a 256 (electronic location).
     *
     * @param has245 whether it has a 245
     * @param has200 whether it has a 200
     * @param has004 whether it has a 004
     * @param hasLocation whether it has a 252 or a 256
     * @return whether it is a UNIMARC holdings record
     */
    static boolean unimarcHoldings(boolean has245, boolean has200, boolean has004, boolean hasLocation) {
        return !has245 && !has200 && has004 && hasLocation;
    }

    /**
     * Whether a marc4j record has the shape of a UNIMARC holdings record: see
     * {@link #unimarcHoldings(boolean, boolean, boolean, boolean)}.
     *
     * @param r the record
     * @return whether it is
     */
    static boolean unimarcHoldings(Record r) {
        boolean has004 = false;
        boolean hasLocation = false;
        for (VariableField f : r.getVariableFields()) {
            switch (f.getTag()) {
                case "245": case "200":
                    return false;
                case "004":
                    has004 = true;
                    break;
                case "252": case "256":
                    hasLocation |= f instanceof DataField;
                    break;
                default:
                    break;
            }
        }
        return has004 && hasLocation;
    }

    private static boolean unimarc100(String a) {
        if (a == null || a.length() < 17) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = a.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char type = a.charAt(8);
        return type >= 'a' && type <= 'z';
    }

    /**
     * Whether a marc4j record is UNIMARC, by the option, a hint of the format (MARCXchange's
     * {@code format} attribute) or else its content.
     *
     * @param option AUTO, MARC21 or UNIMARC
     * @param hint TRUE or FALSE when the input says, else null
     * @param r the record
     * @return whether to read it as UNIMARC
     */
    static boolean unimarc(int option, Boolean hint, Record r) {
        if (option != AUTO) {
            return option == UNIMARC;
        }
        if (hint != null) {
            return hint;
        }
        boolean has245 = false;
        boolean has200 = false;
        boolean has004 = false;
        boolean hasLocation = false;
        String f100 = null;
        for (VariableField f : r.getVariableFields()) {
            if (f instanceof ControlField) {
                has004 |= f.getTag().equals("004");
                continue;
            }
            DataField df = (DataField) f;
            switch (df.getTag()) {
                case "245":
                    has245 = true;
                    break;
                case "200":
                    has200 = true;
                    break;
                case "252": case "256":
                    hasLocation = true;
                    break;
                case "100":
                    if (f100 == null) {
                        Subfield a = df.getSubfield('a');
                        f100 = a == null ? "" : a.getData();
                    }
                    break;
                default:
                    break;
            }
        }
        return unimarc(has245, has200, f100) || unimarcHoldings(has245, has200, has004, hasLocation);
    }
}
