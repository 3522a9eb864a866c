package io.newsflow.enrich.tag.country;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HomonymTownsTest {

    private static HomonymTowns read(String text) throws IOException {
        return HomonymTowns.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTownCountsWhenTheArticleNamesItsStateOrProvince() throws IOException {
        HomonymTowns towns = read("# source: made up\nLondon\tOntario\nParis\tNew York\n");
        assertTrue(towns.inNamedRegion("London", Set.of("London", "Ontario"), "London, Ontario"));
        assertFalse(towns.inNamedRegion("London", Set.of("London", "Texas"), "London, Texas"));
        assertTrue(towns.inNamedRegion("Paris", Set.of("Paris", "New", "York"), "Paris in New York state"));
        assertFalse(towns.inNamedRegion("Paris", Set.of("Paris", "York"), "Paris in York"));
        assertFalse(towns.inNamedRegion("Rome", Set.of("Rome", "Ontario"), "Rome and Ontario"));
    }

    @Test
    void rejectsALineWithoutARegion() {
        assertThrows(IOException.class, () -> read("London Ontario\n"));
    }

    @Test
    void shippedListComesFromGeoNamesAndLeavesOutTheCapitalsOwnCountry() throws IOException {
        HomonymTowns shipped = HomonymTowns.shipped();
        assertTrue(shipped.inNamedRegion("London", Set.of("Ontario"), ""));
        assertTrue(shipped.inNamedRegion("Lebanon", Set.of("Ohio"), ""));
        assertFalse(shipped.inNamedRegion("Ottawa", Set.of("Ontario"), ""));
        assertTrue(shipped.isTown("Paris"));
        assertFalse(shipped.isTown("Stockholm"));
        assertFalse(shipped.isTown("Washington"));
        try (var in = HomonymTowns.class.getResourceAsStream(HomonymTowns.RESOURCE)) {
            String header = new String(in.readNBytes(400), StandardCharsets.UTF_8);
            assertTrue(header.contains("Source:") && header.contains("Licence:"), header);
        }
    }
}
