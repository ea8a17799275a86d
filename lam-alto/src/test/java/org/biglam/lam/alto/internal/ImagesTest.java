package org.biglam.lam.alto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void tellsUrisFromPathsOfThisAndOtherMachines() {
        for (String uri : new String[] {"http://example.org/a.jpg", "file:/scans/0001.tif", "urn:x-y:1",
            "svn+ssh://host/a", "https:"}) {
            assertThat(Images.isAbsoluteUri(uri)).as(uri).isTrue();
        }
        for (String path : new String[] {"C:\\scans\\0001.tif", "c:/scans/a.tif", "0001.tif", "images/0001.jp2",
            "/scans/0001.tif", "1http://x", ":x", "a b:c", "\\\\server\\scans\\0001.tif", ""}) {
            assertThat(Images.isAbsoluteUri(path)).as(path).isFalse();
        }
        for (String other : new String[] {"C:\\scans\\0001.tif", "d:/scans/a.tif", "\\\\server\\a.tif", "//server/a.tif",
            "images\\0001.tif"}) {
            assertThat(Images.notPortable(other)).as(other).isTrue();
        }
        for (String here : new String[] {"0001.tif", "images/0001.jp2", "/scans/0001.tif", "../a.tif", "1:2.tif"}) {
            assertThat(Images.notPortable(here)).as(here).isFalse();
        }
    }
}
