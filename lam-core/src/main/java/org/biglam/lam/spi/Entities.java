package org.biglam.lam.spi;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Character references and the named character entities of HTML 4 (the ISO 8879 Latin 1, symbol
 * and special sets, which TEI P4 DTDs declare too, and XML's {@code &apos;}), of ISO 8879's Latin 2
 * ({@code &amacr;}, {@code &lstrok;}; and {@code &ebreve;} and its kin, named by the same rule) and
 * of its numeric, publishing and diacritical sets where HTML 4 lacks them ({@code &hyphen;},
 * {@code &dollar;}, {@code &ldquor;}, {@code &breve;}; as the W3C's XML entity definitions map
 * them): one decoder for every
 * reader that meets them without a DTD, in HTML text (hOCR, IIIF labels) or in XML whose DTD is not
 * read (TEI P4). It only looks names up in this fixed table; it never expands an entity a document
 * declares, so it has no entity-expansion or external-entity surface.
 *
 * <p>A numeric reference ({@code &#233;}, {@code &#xE9;}) gives its character when it names a
 * Unicode scalar value other than U+0000 (a surrogate, zero or a number past U+10FFFF is not
 * decoded). Anything not decoded is left as it is written.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Entities {

    /** The longest reference body looked at between {@code &} and {@code ;} (names are at most 8). */
    private static final int MAX_REFERENCE = 32;

    private static final Map<String, String> NAMED = new HashMap<>(1024);

    static {
        String table = ""
            + "AElig=c6 Aacute=c1 Acirc=c2 Agrave=c0 Alpha=391 Aring=c5 Atilde=c3 Auml=c4 Beta=392 "
            + "Ccedil=c7 Chi=3a7 Dagger=2021 Delta=394 ETH=d0 Eacute=c9 Ecirc=ca Egrave=c8 Epsilon=395 "
            + "Eta=397 Euml=cb Gamma=393 Iacute=cd Icirc=ce Igrave=cc Iota=399 Iuml=cf Kappa=39a "
            + "Lambda=39b Mu=39c Ntilde=d1 Nu=39d OElig=152 Oacute=d3 Ocirc=d4 Ograve=d2 Omega=3a9 "
            + "Omicron=39f Oslash=d8 Otilde=d5 Ouml=d6 Phi=3a6 Pi=3a0 Prime=2033 Psi=3a8 Rho=3a1 "
            + "Scaron=160 Sigma=3a3 THORN=de Tau=3a4 Theta=398 Uacute=da Ucirc=db Ugrave=d9 Upsilon=3a5 "
            + "Uuml=dc Xi=39e Yacute=dd Yuml=178 Zeta=396 aacute=e1 acirc=e2 acute=b4 aelig=e6 agrave=e0 "
            + "alefsym=2135 alpha=3b1 amp=26 and=2227 ang=2220 apos=27 aring=e5 asymp=2248 atilde=e3 auml=e4 "
            + "bdquo=201e beta=3b2 brvbar=a6 bull=2022 cap=2229 ccedil=e7 cedil=b8 cent=a2 chi=3c7 "
            + "circ=2c6 clubs=2663 cong=2245 copy=a9 crarr=21b5 cup=222a curren=a4 dArr=21d3 dagger=2020 "
            + "darr=2193 deg=b0 delta=3b4 diams=2666 divide=f7 eacute=e9 ecirc=ea egrave=e8 empty=2205 "
            + "emsp=2003 ensp=2002 epsilon=3b5 equiv=2261 eta=3b7 eth=f0 euml=eb euro=20ac exist=2203 "
            + "fnof=192 forall=2200 frac12=bd frac14=bc frac34=be frasl=2044 gamma=3b3 ge=2265 gt=3e "
            + "hArr=21d4 harr=2194 hearts=2665 hellip=2026 iacute=ed icirc=ee iexcl=a1 igrave=ec "
            + "image=2111 infin=221e int=222b iota=3b9 iquest=bf isin=2208 iuml=ef kappa=3ba lArr=21d0 "
            + "lambda=3bb lang=2329 laquo=ab larr=2190 lceil=2308 ldquo=201c le=2264 lfloor=230a "
            + "lowast=2217 loz=25ca lrm=200e lsaquo=2039 lsquo=2018 lt=3c macr=af mdash=2014 micro=b5 "
            + "middot=b7 minus=2212 mu=3bc nabla=2207 nbsp=a0 ndash=2013 ne=2260 ni=220b not=ac "
            + "notin=2209 nsub=2284 ntilde=f1 nu=3bd oacute=f3 ocirc=f4 oelig=153 ograve=f2 oline=203e "
            + "omega=3c9 omicron=3bf oplus=2295 or=2228 ordf=aa ordm=ba oslash=f8 otilde=f5 otimes=2297 "
            + "ouml=f6 para=b6 part=2202 permil=2030 perp=22a5 phi=3c6 pi=3c0 piv=3d6 plusmn=b1 pound=a3 "
            + "prime=2032 prod=220f prop=221d psi=3c8 quot=22 rArr=21d2 radic=221a rang=232a raquo=bb "
            + "rarr=2192 rceil=2309 rdquo=201d real=211c reg=ae rfloor=230b rho=3c1 rlm=200f rsaquo=203a "
            + "rsquo=2019 sbquo=201a scaron=161 sdot=22c5 sect=a7 shy=ad sigma=3c3 sigmaf=3c2 sim=223c "
            + "spades=2660 sub=2282 sube=2286 sum=2211 sup=2283 sup1=b9 sup2=b2 sup3=b3 supe=2287 "
            + "szlig=df tau=3c4 there4=2234 theta=3b8 thetasym=3d1 thinsp=2009 thorn=fe tilde=2dc "
            + "times=d7 trade=2122 uArr=21d1 uacute=fa uarr=2191 ucirc=fb ugrave=f9 uml=a8 upsih=3d2 "
            + "upsilon=3c5 uuml=fc weierp=2118 xi=3be yacute=fd yen=a5 yuml=ff zeta=3b6 zwj=200d "
            + "zwnj=200c ";
        // ISO 8879's Latin 2 (ISOlat2), and the Latin letters with the same accents by the same
        // rule (ebreve, Ibreve, ...), which entity sets of TEI P4 texts declare too
        table += ""
            + "Amacr=100 Abreve=102 Aogon=104 Cacute=106 Ccirc=108 Ccaron=10c Cdot=10a Dcaron=10e "
            + "Dstrok=110 Emacr=112 Ebreve=114 Eogon=118 Ecaron=11a Edot=116 Gcirc=11c Gcedil=122 "
            + "Gbreve=11e Gdot=120 Hcirc=124 Hstrok=126 Itilde=128 Imacr=12a Ibreve=12c Iogon=12e Idot=130 "
            + "Jcirc=134 Kcedil=136 Lacute=139 Lcedil=13b Lcaron=13d Lstrok=141 Nacute=143 Ncedil=145 "
            + "Ncaron=147 Omacr=14c Obreve=14e Odblac=150 Racute=154 Rcedil=156 Rcaron=158 Sacute=15a "
            + "Scirc=15c Scedil=15e Tcedil=162 Tcaron=164 Tstrok=166 Utilde=168 Uring=16e Umacr=16a "
            + "Ubreve=16c Uogon=172 Udblac=170 Wcirc=174 Ycirc=176 Zacute=179 Zcaron=17d Zdot=17b amacr=101 "
            + "abreve=103 aogon=105 cacute=107 ccirc=109 ccaron=10d cdot=10b dcaron=10f dstrok=111 "
            + "emacr=113 ebreve=115 eogon=119 ecaron=11b edot=117 gcirc=11d gcedil=123 gbreve=11f gdot=121 "
            + "hcirc=125 hstrok=127 itilde=129 imacr=12b ibreve=12d iogon=12f jcirc=135 kcedil=137 "
            + "lacute=13a lcedil=13c lcaron=13e lstrok=142 nacute=144 ncedil=146 ncaron=148 omacr=14d "
            + "obreve=14f odblac=151 racute=155 rcedil=157 rcaron=159 sacute=15b scirc=15d scedil=15f "
            + "tcedil=163 tcaron=165 tstrok=167 utilde=169 uring=16f umacr=16b ubreve=16d uogon=173 "
            + "udblac=171 wcirc=175 ycirc=177 zacute=17a zcaron=17e zdot=17c ENG=14a eng=14b IJlig=132 "
            + "ijlig=133 inodot=131 kgreen=138 Lmidot=13f lmidot=140 napos=149 gacute=1f5 ";
        // ISO 8879's numeric and special (ISOnum), publishing (ISOpub) and diacritical (ISOdia)
        // characters that HTML 4 lacks, as the W3C's XML entity definitions map them
        table += ""
            + "half=bd frac18=215b frac38=215c frac58=215d frac78=215e horbar=2015 ohm=2126 mho=2127 "
            + "sung=266a dollar=24 percnt=25 excl=21 num=23 ast=2a plus=2b comma=2c hyphen=2010 period=2e "
            + "sol=2f colon=3a semi=3b equals=3d quest=3f commat=40 lsqb=5b bsol=5c rsqb=5d lowbar=5f "
            + "lcub=7b verbar=7c rcub=7d lpar=28 rpar=29 emsp13=2004 emsp14=2005 numsp=2007 puncsp=2008 "
            + "hairsp=200a dash=2010 ldquor=201e lsquor=201a rdquor=201d rsquor=2019 nldr=2025 mldr=2026 "
            + "vellip=22ee incare=2105 caret=2041 hybull=2043 blank=2423 squ=25a1 square=25a1 rect=25ad "
            + "marker=25ae cir=25cb utri=25b5 dtri=25bf ltri=25c3 rtri=25b9 star=2606 starf=2605 "
            + "female=2640 male=2642 sharp=266f flat=266d natur=266e check=2713 cross=2717 sext=2736 "
            + "phone=260e breve=2d8 caron=2c7 dblac=2dd die=a8 dot=2d9 ogon=2db ring=2da grave=60 ";
        for (String pair : table.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            NAMED.put(pair.substring(0, eq), new String(Character.toChars(Integer.parseInt(pair.substring(eq + 1), 16))));
        }
    }

    private Entities() {
    }

    /**
     * The text of a named character entity.
     *
     * @param name the entity's name, as in {@code &name;} (case matters: {@code Eacute} is not {@code eacute})
     * @return its text, or null if it is not one of the table's
     */
    public static @Nullable String value(String name) {
        return NAMED.get(name);
    }

    /**
     * The text of a reference, named or numeric.
     *
     * @param body what stands between {@code &} and {@code ;}: a name, {@code #} and decimal digits, or
     *     {@code #x} (or {@code #X}) and hexadecimal digits
     * @return its text, or null if it is not a reference this decoder knows or names no character
     */
    public static @Nullable String reference(String body) {
        int n = body.length();
        if (n < 2 || body.charAt(0) != '#') {
            return NAMED.get(body);
        }
        boolean hex = body.charAt(1) == 'x' || body.charAt(1) == 'X';
        int start = hex ? 2 : 1;
        if (start >= n || n - start > 8) {
            return null;
        }
        int cp = 0;
        for (int i = start; i < n; i++) {
            int d = Character.digit(body.charAt(i), hex ? 16 : 10);
            if (d < 0 || body.charAt(i) > 'f') { // ASCII digits only, not another script's
                return null;
            }
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > Character.MAX_CODE_POINT) {
                return null;
            }
        }
        if (cp == 0 || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return null;
        }
        return new String(Character.toChars(cp));
    }

    /**
     * Text with its character references decoded; a reference this decoder does not know, or an
     * {@code &} that starts none, is left as it is.
     *
     * @param s the text, or null
     * @return {@code s} itself if it has no {@code &}, else the decoded text; null for null
     */
    public static @Nullable String decode(@Nullable String s) {
        if (s == null) {
            return null;
        }
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        int n = s.length();
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, amp);
        int i = amp;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '&') {
                int semi = -1;
                for (int j = i + 1, end = Math.min(n, i + 2 + MAX_REFERENCE); j < end; j++) {
                    char e = s.charAt(j);
                    if (e == ';') {
                        semi = j;
                        break;
                    }
                    if (e == '&' || e == '<' || Character.isWhitespace(e)) {
                        break;
                    }
                }
                String rep = semi > i + 1 ? reference(s.substring(i + 1, semi)) : null;
                if (rep != null) {
                    sb.append(rep);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}
