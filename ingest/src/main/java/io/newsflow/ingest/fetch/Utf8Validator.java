package io.newsflow.ingest.fetch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks bytes for well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF) without decoding them, so a UTF-8 page can be published as the bytes it
 * was fetched as. Runs of ASCII, most of any HTML, are passed eight bytes at a time.
 */
final class Utf8Validator {

    /** The bytes are well-formed UTF-8. */
    static final int VALID = -1;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Validator() {
    }

    /**
     * {@link #VALID} when {@code bytes} are well-formed UTF-8, else the index of the first byte of
     * the first sequence that is not. A sequence cut by the end of the bytes counts as not
     * well-formed, at the index where it starts.
     */
    static int firstInvalid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            if (i + 8 <= n && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, n);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return VALID;
    }

    /** The length of the well-formed multi-byte sequence at {@code i}, or 0 when there is none. */
    private static int sequenceLength(byte[] bytes, int i, int n) {
        int lead = bytes[i] & 0xff;
        int length;
        // the range of the second byte: narrower after E0 and F0 (no overlong form), ED (no
        // surrogate) and F4 (nothing above U+10FFFF)
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : low;
            high = lead == 0xED ? 0x9F : high;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : low;
            high = lead == 0xF4 ? 0x8F : high;
        } else {
            return 0;
        }
        if (i + length > n) {
            return 0;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if (!continuation(bytes[i + k])) {
                return 0;
            }
        }
        return length;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
