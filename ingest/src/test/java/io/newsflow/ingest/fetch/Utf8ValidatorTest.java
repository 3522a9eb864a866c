package io.newsflow.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    @Test
    void wellFormedTextOfEveryLengthIsValid() {
        String text = "<p>Zürich, Ça va, Ελλάδα, 北京, \ud83d\ude00 and plain ASCII past eight bytes</p>";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(Utf8Validator.VALID, Utf8Validator.firstInvalid(utf8));
        assertEquals(Utf8Validator.VALID, Utf8Validator.firstInvalid(new byte[0]));
        assertEquals(Utf8Validator.VALID, Utf8Validator.firstInvalid("\uFFFD".getBytes(StandardCharsets.UTF_8)),
                "a literal replacement character is well-formed");
    }

    @Test
    void illFormedSequencesAreFoundWhereTheyStart() {
        // lone continuation, overlong '/', overlong three-byte, surrogate, above U+10FFFF, bad lead, cut at the end
        String[] bad = {"80", "c0af", "e08080", "eda080", "f4908080", "ff", "e282"};
        for (String hex : bad) {
            byte[] bytes = concat("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(hex));
            assertEquals(16, Utf8Validator.firstInvalid(bytes), hex);
        }
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        Random random = new Random(42);
        String sample = "news – “quoted” Zürich 北京 \ud83d\ude00 ";
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = sample.repeat(1 + random.nextInt(4)).getBytes(StandardCharsets.UTF_8);
            for (int flips = random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int cut = random.nextInt(bytes.length + 1);
            byte[] body = Arrays.copyOf(bytes, cut);
            assertEquals(decodesStrictly(body), Utf8Validator.firstInvalid(body) == Utf8Validator.VALID,
                    HexFormat.of().formatHex(body));
        }
    }

    private static boolean decodesStrictly(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
