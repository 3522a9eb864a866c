package io.newsflow.enrich.extract;

import static java.util.Objects.requireNonNull;

/** One paragraph of output: its text, what kind of block it came from and how much of it is links. */
record Block(String text, Kind kind, int linkChars) {

    enum Kind { PARAGRAPH, HEADING, LIST_ITEM, QUOTE, PREFORMATTED, CELL }

    Block {
        requireNonNull(text, "text");
        requireNonNull(kind, "kind");
    }

    double linkDensity() {
        return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }
}
