package io.newsflow.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a directory of saved pages, {@code <id>.html} or {@code <id>.html.gz}, keyed by id: the
 * evals, benches and JMH benchmarks all read their pages through it.
 */
public final class HtmlPages {

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private HtmlPages() {
    }

    /** Pages sorted by id, so runs are repeatable. */
    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html.gz")) {
                    pages.put(name.substring(0, name.length() - ".html.gz".length()), decode(gunzip(file)));
                } else if (name.endsWith(".html")) {
                    pages.put(name.substring(0, name.length() - ".html".length()), decode(Files.readAllBytes(file)));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return pages;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    // UTF-8 first (nearly all saved pages); a page that is not valid UTF-8 is decoded by its meta charset
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            Charset charset = StandardCharsets.UTF_8;
            if (m.find() && Charset.isSupported(m.group(1))) {
                charset = Charset.forName(m.group(1));
            }
            return new String(bytes, charset);
        }
    }
}
