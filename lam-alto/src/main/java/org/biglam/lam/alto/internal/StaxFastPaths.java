package org.biglam.lam.alto.internal;

import javax.xml.stream.XMLStreamReader;

/** {@link ParserFastPaths} through plain StAX calls: for any parser, no shortcut taken. */
final class StaxFastPaths implements ParserFastPaths {

    private final XMLStreamReader r;
    private String confidenceText;

    StaxFastPaths(XMLStreamReader r) {
        this.r = r;
    }

    @Override
    public boolean internsNames() {
        return false;
    }

    @Override
    public String value(int i) {
        return r.getAttributeValue(i);
    }

    @Override
    public float coordinate(int i) {
        return (float) Numbers.parse(r.getAttributeValue(i));
    }

    @Override
    public double confidence(int i) {
        confidenceText = r.getAttributeValue(i).trim();
        return -1;
    }

    @Override
    public String confidenceText() {
        return confidenceText;
    }
}
