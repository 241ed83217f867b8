package io.github.reluregions.plot;

import java.awt.Color;

/** The colours of the project's plots: a qualitative palette for regions and for data series. */
final class Palette {
    /** Light, distinct fills for regions (ColorBrewer Set3, then Pastel1 without its near-duplicates). */
    private static final Color[] REGIONS = {
        new Color(0x8dd3c7), new Color(0xffffb3), new Color(0xbebada), new Color(0xfb8072),
        new Color(0x80b1d3), new Color(0xfdb462), new Color(0xb3de69), new Color(0xfccde5),
        new Color(0xd9d9d9), new Color(0xbc80bd), new Color(0xccebc5), new Color(0xffed6f),
    };
    /** Stronger colours for data series (Tableau 10). */
    private static final Color[] SERIES = {
        new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2),
        new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
        new Color(0x9c755f), new Color(0xbab0ac),
    };
    static final Color BOUNDARY = new Color(40, 40, 40, 170);
    static final Color ZERO_SET = new Color(0x111111);
    static final Color EMPTY = Color.WHITE;

    private Palette() {
    }

    /** How many region colours there are before colours repeat with other hues. */
    static int regionColours() {
        return REGIONS.length;
    }

    /** Region colour {@code k}; beyond the palette, hues spaced by the golden angle. */
    static Color region(int k) {
        if (k < REGIONS.length) {
            return REGIONS[k];
        }
        float hue = (float) ((k * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.35f, 0.95f);
    }

    /** Series colour {@code k}, repeating after ten. */
    static Color series(int k) {
        return SERIES[k % SERIES.length];
    }
}
