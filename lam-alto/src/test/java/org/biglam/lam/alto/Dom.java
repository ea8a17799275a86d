package org.biglam.lam.alto;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * ALTO read with the JDK's DOM, apart from lam's reader, so that tests recompute what lam gives
 * (words, their confidence) from the file itself.
 */
final class Dom {

    private Dom() {
    }

    static Document parse(Path f) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return dbf.newDocumentBuilder().parse(f.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(f.toString(), e);
        }
    }

    /** The elements of a local name, whatever their namespace, in document order. */
    static List<Element> elements(Node root, String localName) {
        NodeList nl = root instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) root).getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** The TextLines that have Strings, all of them empty or white space. */
    static int blankLines(Path f) {
        int n = 0;
        for (Element line : elements(parse(f), "TextLine")) {
            List<Element> strings = elements(line, "String");
            if (!strings.isEmpty() && strings.stream().allMatch(s -> s.getAttribute("CONTENT").isBlank())) {
                n++;
            }
        }
        return n;
    }
}
