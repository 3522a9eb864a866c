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
        if (lead >= 0xC2 && lead <= 0xDF) {
            return i + 1 < n && continuation(bytes[i + 1]) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            if (i + 2 >= n) {
                return 0;
            }
            int second = bytes[i + 1] & 0xff;
            // E0 needs A0..BF (no overlong form), ED needs 80..9F (no surrogate)
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF;
            return second >= low && second <= high && continuation(bytes[i + 2]) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            if (i + 3 >= n) {
                return 0;
            }
            int second = bytes[i + 1] & 0xff;
            // F0 needs 90..BF (no overlong form), F4 needs 80..8F (nothing above U+10FFFF)
            int low = lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xF4 ? 0x8F : 0xBF;
            return second >= low && second <= high && continuation(bytes[i + 2]) && continuation(bytes[i + 3]) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
