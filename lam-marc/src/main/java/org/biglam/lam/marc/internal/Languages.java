package org.biglam.lam.marc.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MARC language codes (ISO 639-2/B, plus MARC's obsolete codes) to BCP 47 tags: the ISO 639-1
 * two-letter code where one exists, else the ISO 639-2/T three-letter code.
 */
public final class Languages {

    /** ISO 639-2/T to ISO 639-1, for every language that has a two-letter code. */
    private static final String T_TO_1 = "aar=aa abk=ab afr=af aka=ak amh=am ara=ar arg=an asm=as ava=av ave=ae aym=ay aze=az "
            + "bak=ba bam=bm bel=be ben=bn bih=bh bis=bi bod=bo bos=bs bre=br bul=bg cat=ca ces=cs "
            + "cha=ch che=ce chu=cu chv=cv cor=kw cos=co cre=cr cym=cy dan=da deu=de div=dv dzo=dz "
            + "ell=el eng=en epo=eo est=et eus=eu ewe=ee fao=fo fas=fa fij=fj fin=fi fra=fr fry=fy "
            + "ful=ff gla=gd gle=ga glg=gl glv=gv grn=gn guj=gu hat=ht hau=ha heb=he her=hz hin=hi "
            + "hmo=ho hrv=hr hun=hu hye=hy ibo=ig ido=io iii=ii iku=iu ile=ie ina=ia ind=id ipk=ik "
            + "isl=is ita=it jav=jv jpn=ja kal=kl kan=kn kas=ks kat=ka kau=kr kaz=kk khm=km kik=ki "
            + "kin=rw kir=ky kom=kv kon=kg kor=ko kua=kj kur=ku lao=lo lat=la lav=lv lim=li lin=ln "
            + "lit=lt ltz=lb lub=lu lug=lg mah=mh mal=ml mar=mr mkd=mk mlg=mg mlt=mt mol=ro mon=mn "
            + "mri=mi msa=ms mya=my nau=na nav=nv nbl=nr nde=nd ndo=ng nep=ne nld=nl nno=nn nob=nb "
            + "nor=no nya=ny oci=oc oji=oj ori=or orm=om oss=os pan=pa pli=pi pol=pl por=pt pus=ps "
            + "que=qu roh=rm ron=ro run=rn rus=ru sag=sg san=sa sin=si slk=sk slv=sl sme=se smo=sm "
            + "sna=sn snd=sd som=so sot=st spa=es sqi=sq srd=sc srp=sr ssw=ss sun=su swa=sw swe=sv "
            + "tah=ty tam=ta tat=tt tel=te tgk=tg tgl=tl tha=th tir=ti ton=to tsn=tn tso=ts tuk=tk "
            + "tur=tr twi=tw uig=ug ukr=uk urd=ur uzb=uz ven=ve vie=vi vol=vo wln=wa wol=wo xho=xh "
            + "yid=yi yor=yo zha=za zho=zh zul=zu";

    /** ISO 639-2/B codes that differ from the /T code. */
    private static final String B_TO_T = "alb=sqi arm=hye baq=eus bur=mya chi=zho cze=ces dut=nld fre=fra geo=kat "
            + "ger=deu gre=ell ice=isl mac=mkd mao=mri may=msa per=fas rum=ron slo=slk tib=bod wel=cym";

    /** MARC's discontinued codes that still occur in old records, to their current code. */
    private static final String OBSOLETE = "cam=khm esp=epo far=fao fri=fry gag=glg gua=grn int=ina iri=gle "
            + "lan=oci lap=smi max=glv mla=mlg sao=smo scc=srp scr=hrv sho=sna snh=sin sso=sot swz=ssw "
            + "tag=tgl taj=tgk tar=tat tsw=tsn";

    private static final Map<String, String> TAGS = new HashMap<>();

    static {
        Map<String, String> t1 = pairs(T_TO_1);
        Map<String, String> bt = pairs(B_TO_T);
        bt.putAll(pairs(OBSOLETE));
        TAGS.putAll(t1);
        for (Map.Entry<String, String> e : bt.entrySet()) {
            TAGS.put(e.getKey(), t1.getOrDefault(e.getValue(), e.getValue()));
        }
    }

    private Languages() {
    }

    private static Map<String, String> pairs(String s) {
        Map<String, String> m = new HashMap<>();
        for (String p : s.trim().split(" +")) {
            int eq = p.indexOf('=');
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return m;
    }

    /**
     * Maps a MARC language code to a BCP 47 tag.
     *
     * @param code a three-letter code as found in 008/35-37 or 041
     * @return the tag, or null if the code is blank, a fill character or not three letters
     */
    public static String toBcp47(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (c.length() != 3) {
            return null;
        }
        c = c.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 3; i++) {
            char ch = c.charAt(i);
            if (ch < 'a' || ch > 'z') {
                return null;
            }
        }
        String tag = TAGS.get(c);
        return tag != null ? tag : c;
    }
}
